package dev.polpocheck.catalog;

import java.util.Objects;

/**
 * The list price of one model, every rate in picodollars per token (see {@code cost.Money}).
 *
 * @param provider provider id ("anthropic", "deepseek", ...)
 * @param model model id
 * @param input uncached input
 * @param output output
 * @param cacheWrite5m 5-minute cache write (1.25 x input at Anthropic)
 * @param cacheWrite1h 1-hour cache write (2 x input at Anthropic)
 * @param cacheRead cache read / hit (0.1 x input at Anthropic)
 * @param longContext the long-context tier, or null when the model has none
 * @param fast the fast-mode tier, or null when the model has none (a fast request is then billed
 *     at the standard rates)
 */
public record Price(
    String provider,
    String model,
    long input,
    long output,
    long cacheWrite5m,
    long cacheWrite1h,
    long cacheRead,
    LongContext longContext,
    Fast fast) {

  /** A price without a fast-mode tier. */
  public Price(
      String provider,
      String model,
      long input,
      long output,
      long cacheWrite5m,
      long cacheWrite1h,
      long cacheRead,
      LongContext longContext) {
    this(provider, model, input, output, cacheWrite5m, cacheWrite1h, cacheRead, longContext, null);
  }

  public Price {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    if (input < 0 || output < 0 || cacheWrite5m < 0 || cacheWrite1h < 0 || cacheRead < 0) {
      throw new IllegalArgumentException("rates must not be negative for " + provider + ":" + model);
    }
  }

  /**
   * A request-wide long-context tier: when a request's prompt (input + cache writes + cache reads)
   * exceeds {@code thresholdTokens}, <em>every</em> token of that request, output included, is
   * billed at these rates (Anthropic's rule for Sonnet 4 / 4.5 with the 1M beta).
   */
  public record LongContext(
      long thresholdTokens,
      long input,
      long output,
      long cacheWrite5m,
      long cacheWrite1h,
      long cacheRead) {}

  /**
   * A fast-mode tier: a request the trace marks as fast mode is billed at these rates over its
   * whole context (Anthropic's rule for Opus 4.8 and Opus 5: 2 x the standard input and output
   * rates, the cache multipliers applied to the fast input rate).
   */
  public record Fast(
      long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead) {
    public Fast {
      if (input < 0 || output < 0 || cacheWrite5m < 0 || cacheWrite1h < 0 || cacheRead < 0) {
        throw new IllegalArgumentException("fast-mode rates must not be negative");
      }
    }
  }
}
