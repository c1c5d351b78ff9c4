package dev.polpocheck.sim.limits;

/**
 * A token bucket that refills continuously: {@code capacity} tokens per {@code periodMillis}, never
 * above {@code capacity}, starting full.
 *
 * <p>Why integers: the level is kept in units of {@code 1 / periodMillis} token, so refilling
 * {@code capacity / periodMillis} tokens per millisecond adds exactly {@code capacity} units per
 * millisecond and the arithmetic stays exact (no drift, no rounding between runs). With Anthropic's
 * largest published limit (4,000,000 tokens per minute) the scaled capacity is 2.4e11, far inside a
 * long.
 */
public final class TokenBucket {
  private final long capacity;
  private final long periodMillis;
  private final long scaledCapacity;
  private long scaledLevel;
  private long lastRefill;

  /**
   * A full bucket.
   *
   * @param capacity tokens (or requests) per period, positive
   * @param periodMillis the period over which {@code capacity} refills, positive
   * @param now the time the bucket starts full, epoch ms
   */
  public TokenBucket(long capacity, long periodMillis, long now) {
    if (capacity <= 0 || periodMillis <= 0) {
      throw new IllegalArgumentException("capacity and period must be positive");
    }
    this.capacity = capacity;
    this.periodMillis = periodMillis;
    this.scaledCapacity = Math.multiplyExact(capacity, periodMillis);
    this.scaledLevel = scaledCapacity;
    this.lastRefill = now;
  }

  /** The bucket's size in tokens. */
  public long capacity() {
    return capacity;
  }

  /** Whole tokens available at {@code now} (rounded down). */
  public long level(long now) {
    refill(now);
    return scaledLevel / periodMillis;
  }

  /**
   * Milliseconds until {@code need} tokens are available at the current refill rate, 0 when they
   * already are; {@code need} must not exceed the capacity.
   */
  public long waitMillis(long need, long now) {
    refill(now);
    long missing = Math.multiplyExact(need, periodMillis) - scaledLevel;
    if (missing <= 0) {
      return 0;
    }
    return (missing + capacity - 1) / capacity; // ceil(missing units / units per ms)
  }

  /** Takes {@code need} tokens; the caller has checked {@link #waitMillis} is 0. */
  public void take(long need, long now) {
    refill(now);
    scaledLevel -= Math.multiplyExact(need, periodMillis);
  }

  /** Gives back {@code amount} tokens (an over-reservation), capped at the capacity. */
  public void refund(long amount, long now) {
    refill(now);
    scaledLevel = Math.min(scaledCapacity, scaledLevel + Math.multiplyExact(amount, periodMillis));
  }

  private void refill(long now) {
    if (now > lastRefill) {
      long elapsed = now - lastRefill;
      // a whole period refills even an empty bucket (the level never goes below 0: take's caller
      // checked waitMillis); below that, elapsed * capacity <= scaledCapacity cannot overflow
      scaledLevel =
          elapsed >= periodMillis
              ? scaledCapacity
              : Math.min(scaledCapacity, scaledLevel + elapsed * capacity);
      lastRefill = now;
    }
  }
}
