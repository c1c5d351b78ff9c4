package dev.polpocheck.sim.rotation;

/**
 * A snapshot of one profile's usage statistics, the {@code usageStats} entry of {@code
 * auth-profiles.json} (polpo-semantics.md §9.2), in epoch milliseconds.
 *
 * <p>Conventions follow Polpo's JavaScript truthiness: {@code lastUsed}, {@code cooldownUntil} and
 * {@code disabledUntil} equal to 0 mean "absent" (a missing {@code lastUsed} sorts as 0 anyway, and
 * Polpo tests {@code cooldownUntil && now < cooldownUntil}). {@code failureWindowStart} is read
 * with {@code ??}, so 0 is a real start time; {@link #NO_WINDOW} marks it absent.
 *
 * @param lastUsed the last successful key fetch, 0 if never
 * @param cooldownUntil end of the transient cooldown, 0 if none
 * @param errorCount consecutive transient errors
 * @param disabledUntil end of the billing disable, 0 if none
 * @param billingErrorCount billing failures in the current window
 * @param failureWindowStart start of the billing-failure window, {@link #NO_WINDOW} if none
 */
public record ProfileStats(
    long lastUsed,
    long cooldownUntil,
    int errorCount,
    long disabledUntil,
    int billingErrorCount,
    long failureWindowStart) {

  /** The value of {@link #failureWindowStart} when no billing failure has been recorded. */
  public static final long NO_WINDOW = Long.MIN_VALUE;

  /** A profile that was never used and has no cooldown, disable or failure. */
  public static final ProfileStats NONE = new ProfileStats(0, 0, 0, 0, 0, NO_WINDOW);

  /** Checks that the counters are not negative. */
  public ProfileStats {
    if (errorCount < 0 || billingErrorCount < 0) {
      throw new IllegalArgumentException("error counts must not be negative");
    }
  }
}
