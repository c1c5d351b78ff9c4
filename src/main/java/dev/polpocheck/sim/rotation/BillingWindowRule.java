package dev.polpocheck.sim.rotation;

/**
 * When the billing-failure counter starts over (polpo-semantics.md §12, §5 row 4).
 *
 * <p>Both rules reset with a strict comparison: a failure exactly one window after the reference
 * time does not reset the counter.
 */
public enum BillingWindowRule {
  /**
   * Polpo 0.3.x code: the window starts at the first failure and is never moved by later ones; the
   * counter resets at the first failure more than one window after that start.
   */
  ANCHORED_AT_FIRST_FAILURE,
  /**
   * Polpo's docs and OpenClaw: the counter resets at a failure that comes more than one window
   * after the previous failure.
   */
  SINCE_LAST_FAILURE
}
