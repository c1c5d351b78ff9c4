package dev.polpocheck.sim;

import java.util.PriorityQueue;

/**
 * The replay's pending events in simulated time: turn starts, HTTP attempts and output-reservation
 * refunds, ordered by time and, on equal times, by insertion order so runs are deterministic.
 */
final class EventQueue {
  static final int START = 0;
  static final int SEND = 1;
  static final int REFUND = 2;

  /** One pending event; {@code key}, {@code amount} and {@code actual} are used by refunds only. */
  static final class Event {
    final long time;
    final long seq;
    final int kind;
    final Task task;
    final int key;
    final long amount;
    final long actual;

    Event(long time, long seq, int kind, Task task, int key, long amount, long actual) {
      this.time = time;
      this.seq = seq;
      this.kind = kind;
      this.task = task;
      this.key = key;
      this.amount = amount;
      this.actual = actual;
    }
  }

  private final PriorityQueue<Event> queue =
      new PriorityQueue<>(
          (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private long seq;

  /** Schedules a turn start or an HTTP attempt of {@code task} at {@code time}. */
  void push(long time, int kind, Task task) {
    queue.add(new Event(time, seq++, kind, task, -1, 0, 0));
  }

  /** Schedules the refund of an output reservation's unused part on limiter key {@code key}. */
  void pushRefund(long time, int key, long amount, long actual) {
    queue.add(new Event(time, seq++, REFUND, null, key, amount, actual));
  }

  Event peek() {
    return queue.peek();
  }

  Event poll() {
    return queue.poll();
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }
}
