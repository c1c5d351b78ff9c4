package dev.polpocheck.sim.rotation;

import java.util.Arrays;

/**
 * A 4-ary min-heap over the items 0..capacity−1 with a {@code long} key per item; ties are broken
 * by the smaller item number, which the selector uses as file order.
 *
 * <p>The position index makes removal and key changes O(log n) without searching. Keys are stored
 * by heap position next to the items, so a sift reads contiguous memory instead of chasing each
 * item to its key; four children per node halve the depth, and the four sit in one or two cache
 * lines. Nothing is allocated after construction.
 */
final class IndexedMinHeap {

  private final long[] keys;
  private final int[] items;
  private final int[] position;
  private int size;

  /** Creates an empty heap for items 0..capacity−1. */
  IndexedMinHeap(int capacity) {
    keys = new long[capacity];
    items = new int[capacity];
    position = new int[capacity];
    Arrays.fill(position, -1);
  }

  /** Returns the number of items in the heap. */
  int size() {
    return size;
  }

  /** Returns whether {@code item} is in the heap. */
  boolean contains(int item) {
    return position[item] >= 0;
  }

  /** Returns the smallest item; the heap must not be empty. */
  int peek() {
    return items[0];
  }

  /** Returns the key of the smallest item; the heap must not be empty. */
  long peekKey() {
    return keys[0];
  }

  /** Adds {@code item}, which must not be in the heap, with key {@code key}. */
  void insert(int item, long key) {
    siftUp(size++, item, key);
  }

  /** Sets the key of {@code item}, which must be in the heap, and restores the order. */
  void changeKey(int item, long key) {
    int at = position[item];
    if (key < keys[at]) {
      siftUp(at, item, key);
    } else {
      siftDown(at, item, key);
    }
  }

  /** Removes {@code item}, which must be in the heap. */
  void remove(int item) {
    int at = position[item];
    position[item] = -1;
    int last = --size;
    if (at != last) {
      int moved = items[last];
      long movedKey = keys[last];
      if (at > 0 && less(movedKey, moved, keys[(at - 1) >>> 2], items[(at - 1) >>> 2])) {
        siftUp(at, moved, movedKey);
      } else {
        siftDown(at, moved, movedKey);
      }
    }
  }

  /** Removes and returns the smallest item; the heap must not be empty. */
  int poll() {
    int top = items[0];
    remove(top);
    return top;
  }

  /** Empties the heap. */
  void clear() {
    for (int i = 0; i < size; i++) {
      position[items[i]] = -1;
    }
    size = 0;
  }

  private static boolean less(long keyA, int itemA, long keyB, int itemB) {
    return keyA < keyB || (keyA == keyB && itemA < itemB);
  }

  /** Places {@code item} with {@code key} at {@code at} or above. */
  private void siftUp(int at, int item, long key) {
    while (at > 0) {
      int parentAt = (at - 1) >>> 2;
      int parent = items[parentAt];
      long parentKey = keys[parentAt];
      if (!less(key, item, parentKey, parent)) {
        break;
      }
      items[at] = parent;
      keys[at] = parentKey;
      position[parent] = at;
      at = parentAt;
    }
    items[at] = item;
    keys[at] = key;
    position[item] = at;
  }

  /** Places {@code item} with {@code key} at {@code at} or below. */
  private void siftDown(int at, int item, long key) {
    int n = size;
    while (true) {
      int first = 4 * at + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bestKey = keys[first];
      int bestItem = items[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long k = keys[c];
        int it = items[c];
        if (less(k, it, bestKey, bestItem)) {
          best = c;
          bestKey = k;
          bestItem = it;
        }
      }
      if (!less(bestKey, bestItem, key, item)) {
        break;
      }
      items[at] = bestItem;
      keys[at] = bestKey;
      position[bestItem] = at;
      at = best;
    }
    items[at] = item;
    keys[at] = key;
    position[item] = at;
  }
}
