package dev.polpocheck.sim.rotation;

import java.util.Objects;

/**
 * The billing-disable schedule: the k-th billing failure of a window disables the profile for
 * {@code min(backoff × 2^(k−1), max)} (polpo-semantics.md §12).
 *
 * @param backoffMs the first disable period
 * @param maxMs the cap
 * @param windowMs the failure window (see {@link BillingWindowRule})
 * @param windowRule when the counter starts over
 */
public record BillingSchedule(
    long backoffMs, long maxMs, long windowMs, BillingWindowRule windowRule) {

  private static final long HOUR_MS = 3_600_000L;

  /** Polpo 0.3.x as coded: 5 h, 10 h, 20 h, 24 h cap, 24 h window anchored at the first failure. */
  public static final BillingSchedule POLPO =
      new BillingSchedule(
          5 * HOUR_MS, 24 * HOUR_MS, 24 * HOUR_MS, BillingWindowRule.ANCHORED_AT_FIRST_FAILURE);

  /** Checks that the periods are positive and the rule is present. */
  public BillingSchedule {
    if (backoffMs <= 0 || maxMs <= 0 || windowMs <= 0) {
      throw new IllegalArgumentException("billing backoff, cap and window must be positive");
    }
    Objects.requireNonNull(windowRule, "windowRule");
  }

  /** Returns this schedule with another window rule. */
  public BillingSchedule withWindowRule(BillingWindowRule rule) {
    return new BillingSchedule(backoffMs, maxMs, windowMs, rule);
  }

  /** Returns the disable period after the {@code count}-th failure of a window (1-based). */
  public long disableMs(int count) {
    int doublings = Math.max(1, count) - 1;
    // Past 62 doublings the product overflows; the cap has long been reached by then.
    if (doublings >= 62 || backoffMs > (Long.MAX_VALUE >> doublings)) {
      return maxMs;
    }
    return Math.min(backoffMs << doublings, maxMs);
  }
}
