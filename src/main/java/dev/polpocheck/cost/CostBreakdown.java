package dev.polpocheck.cost;

/**
 * The cost of one call or of many, split by what was billed; every part in picodollars.
 *
 * @param input uncached input
 * @param output output
 * @param cacheWrite5m 5-minute cache writes
 * @param cacheWrite1h 1-hour cache writes
 * @param cacheRead cache reads
 */
public record CostBreakdown(
    long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead)
    implements java.io.Serializable {

  public static final CostBreakdown ZERO = new CostBreakdown(0, 0, 0, 0, 0);

  /** The sum of the parts. */
  public long total() {
    return Money.add(
        Money.add(Money.add(input, output), Money.add(cacheWrite5m, cacheWrite1h)), cacheRead);
  }

  /** Part-wise sum, failing on overflow. */
  public CostBreakdown plus(CostBreakdown o) {
    return new CostBreakdown(
        Money.add(input, o.input),
        Money.add(output, o.output),
        Money.add(cacheWrite5m, o.cacheWrite5m),
        Money.add(cacheWrite1h, o.cacheWrite1h),
        Money.add(cacheRead, o.cacheRead));
  }
}
