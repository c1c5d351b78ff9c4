package dev.polpocheck.sim;

import java.util.Arrays;

/**
 * The replay's pending events in simulated time: turn starts, HTTP attempts and output-reservation
 * refunds, ordered by time and, on equal times, by insertion order so runs are deterministic.
 *
 * <p>Without an object per event: an event's fields live in parallel arrays at a slot (slots are
 * reused once their event is removed), and a binary min-heap orders the slot numbers by (time,
 * insertion number). The engine reads the earliest event's fields with the {@code head*} methods,
 * then removes it.
 */
final class EventQueue {
  static final int START = 0;
  static final int SEND = 1;
  static final int REFUND = 2;

  // an event's fields, by slot; key, amount and actual are used by refunds only
  private long[] time = new long[16];
  private long[] seq = new long[16];
  private int[] kind = new int[16];
  private Task[] task = new Task[16];
  private int[] key = new int[16];
  private long[] amount = new long[16];
  private long[] actual = new long[16];
  /** Free slots below {@link #slots}, as a stack. */
  private int[] free = new int[16];
  private int freeCount;
  private int slots;
  /** The heap of slot numbers: {@code heap[0]} is the earliest event. */
  private int[] heap = new int[16];
  private int size;
  private long nextSeq;

  /** Schedules a turn start or an HTTP attempt of {@code task} at {@code time}. */
  void push(long time, int kind, Task task) {
    add(time, kind, task, -1, 0, 0);
  }

  /** Schedules the refund of an output reservation's unused part on limiter key {@code key}. */
  void pushRefund(long time, int key, long amount, long actual) {
    add(time, REFUND, null, key, amount, actual);
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The earliest event's time; the queue must not be empty. */
  long headTime() {
    return time[heap[0]];
  }

  int headKind() {
    return kind[heap[0]];
  }

  Task headTask() {
    return task[heap[0]];
  }

  int headKey() {
    return key[heap[0]];
  }

  long headAmount() {
    return amount[heap[0]];
  }

  long headActual() {
    return actual[heap[0]];
  }

  /** Removes the earliest event. */
  void removeHead() {
    int slot = heap[0];
    task[slot] = null;
    free[freeCount++] = slot;
    size--;
    if (size > 0) {
      siftDown(heap[size]);
    }
  }

  private void add(long t, int k, Task tk, int ky, long am, long ac) {
    int slot = freeCount > 0 ? free[--freeCount] : newSlot();
    time[slot] = t;
    seq[slot] = nextSeq++;
    kind[slot] = k;
    task[slot] = tk;
    key[slot] = ky;
    amount[slot] = am;
    actual[slot] = ac;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, 2 * size);
    }
    int at = size++;
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!earlier(slot, heap[parent])) {
        break;
      }
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = slot;
  }

  /** Places {@code slot} from the root down (the root's event was removed). */
  private void siftDown(int slot) {
    int at = 0;
    while (true) {
      int child = 2 * at + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && earlier(heap[child + 1], heap[child])) {
        child++;
      }
      if (!earlier(heap[child], slot)) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = slot;
  }

  private boolean earlier(int a, int b) {
    return time[a] < time[b] || (time[a] == time[b] && seq[a] < seq[b]);
  }

  private int newSlot() {
    if (slots == time.length) {
      int n = 2 * slots;
      time = Arrays.copyOf(time, n);
      seq = Arrays.copyOf(seq, n);
      kind = Arrays.copyOf(kind, n);
      task = Arrays.copyOf(task, n);
      key = Arrays.copyOf(key, n);
      amount = Arrays.copyOf(amount, n);
      actual = Arrays.copyOf(actual, n);
      free = Arrays.copyOf(free, n);
    }
    return slots++;
  }
}
