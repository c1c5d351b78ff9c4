package dev.polpocheck.sim.retry;

/**
 * Polpo's {@code classifyProviderError} reasons (polpo-semantics.md §14) with whether each cools
 * the provider down and whether it fails over to the next model.
 */
public enum ErrorReason {
  AUTH(true, true),
  RATE_LIMIT(true, true),
  BILLING(true, true),
  SERVER_ERROR(true, true),
  NETWORK(false, false),
  CLIENT_ERROR(false, false),
  UNKNOWN(false, false);

  private final boolean cooldown;
  private final boolean failover;

  ErrorReason(boolean cooldown, boolean failover) {
    this.cooldown = cooldown;
    this.failover = failover;
  }

  /** True when Polpo marks the provider as cooling down for this reason. */
  public boolean cooldown() {
    return cooldown;
  }

  /** True when Polpo moves on to the next model of the fallback chain. */
  public boolean failover() {
    return failover;
  }
}
