package dev.polpocheck.cost;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.trace.Call;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Exact list-price cost of one call. The rules know no model: every model-specific fact (tiers,
 * fast mode, dates, geography) is data in the {@link Price} the catalog found for the call's time.
 *
 * <p>The rules, in the order they apply:
 *
 * <ol>
 *   <li><b>Speed.</b> A call the trace marks as fast mode is billed at the price's fast tier (the
 *       one in force at the call's time), every category, with the fast tier's own prompt-length
 *       tiers. A price without a fast tier bills a fast call at the standard rates.
 *   <li><b>Prompt-length tier.</b> If the request's prompt (uncached input + cache reads + all
 *       cache writes) is strictly above a tier's threshold, every category of the request, output
 *       included, is billed at the rates of the highest such tier: request-wide, not marginally per
 *       bucket as ccusage does. Sonnet 4.5's 200K long context and Haiku 5.5's 100K tier are both
 *       this rule.
 *   <li><b>Unsplit cache writes.</b> Writes recorded without a 5m/1h split are divided into whole
 *       tokens: {@code round(unsplit x share)} at the 1-hour rate, the rest at the 5-minute rate,
 *       where the share is the user's assumption (basis points, 0..10000).
 *   <li><b>Batch.</b> Batch requests pay half of every rate (Anthropic's 50 % stacks with the cache
 *       multipliers); the halving is applied to the per-category cost, rounding half-even to a
 *       picodollar (exact for every catalog rate in use, which are all even).
 *   <li><b>Data residency.</b> A call whose trace records an inference geography the price lists
 *       ({@code inference_geo: "us"}: 1.1 x) has every category multiplied, rounding half-even to a
 *       picodollar.
 * </ol>
 */
public final class Pricing {
  private Pricing() {}

  /**
   * The cost of {@code call} at {@code price}.
   *
   * @param assumed1hShareBasisPoints share of unsplit cache writes assumed to be 1-hour writes, in
   *     basis points (10000 = all)
   */
  public static CostBreakdown cost(Call call, Price price, int assumed1hShareBasisPoints) {
    return price(
        price,
        assumed1hShareBasisPoints,
        call.inputTokens(),
        call.outputTokens(),
        call.cacheReadTokens(),
        call.cacheWrite5mTokens(),
        call.cacheWrite1hTokens(),
        call.cacheWriteUnsplitTokens(),
        call.batch(),
        call.fast(),
        call.inferenceGeo());
  }

  /**
   * A call's token counts, the fields of {@link Call} that pricing reads; the simulator prices the
   * calls it replays from these, without building a {@link Call} each.
   *
   * @param input uncached input tokens
   * @param output output tokens
   * @param cacheRead cache-read tokens
   * @param cacheWrite5m 5-minute cache writes
   * @param cacheWrite1h 1-hour cache writes
   * @param cacheWriteUnsplit cache writes with no recorded TTL split
   */
  public record Usage(
      long input,
      long output,
      long cacheRead,
      long cacheWrite5m,
      long cacheWrite1h,
      long cacheWriteUnsplit) {
  }

  /**
   * The cost of a call with {@code usage} at {@code price}: the same rules as {@link #cost(Call,
   * Price, int)}.
   *
   * @param batch sent through the Batch API
   * @param fast fast mode
   * @param inferenceGeo the recorded inference geography, or ""
   */
  public static CostBreakdown cost(
      Price price,
      int assumed1hShareBasisPoints,
      Usage usage,
      boolean batch,
      boolean fast,
      String inferenceGeo) {
    return price(
        price,
        assumed1hShareBasisPoints,
        usage.input(),
        usage.output(),
        usage.cacheRead(),
        usage.cacheWrite5m(),
        usage.cacheWrite1h(),
        usage.cacheWriteUnsplit(),
        batch,
        fast,
        inferenceGeo);
  }

  // both public forms unpack their tokens into this one, so that neither allocates per call
  private static CostBreakdown price(
      Price price,
      int assumed1hShareBasisPoints,
      long input,
      long output,
      long cacheRead,
      long cacheWrite5m,
      long cacheWrite1h,
      long cacheWriteUnsplit,
      boolean batch,
      boolean fast,
      String inferenceGeo) {
    if (assumed1hShareBasisPoints < 0 || assumed1hShareBasisPoints > 10_000) {
      throw new IllegalArgumentException("1-hour share must be within 0..10000 basis points");
    }
    long rIn = price.input();
    long rOut = price.output();
    long rW5 = price.cacheWrite5m();
    long rW1 = price.cacheWrite1h();
    long rRead = price.cacheRead();
    List<Price.LongContext> tiers = price.promptTiers();
    if (fast && price.fast() != null) {
      Price.Fast fastPrice = price.fast();
      rIn = fastPrice.input();
      rOut = fastPrice.output();
      rW5 = fastPrice.cacheWrite5m();
      rW1 = fastPrice.cacheWrite1h();
      rRead = fastPrice.cacheRead();
      tiers = fastPrice.promptTiers();
    }
    Price.LongContext tier = tierFor(tiers, input + cacheRead + cacheWrite5m + cacheWrite1h + cacheWriteUnsplit);
    if (tier != null) {
      rIn = tier.input();
      rOut = tier.output();
      rW5 = tier.cacheWrite5m();
      rW1 = tier.cacheWrite1h();
      rRead = tier.cacheRead();
    }
    long unsplit = cacheWriteUnsplit;
    long unsplit1h = (unsplit * assumed1hShareBasisPoints + 5_000) / 10_000;
    long w1h = cacheWrite1h + unsplit1h;
    long w5m = cacheWrite5m + (unsplit - unsplit1h);
    CostBreakdown c =
        new CostBreakdown(
            Math.multiplyExact(input, rIn),
            Math.multiplyExact(output, rOut),
            Math.multiplyExact(w5m, rW5),
            Math.multiplyExact(w1h, rW1),
            Math.multiplyExact(cacheRead, rRead));
    if (batch) {
      c = scale(c, 5_000);
    }
    Integer geo =
        inferenceGeo.isEmpty()
            ? null
            : price.geoBasisPoints().get(inferenceGeo.toLowerCase(Locale.ROOT));
    return geo == null ? c : scale(c, geo);
  }

  /**
   * True when a call is billed at {@code price}'s standard rates in every category: not batch, no
   * fast tier applies (not fast mode, or the price has none) and its prompt ({@code
   * promptTokens}: uncached input + cache reads + all cache writes) is above no prompt-length
   * tier. Such a call without an inference geography costs, per category, its tokens times the
   * price's rate, unsplit cache writes divided as rule 3 says; a caller that prices many calls
   * can then multiply itself instead of going through {@link #cost} and its {@link CostBreakdown}
   * per call.
   */
  public static boolean atStandardRates(
      Price price, long promptTokens, boolean batch, boolean fast) {
    return !batch
        && !(fast && price.fast() != null)
        && tierFor(price.promptTiers(), promptTokens) == null;
  }

  /** The highest tier whose threshold {@code prompt} is strictly above, or null. */
  static Price.LongContext tierFor(List<Price.LongContext> ascending, long prompt) {
    Price.LongContext t = null;
    for (int i = 0; i < ascending.size(); i++) { // indexed: no iterator per priced call
      if (prompt > ascending.get(i).thresholdTokens()) {
        t = ascending.get(i);
      }
    }
    return t;
  }

  private static CostBreakdown scale(CostBreakdown c, int basisPoints) {
    return new CostBreakdown(
        scale(c.input(), basisPoints),
        scale(c.output(), basisPoints),
        scale(c.cacheWrite5m(), basisPoints),
        scale(c.cacheWrite1h(), basisPoints),
        scale(c.cacheRead(), basisPoints));
  }

  /** {@code v x bp / 10000}, rounded half to even on the dropped fraction of a picodollar. */
  private static long scale(long v, int basisPoints) {
    return BigDecimal.valueOf(v)
        .multiply(BigDecimal.valueOf(basisPoints))
        .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN)
        .longValueExact();
  }
}
