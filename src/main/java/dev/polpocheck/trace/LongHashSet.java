package dev.polpocheck.trace;

/**
 * A set of 64-bit hashes in one primitive array (open addressing, linear probing): the global dedup
 * set costs 16 bytes per key at most, instead of the ~80 of a {@code HashSet<Long>}.
 *
 * <p>Keys are dedup hashes of (message id, request id); two distinct keys collide with probability
 * about n^2 / 2^65 (3 x 10^-8 for a million calls), an accepted risk documented in the README. Zero
 * marks an empty slot, so the key 0 is stored as a fixed stand-in (which makes 0 and the stand-in
 * one key: another 2^-64 chance of a false duplicate).
 */
final class LongHashSet {
  private static final long ZERO_STANDIN = 0x9E3779B97F4A7C15L;
  private long[] slots = new long[1024];
  private int size;

  /** Adds {@code key}; true when it was not yet present. */
  boolean add(long key) {
    long k = key == 0 ? ZERO_STANDIN : key;
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (true) {
      long s = slots[i];
      if (s == 0) {
        slots[i] = k;
        size++;
        return true;
      }
      if (s == k) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  /** True when {@code key} is present. */
  boolean contains(long key) {
    long k = key == 0 ? ZERO_STANDIN : key;
    int mask = slots.length - 1;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (true) {
      long s = slots[i];
      if (s == 0) {
        return false;
      }
      if (s == k) {
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  /** Number of keys. */
  int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (long s : old) {
      if (s != 0) {
        add(s == ZERO_STANDIN ? 0 : s);
      }
    }
  }
}
