package dev.polpocheck.report;

import dev.polpocheck.sim.SimResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A replay's time buckets laid on a regular grid, so that the charts can tell an idle period (no
 * bucket: no call at all) from a quiet one. Per-bucket series hold NaN where there is no data: an
 * idle bucket has no cost to plot and a bucket without cache activity no hit ratio, and charts
 * draw NaN as a gap rather than as zero. The cumulative cost is defined everywhere.
 *
 * @param millis bucket starts, every {@code width} ms from the first bucket to the last
 * @param width bucket width, ms
 * @param cost USD per bucket, NaN when idle
 * @param cumulative USD up to the end of each bucket
 * @param hitPercent cache reads / (reads + writes) in percent, NaN without cache activity
 * @param rateLimited 429 responses per bucket, NaN when idle
 */
record Timeline(long[] millis, long width, double[] cost, double[] cumulative,
    double[] hitPercent, double[] rateLimited) {

  /** The grid of {@code buckets} (sorted by start, as the simulator gives them). */
  static Timeline of(List<SimResult.Bucket> buckets, long width) {
    if (buckets.isEmpty()) {
      return new Timeline(new long[0], width, new double[0], new double[0], new double[0],
          new double[0]);
    }
    long first = buckets.get(0).startMillis();
    long last = buckets.get(buckets.size() - 1).startMillis();
    int n = (int) ((last - first) / width) + 1;
    long[] t = new long[n];
    double[] cost = new double[n];
    double[] cum = new double[n];
    double[] hit = new double[n];
    double[] limited = new double[n];
    java.util.Arrays.fill(cost, Double.NaN);
    java.util.Arrays.fill(hit, Double.NaN);
    java.util.Arrays.fill(limited, Double.NaN);
    for (int i = 0; i < n; i++) {
      t[i] = first + i * width;
    }
    for (SimResult.Bucket b : buckets) {
      int i = (int) ((b.startMillis() - first) / width);
      cost[i] = Fmt.usdChart(b.costPicos());
      limited[i] = b.rateLimited();
      long cached = b.cacheReadTokens() + b.cacheWriteTokens();
      if (cached > 0) {
        hit[i] = 100.0 * b.cacheReadTokens() / cached;
      }
    }
    double acc = 0;
    for (int i = 0; i < n; i++) {
      acc += Double.isNaN(cost[i]) ? 0 : cost[i];
      cum[i] = acc;
    }
    return new Timeline(t, width, cost, cum, hit, limited);
  }

  /** The first bucket's start (0 without buckets). */
  long start() {
    return millis.length == 0 ? 0 : millis[0];
  }

  /** The end of the last bucket. */
  long end() {
    return millis.length == 0 ? width : millis[millis.length - 1] + width;
  }

  /** True when some bucket read or wrote a cached prefix. */
  boolean anyCache() {
    for (double h : hitPercent) {
      if (!Double.isNaN(h)) {
        return true;
      }
    }
    return false;
  }

  /** A chart's values, one row per bucket with data (idle buckets are left out). */
  Page.Table values(String id, String column, double[] series, DoubleFunction<String> fmt) {
    List<Page.Row> rows = new ArrayList<>();
    for (int i = 0; i < millis.length; i++) {
      if (!Double.isNaN(series[i])) {
        rows.add(Page.Row.of(Fmt.instant(millis[i]), fmt.apply(series[i])));
      }
    }
    return new Page.Table(id, "", List.of("bucket start (UTC)", column), rows);
  }
}
