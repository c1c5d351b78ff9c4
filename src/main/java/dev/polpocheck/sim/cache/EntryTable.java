package dev.polpocheck.sim.cache;

import java.util.Arrays;

/**
 * The cache's entries in an open-addressing hash table keyed by a primitive {@code long} (scope,
 * model, chain packed together), so a look-up boxes nothing. Linear probing with backward-shift
 * deletion (no tombstones); grows at half full. Entries are the four longs of a prefix: length,
 * written-at, expires-at and TTL, kept in parallel arrays.
 */
final class EntryTable {
  private static final long EMPTY = -1L; // keys are non-negative

  private long[] keys;
  long[] length;
  long[] readableAt;
  long[] expiresAt;
  long[] ttl;
  private int size;

  EntryTable() {
    allocate(64);
  }

  int size() {
    return size;
  }

  /** The slot of {@code key}, or -1. */
  int find(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return i;
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  /** The slot of {@code key}, inserting an empty entry when absent. */
  int insert(long key) {
    if (2 * (size + 1) > keys.length) {
      rehash(keys.length * 2);
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        return i;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    size++;
    return i;
  }

  /** Removes every entry with {@code expiresAt <= now}. */
  void removeExpired(long now) {
    long[] oldKeys = keys;
    long[] oldLength = length;
    long[] oldReadable = readableAt;
    long[] oldExpires = expiresAt;
    long[] oldTtl = ttl;
    int live = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY && oldExpires[i] > now) {
        live++;
      }
    }
    int capacity = 64;
    while (capacity < live * 4) {
      capacity <<= 1;
    }
    allocate(capacity);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY && oldExpires[i] > now) {
        int s = insert(oldKeys[i]);
        length[s] = oldLength[i];
        readableAt[s] = oldReadable[i];
        expiresAt[s] = oldExpires[i];
        ttl[s] = oldTtl[i];
      }
    }
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    long[] oldLength = length;
    long[] oldReadable = readableAt;
    long[] oldExpires = expiresAt;
    long[] oldTtl = ttl;
    allocate(capacity);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int s = insert(oldKeys[i]);
        length[s] = oldLength[i];
        readableAt[s] = oldReadable[i];
        expiresAt[s] = oldExpires[i];
        ttl[s] = oldTtl[i];
      }
    }
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    length = new long[capacity];
    readableAt = new long[capacity];
    expiresAt = new long[capacity];
    ttl = new long[capacity];
    size = 0;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
