package dev.polpocheck.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The list price of one model as it stands over one period, every rate in picodollars per token
 * (see {@code cost.Money}).
 *
 * <p><b>Prompt-length tiers.</b> A price may carry tiers that reprice the <em>whole</em> request
 * when its prompt (uncached input + cache reads + every cache write) is strictly above a tier's
 * threshold: every category, output included, is billed at that tier's rates. The highest threshold
 * below the prompt wins. Anthropic's 200K long-context rule for Sonnet 4 / 4.5 and Haiku 5.5's 100K
 * rule are two instances of this one mechanism; the fast-mode tier has tiers of its own.
 *
 * <p><b>Data residency.</b> {@code geoBasisPoints} maps an inference geography as a trace records
 * it ({@code usage.inference_geo}, e.g. "us") to a multiplier on every category, in basis points
 * (11000 = 1.1 x). A geography not listed costs the plain rates.
 *
 * @param provider provider id ("anthropic", "deepseek", ...)
 * @param model model id
 * @param input uncached input
 * @param output output
 * @param cacheWrite5m 5-minute cache write (1.25 x input at Anthropic)
 * @param cacheWrite1h 1-hour cache write (2 x input at Anthropic)
 * @param cacheRead cache read / hit (0.1 x input at Anthropic, less on some models)
 * @param promptTiers request-wide prompt-length tiers, ascending by threshold (may be empty)
 * @param fast the fast-mode tier in force, or null when the model has none (a fast request is then
 *     billed at the standard rates)
 * @param geoBasisPoints data-residency multipliers by geography, in basis points
 */
public record Price(
    String provider,
    String model,
    long input,
    long output,
    long cacheWrite5m,
    long cacheWrite1h,
    long cacheRead,
    List<LongContext> promptTiers,
    Fast fast,
    Map<String, Integer> geoBasisPoints) {

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

  /** A price with at most one prompt-length tier and no data-residency multipliers. */
  public Price(
      String provider,
      String model,
      long input,
      long output,
      long cacheWrite5m,
      long cacheWrite1h,
      long cacheRead,
      LongContext longContext,
      Fast fast) {
    this(
        provider,
        model,
        input,
        output,
        cacheWrite5m,
        cacheWrite1h,
        cacheRead,
        longContext == null ? List.of() : List.of(longContext),
        fast,
        Map.of());
  }

  public Price {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    if (input < 0 || output < 0 || cacheWrite5m < 0 || cacheWrite1h < 0 || cacheRead < 0) {
      throw new IllegalArgumentException(
          "rates must not be negative for " + provider + ":" + model);
    }
    promptTiers = sorted(promptTiers);
    geoBasisPoints = Map.copyOf(geoBasisPoints);
    for (int bp : geoBasisPoints.values()) {
      if (bp < 0) {
        throw new IllegalArgumentException("geo multipliers must not be negative");
      }
    }
  }

  /** The lowest prompt-length tier (the long-context tier of a Sonnet 4.5 row), or null. */
  public LongContext longContext() {
    return promptTiers.isEmpty() ? null : promptTiers.get(0);
  }

  /** This price with {@code f} as its fast-mode tier. */
  public Price withFast(Fast f) {
    return new Price(
        provider,
        model,
        input,
        output,
        cacheWrite5m,
        cacheWrite1h,
        cacheRead,
        promptTiers,
        f,
        geoBasisPoints);
  }

  static List<LongContext> sorted(List<LongContext> tiers) {
    List<LongContext> l = new ArrayList<>(tiers);
    l.sort(Comparator.comparingLong(LongContext::thresholdTokens));
    for (int i = 1; i < l.size(); i++) {
      if (l.get(i).thresholdTokens() == l.get(i - 1).thresholdTokens()) {
        throw new IllegalArgumentException(
            "two prompt-length tiers above " + l.get(i).thresholdTokens() + " tokens");
      }
    }
    return List.copyOf(l);
  }

  /**
   * A request-wide prompt-length tier: when a request's prompt (input + cache writes + cache reads)
   * exceeds {@code thresholdTokens}, <em>every</em> token of that request, output included, is
   * billed at these rates (Anthropic's rule for Sonnet 4 / 4.5 with the 1M beta above 200K, and for
   * Haiku 5.5 above 100K).
   */
  public record LongContext(
      long thresholdTokens,
      long input,
      long output,
      long cacheWrite5m,
      long cacheWrite1h,
      long cacheRead) {
    public LongContext {
      if (thresholdTokens < 1) {
        throw new IllegalArgumentException("a prompt-length threshold must be positive");
      }
      if (input < 0 || output < 0 || cacheWrite5m < 0 || cacheWrite1h < 0 || cacheRead < 0) {
        throw new IllegalArgumentException("prompt-tier rates must not be negative");
      }
    }
  }

  /**
   * A fast-mode tier: a request the trace marks as fast mode is billed at these rates, with the
   * cache multipliers applied to the fast input rate, and its own prompt-length tiers (Opus 4.6
   * fast bills prompts over 200K at higher rates).
   */
  public record Fast(
      long input,
      long output,
      long cacheWrite5m,
      long cacheWrite1h,
      long cacheRead,
      List<LongContext> promptTiers) {

    /** A fast tier without prompt-length tiers. */
    public Fast(long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead) {
      this(input, output, cacheWrite5m, cacheWrite1h, cacheRead, List.of());
    }

    public Fast {
      if (input < 0 || output < 0 || cacheWrite5m < 0 || cacheWrite1h < 0 || cacheRead < 0) {
        throw new IllegalArgumentException("fast-mode rates must not be negative");
      }
      promptTiers = sorted(promptTiers);
    }
  }
}
