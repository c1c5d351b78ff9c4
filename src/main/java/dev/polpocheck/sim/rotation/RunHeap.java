package dev.polpocheck.sim.rotation;

import java.util.Arrays;

/**
 * An indexed priority queue over the items 0..capacity−1 ordered by (key, item), made of a sorted
 * run — a doubly linked list kept in ascending order — and an {@link IndexedMinHeap} for whatever
 * does not fit at the end of the run.
 *
 * <p>Why: in rotation most keys arrive in ascending order. A success sets {@code lastUsed = now},
 * the largest key in its bucket while the clock runs forward; cooldown and disable ends grow the
 * same way. Such an insert is an O(1) append to the run, and the smallest item is the lesser of the
 * run's head and the heap's top, so the steady state of a replay costs O(1) per operation and the
 * heap only holds the stragglers (a profile back from a cooldown with an old {@code lastUsed}, a
 * state loaded from a file, a clock that went backwards), each at O(log n). Removing any item from
 * the run is an O(1) unlink. Nothing is allocated after construction.
 */
final class RunHeap {

  private final IndexedMinHeap heap;
  private final long[] runKey;
  private final int[] next;
  private final int[] previous;
  private final boolean[] inRun;
  private int head = -1;
  private int tail = -1;
  private int runSize;

  /** Creates an empty queue for items 0..capacity−1. */
  RunHeap(int capacity) {
    heap = new IndexedMinHeap(capacity);
    runKey = new long[capacity];
    next = new int[capacity];
    previous = new int[capacity];
    inRun = new boolean[capacity];
    Arrays.fill(next, -1);
    Arrays.fill(previous, -1);
  }

  /** Returns the number of items held. */
  int size() {
    return runSize + heap.size();
  }

  /** Returns whether {@code item} is held. */
  boolean contains(int item) {
    return inRun[item] || heap.contains(item);
  }

  /** Returns the item with the smallest (key, item); the queue must not be empty. */
  int peek() {
    if (runSize == 0) {
      return heap.peek();
    }
    if (heap.size() == 0) {
      return head;
    }
    int top = heap.peek();
    return less(heap.peekKey(), top, runKey[head], head) ? top : head;
  }

  /** Returns the key of {@link #peek()}; the queue must not be empty. */
  long peekKey() {
    if (runSize == 0) {
      return heap.peekKey();
    }
    if (heap.size() == 0) {
      return runKey[head];
    }
    return Math.min(heap.peekKey(), runKey[head]);
  }

  /** Adds {@code item}, which must not be held, with key {@code key}. */
  void insert(int item, long key) {
    if (runSize == 0 || less(runKey[tail], tail, key, item)) {
      runKey[item] = key;
      inRun[item] = true;
      previous[item] = tail;
      next[item] = -1;
      if (runSize == 0) {
        head = item;
      } else {
        next[tail] = item;
      }
      tail = item;
      runSize++;
    } else {
      heap.insert(item, key);
    }
  }

  /** Removes {@code item}, which must be held. */
  void remove(int item) {
    if (!inRun[item]) {
      heap.remove(item);
      return;
    }
    inRun[item] = false;
    int before = previous[item];
    int after = next[item];
    if (before < 0) {
      head = after;
    } else {
      next[before] = after;
    }
    if (after < 0) {
      tail = before;
    } else {
      previous[after] = before;
    }
    runSize--;
  }

  /** Sets the key of {@code item}, which must be held. */
  void changeKey(int item, long key) {
    remove(item);
    insert(item, key);
  }

  /** Removes and returns the item with the smallest (key, item); must not be empty. */
  int poll() {
    int top = peek();
    remove(top);
    return top;
  }

  /** Empties the queue. */
  void clear() {
    heap.clear();
    for (int item = head; item >= 0; item = next[item]) {
      inRun[item] = false;
    }
    head = -1;
    tail = -1;
    runSize = 0;
  }

  private static boolean less(long keyA, int itemA, long keyB, int itemB) {
    return keyA < keyB || (keyA == keyB && itemA < itemB);
  }
}
