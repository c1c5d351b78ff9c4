package dev.polpocheck.sim.rotation;

import java.util.Arrays;

/**
 * The profile each open session has pinned per provider, for sticky rotation: an open-addressing
 * hash map from (session, provider) to a profile number that allocates only when it grows.
 *
 * <p>Memory is bounded by the peak number of open (session, provider) pairs: {@link #endSession}
 * removes a session's entries (backward-shift deletion, so no tombstones accumulate), and the table
 * halves when it becomes an eighth full.
 */
final class SessionPins {

  private static final int MIN_CAPACITY = 16;

  private long[] keys = new long[MIN_CAPACITY];

  /** Profile numbers; −1 marks an empty slot. */
  private int[] values = emptyValues(MIN_CAPACITY);

  private int size;

  /** Returns the number of (session, provider) pins held. */
  int size() {
    return size;
  }

  /** Returns the number of slots in the table (memory is proportional to it). */
  int capacity() {
    return keys.length;
  }

  /** Returns the profile pinned by {@code session} for {@code provider}, or −1. */
  int get(int session, int provider) {
    long key = key(session, provider);
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); values[slot] >= 0; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        return values[slot];
      }
    }
    return -1;
  }

  /** Pins profile {@code index} (≥ 0) for {@code session} on {@code provider}. */
  void put(int session, int provider, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("profile number must not be negative: " + index);
    }
    long key = key(session, provider);
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (values[slot] >= 0) {
      if (keys[slot] == key) {
        values[slot] = index;
        return;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    values[slot] = index;
    if (++size * 2 > keys.length) {
      resize(keys.length * 2);
    }
  }

  /** Removes every pin of {@code session} on providers 0..providerCount−1. */
  void endSession(int session, int providerCount) {
    for (int provider = 0; provider < providerCount; provider++) {
      remove(key(session, provider));
    }
    if (keys.length > MIN_CAPACITY && size * 8 < keys.length) {
      resize(keys.length / 2);
    }
  }

  private void remove(long key) {
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (values[slot] >= 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (values[slot] < 0) {
      return;
    }
    size--;
    // Backward-shift deletion: pull later entries of the probe run into the gap.
    int gap = slot;
    int next = (gap + 1) & mask;
    while (values[next] >= 0) {
      int home = slot(keys[next], mask);
      if (((next - home) & mask) >= ((next - gap) & mask)) {
        keys[gap] = keys[next];
        values[gap] = values[next];
        gap = next;
      }
      next = (next + 1) & mask;
    }
    values[gap] = -1;
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[capacity];
    values = emptyValues(capacity);
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] >= 0) {
        int slot = slot(oldKeys[i], mask);
        while (values[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  private static int[] emptyValues(int capacity) {
    int[] values = new int[capacity];
    Arrays.fill(values, -1);
    return values;
  }

  private static long key(int session, int provider) {
    return ((long) session << 32) | (provider & 0xFFFF_FFFFL);
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h >>> 40) & mask;
  }
}
