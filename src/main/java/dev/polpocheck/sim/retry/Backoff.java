package dev.polpocheck.sim.retry;

/**
 * The two retry delays a Polpo request can wait through: Polpo's own {@code withRetry}
 * (polpo-semantics.md §15) and the Anthropic SDK's retries below it.
 *
 * <p>Both take the uniform random number {@code u} in [0, 1) as an argument, so callers draw it
 * from the run's seeded generator and the formulas stay pure.
 */
public final class Backoff {
  /**
   * The SDK honours a provider-requested wait only below this; at or above it, it uses its own
   * backoff ({@code 0 <= timeoutMillis && timeoutMillis < 60 * 1000}, @anthropic-ai/sdk 0.73.0
   * client.js:412).
   */
  public static final long SDK_MAX_RETRY_AFTER_MILLIS = 60_000L;

  private Backoff() {}

  /**
   * Polpo's {@code withRetry} delay before retry {@code k} (k = 0, 1, ...): {@code base =
   * min(initial x 2^k, max)}, {@code delay = base + floor(u x 0.5 x base)}. With the defaults (1 s,
   * 30 s): 1-1.5 s, 2-3 s, 4-6 s, ..., 30-45 s.
   */
  public static long withRetryMillis(int k, long initialMillis, long maxMillis, double u) {
    long base = k >= 62 ? maxMillis : Math.min(initialMillis << Math.min(k, 40), maxMillis);
    return base + (long) Math.floor(u * 0.5 * base);
  }

  /**
   * The Anthropic SDK's delay before its retry {@code k}: the server's {@code retry-after} when it
   * is positive and below 60 s, otherwise {@code min(0.5 s x 2^k, 8 s) x (1 - 0.25 u)} (the SDK's
   * default backoff with its downward jitter, client.js:419-428).
   */
  public static long sdkMillis(int k, long retryAfterMillis, double u) {
    if (retryAfterMillis > 0 && retryAfterMillis < SDK_MAX_RETRY_AFTER_MILLIS) {
      return retryAfterMillis;
    }
    long base = Math.min(500L << Math.min(k, 10), 8_000L);
    return (long) Math.floor(base * (1 - 0.25 * u));
  }
}
