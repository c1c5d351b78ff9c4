package dev.polpocheck.sim.rotation;

/**
 * A binary min-heap over the items 0..capacity−1 with a {@code long} key per item; ties are
 * broken by the smaller item number, which the selector uses as file order.
 *
 * <p>The position index makes removal and key changes O(log n) without searching; nothing is
 * allocated after construction.
 */
final class IndexedMinHeap {

  private final long[] key;
  private final int[] heap;
  private final int[] position;
  private int size;

  /** Creates an empty heap for items 0..capacity−1. */
  IndexedMinHeap(int capacity) {
    key = new long[capacity];
    heap = new int[capacity];
    position = new int[capacity];
    java.util.Arrays.fill(position, -1);
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
    return heap[0];
  }

  /** Returns the key of the smallest item; the heap must not be empty. */
  long peekKey() {
    return key[heap[0]];
  }

  /** Adds {@code item}, which must not be in the heap, with key {@code k}. */
  void insert(int item, long k) {
    key[item] = k;
    int at = size++;
    heap[at] = item;
    position[item] = at;
    siftUp(at);
  }

  /** Sets the key of {@code item}, which must be in the heap, and restores the order. */
  void changeKey(int item, long k) {
    long old = key[item];
    key[item] = k;
    int at = position[item];
    if (k < old) {
      siftUp(at);
    } else if (k > old) {
      siftDown(at);
    }
  }

  /** Removes {@code item}, which must be in the heap. */
  void remove(int item) {
    int at = position[item];
    position[item] = -1;
    int last = --size;
    if (at != last) {
      int moved = heap[last];
      heap[at] = moved;
      position[moved] = at;
      siftDown(at);
      if (heap[at] == moved) {
        siftUp(at);
      }
    }
  }

  /** Removes and returns the smallest item; the heap must not be empty. */
  int poll() {
    int top = heap[0];
    remove(top);
    return top;
  }

  /** Empties the heap. */
  void clear() {
    for (int i = 0; i < size; i++) {
      position[heap[i]] = -1;
    }
    size = 0;
  }

  private boolean less(int a, int b) {
    long ka = key[a];
    long kb = key[b];
    return ka < kb || (ka == kb && a < b);
  }

  private void siftUp(int at) {
    int item = heap[at];
    while (at > 0) {
      int parentAt = (at - 1) >>> 1;
      int parent = heap[parentAt];
      if (!less(item, parent)) {
        break;
      }
      heap[at] = parent;
      position[parent] = at;
      at = parentAt;
    }
    heap[at] = item;
    position[item] = at;
  }

  private void siftDown(int at) {
    int item = heap[at];
    int half = size >>> 1;
    while (at < half) {
      int childAt = 2 * at + 1;
      int child = heap[childAt];
      int rightAt = childAt + 1;
      if (rightAt < size && less(heap[rightAt], child)) {
        childAt = rightAt;
        child = heap[rightAt];
      }
      if (!less(child, item)) {
        break;
      }
      heap[at] = child;
      position[child] = at;
      at = childAt;
    }
    heap[at] = item;
    position[item] = at;
  }
}
