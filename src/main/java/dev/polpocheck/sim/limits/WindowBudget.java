package dev.polpocheck.sim.limits;

/**
 * A subscription plan's usage window: at most {@code limitTokens} counted tokens within a window of
 * {@code windowMillis} that opens at the first request after the previous window closed (the shape
 * of Claude's "5-hour windows"). Running out is a rate limit (429 until the window closes), never a
 * billing failure. No public sizes exist, so the user supplies them.
 */
public final class WindowBudget {
  private final long windowMillis;
  private final long limitTokens;
  private long windowStart = Long.MIN_VALUE;
  private long used;

  /** A budget of {@code limitTokens} per window of {@code windowMillis}; both positive. */
  public WindowBudget(long windowMillis, long limitTokens) {
    if (windowMillis <= 0 || limitTokens <= 0) {
      throw new IllegalArgumentException("window and limit must be positive");
    }
    this.windowMillis = windowMillis;
    this.limitTokens = limitTokens;
  }

  /**
   * How long a request of {@code tokens} must wait at {@code now}: 0 when it fits, else the ms
   * until the current window closes (at least 1,000). Changes nothing.
   */
  public long waitMillis(long tokens, long now) {
    if (windowStart == Long.MIN_VALUE || now >= windowStart + windowMillis) {
      return 0;
    }
    // a first request larger than the whole window is admitted, like an oversized bucket need
    if (used > 0 && used + tokens > limitTokens) {
      return Math.max(1_000L, windowStart + windowMillis - now);
    }
    return 0;
  }

  /** Charges {@code tokens} at {@code now}, opening a new window when none is open. */
  public void consume(long tokens, long now) {
    if (windowStart == Long.MIN_VALUE || now >= windowStart + windowMillis) {
      windowStart = now;
      used = 0;
    }
    used += tokens;
  }

  /** Charges {@code tokens} when they fit; returns {@link #waitMillis} (0 when charged). */
  public long tryConsume(long tokens, long now) {
    long wait = waitMillis(tokens, now);
    if (wait == 0) {
      consume(tokens, now);
    }
    return wait;
  }
}
