package dev.polpocheck.sim;

import java.util.Arrays;

/**
 * The added delay of every completed call, kept exactly: percentiles are nearest-rank over the
 * real values (a histogram would report its bucket's top, e.g. 18,015 ms for 18,000). Most calls
 * wait 0 ms, so only the positive delays are stored, with a count of the zeros.
 */
final class DelayLog {
  private long[] positive = new long[64];
  private int size;
  private long zeros;
  private boolean sorted = true;

  /** Records one call's delay (ms, not negative). */
  void add(long delay) {
    if (delay <= 0) {
      zeros++;
      return;
    }
    if (size == positive.length) {
      positive = Arrays.copyOf(positive, size * 2);
    }
    positive[size++] = delay;
    sorted = false;
  }

  /** Calls recorded. */
  long count() {
    return zeros + size;
  }

  /**
   * The nearest-rank {@code p}-th percentile: the smallest recorded value with at least p % of the
   * values at or below it; 0 when nothing was recorded.
   */
  long percentile(double p) {
    long n = count();
    if (n == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
    if (rank <= zeros) {
      return 0;
    }
    sort();
    return positive[(int) (rank - zeros - 1)];
  }

  /** The largest recorded value, 0 when nothing was recorded. */
  long max() {
    sort();
    return size == 0 ? 0 : positive[size - 1];
  }

  private void sort() {
    if (!sorted) {
      Arrays.sort(positive, 0, size);
      sorted = true;
    }
  }
}
