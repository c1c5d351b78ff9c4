package dev.polpocheck.record;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes all calls together may hold in memory to read request and response bodies. A call
 * that cannot get more relays the rest of its body without reading it: traffic never waits for
 * memory, and memory never grows with load.
 */
final class ByteBudget {
  private final AtomicLong available;

  ByteBudget(long bytes) {
    this.available = new AtomicLong(bytes);
  }

  /** Takes {@code n} bytes if they are available. */
  boolean tryTake(long n) {
    while (true) {
      long a = available.get();
      if (a < n) {
        return false;
      }
      if (available.compareAndSet(a, a - n)) {
        return true;
      }
    }
  }

  /** Gives back bytes taken before. */
  void give(long n) {
    available.addAndGet(n);
  }
}
