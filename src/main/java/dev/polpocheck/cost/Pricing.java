package dev.polpocheck.cost;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.trace.Call;

/**
 * Exact list-price cost of one call.
 *
 * <p>The rules, in the order they apply:
 *
 * <ol>
 *   <li><b>Fast mode.</b> A call the trace marks as fast mode is billed at the price's fast tier,
 *       every category, over the whole context (no long-context tier applies). A price without a
 *       fast tier bills a fast call at the standard rates: Anthropic runs and bills Opus 4.6 fast
 *       requests at standard rates and offers no fast mode for Opus 4.7 (ccusage multiplies both
 *       by 6 instead).
 *   <li><b>Tier.</b> Otherwise, if the price has a long-context tier and the request's prompt
 *       (uncached input + cache reads + all cache writes) is strictly above its threshold, every
 *       category of the request is billed at the long-context rates — request-wide, not
 *       marginally per bucket as ccusage does.
 *   <li><b>Unsplit cache writes.</b> Writes recorded without a 5m/1h split are divided into whole
 *       tokens: {@code round(unsplit x share)} at the 1-hour rate, the rest at the 5-minute rate,
 *       where the share is the user's assumption (basis points, 0..10000).
 *   <li><b>Batch.</b> Batch requests pay half of every rate (Anthropic's 50 % stacks with the cache
 *       multipliers); the halving is applied to the per-category cost, rounding half-even to a
 *       picodollar (exact for every catalog rate in use, which are all even).
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
    if (assumed1hShareBasisPoints < 0 || assumed1hShareBasisPoints > 10_000) {
      throw new IllegalArgumentException("1-hour share must be within 0..10000 basis points");
    }
    long rIn = price.input();
    long rOut = price.output();
    long rW5 = price.cacheWrite5m();
    long rW1 = price.cacheWrite1h();
    long rRead = price.cacheRead();
    Price.LongContext lc = price.longContext();
    Price.Fast fast = price.fast();
    if (call.fast() && fast != null) {
      rIn = fast.input();
      rOut = fast.output();
      rW5 = fast.cacheWrite5m();
      rW1 = fast.cacheWrite1h();
      rRead = fast.cacheRead();
    } else if (lc != null && call.promptTokens() > lc.thresholdTokens()) {
      rIn = lc.input();
      rOut = lc.output();
      rW5 = lc.cacheWrite5m();
      rW1 = lc.cacheWrite1h();
      rRead = lc.cacheRead();
    }
    long unsplit = call.cacheWriteUnsplitTokens();
    long unsplit1h = (unsplit * assumed1hShareBasisPoints + 5_000) / 10_000;
    long w1h = call.cacheWrite1hTokens() + unsplit1h;
    long w5m = call.cacheWrite5mTokens() + (unsplit - unsplit1h);
    CostBreakdown c =
        new CostBreakdown(
            Math.multiplyExact(call.inputTokens(), rIn),
            Math.multiplyExact(call.outputTokens(), rOut),
            Math.multiplyExact(w5m, rW5),
            Math.multiplyExact(w1h, rW1),
            Math.multiplyExact(call.cacheReadTokens(), rRead));
    return call.batch() ? halve(c) : c;
  }

  private static CostBreakdown halve(CostBreakdown c) {
    return new CostBreakdown(
        half(c.input()), half(c.output()), half(c.cacheWrite5m()), half(c.cacheWrite1h()),
        half(c.cacheRead()));
  }

  private static long half(long v) {
    long h = v / 2;
    // round half to even on the dropped half picodollar
    return (v % 2 != 0 && (h % 2 != 0)) ? h + 1 : h;
  }
}
