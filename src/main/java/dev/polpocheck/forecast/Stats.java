package dev.polpocheck.forecast;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The statistics a forecast reports, all distribution-free over the Monte Carlo runs.
 *
 * <p><b>Percentiles</b> are the order statistic {@code x_(ceil(n p))} (the inverse of the
 * empirical distribution function). <b>Their confidence interval</b> comes from the fact that the
 * number of runs falling below the true p-quantile is {@code Binomial(n, p)}: with {@code l} the
 * {@code alpha/2} quantile of that binomial and {@code u} its {@code 1 - alpha/2} quantile plus
 * one, {@code [x_(l), x_(u)]} covers the true quantile with probability at least {@code 1 -
 * alpha} for any continuous distribution. When {@code l < 1} or {@code u > n} the runs cannot
 * bound that side and the interval is marked open: the user needs more runs. <b>Probabilities</b>
 * (of exceeding a budget) get a Wilson score interval. <b>Means</b> and mean differences get a
 * Student-t interval.
 */
public final class Stats {
  private Stats() {}

  /** {@code x_(ceil(n p))} of sorted values (1-based), or 0 when there are none. */
  public static long orderStatistic(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int k = (int) Math.ceil(sorted.length * p);
    return sorted[Math.max(1, Math.min(sorted.length, k)) - 1];
  }

  /** The p-quantile of unsorted values with its order-statistic confidence interval. */
  public static PercentileEstimate percentile(long[] values, double p, double confidence) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return percentileOfSorted(sorted, p, confidence);
  }

  /** {@link #percentile} of values already sorted ascending. */
  static PercentileEstimate percentileOfSorted(long[] sorted, double p, double confidence) {
    int n = sorted.length;
    if (n == 0) {
      return new PercentileEstimate(p, 0, 0, 0, false, false);
    }
    double alpha = 1 - confidence;
    BinomialDistribution b = new BinomialDistribution(null, n, p);
    int l = b.inverseCumulativeProbability(alpha / 2);
    int u = b.inverseCumulativeProbability(1 - alpha / 2) + 1;
    boolean lowerOpen = l < 1;
    boolean upperOpen = u > n;
    return new PercentileEstimate(
        p,
        orderStatistic(sorted, p),
        sorted[Math.max(1, l) - 1],
        sorted[Math.min(n, u) - 1],
        lowerOpen,
        upperOpen);
  }

  /** The usual summary of a set of run values: mean, P5, P50, P95 with their intervals. */
  public static Distribution distribution(long[] values, double confidence) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    SummaryStatistics s = new SummaryStatistics();
    for (long v : values) {
      s.addValue(v);
    }
    double[] ci = meanInterval(s, confidence);
    return new Distribution(
        values.length,
        values.length == 0 ? 0 : s.getMean(),
        ci[0],
        ci[1],
        percentileOfSorted(sorted, 0.05, confidence),
        percentileOfSorted(sorted, 0.50, confidence),
        percentileOfSorted(sorted, 0.95, confidence),
        sorted.length == 0 ? 0 : sorted[0],
        sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
  }

  /** Student-t interval of the mean; a point when there are fewer than two values. */
  static double[] meanInterval(SummaryStatistics s, double confidence) {
    if (s.getN() < 2) {
      double m = s.getN() == 0 ? 0 : s.getMean();
      return new double[] {m, m};
    }
    double t = new TDistribution(null, s.getN() - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    double half = t * s.getStandardDeviation() / Math.sqrt(s.getN());
    return new double[] {s.getMean() - half, s.getMean() + half};
  }

  /**
   * Wilson score interval of a proportion {@code k / n}.
   *
   * @return {lower, upper}
   */
  public static double[] wilson(long k, long n, double confidence) {
    if (n == 0) {
      return new double[] {0, 1};
    }
    double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    double phat = k / (double) n;
    double denom = 1 + z * z / n;
    double centre = (phat + z * z / (2.0 * n)) / denom;
    double half = z * Math.sqrt(phat * (1 - phat) / n + z * z / (4.0 * n * n)) / denom;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /**
   * A percentile estimated from the runs.
   *
   * @param p the probability (0.95 for P95)
   * @param value the estimate
   * @param lower lower end of its confidence interval
   * @param upper upper end of its confidence interval
   * @param lowerOpen true when the runs cannot bound it from below (more runs needed)
   * @param upperOpen true when the runs cannot bound it from above (more runs needed)
   */
  public record PercentileEstimate(
      double p, long value, long lower, long upper, boolean lowerOpen, boolean upperOpen) {}

  /**
   * The distribution of one figure over the runs.
   *
   * @param n number of runs
   * @param mean mean
   * @param meanLower lower end of the mean's t interval
   * @param meanUpper upper end of the mean's t interval
   * @param p5 5th percentile
   * @param p50 median
   * @param p95 95th percentile
   * @param min smallest value
   * @param max largest value
   */
  public record Distribution(
      int n,
      double mean,
      double meanLower,
      double meanUpper,
      PercentileEstimate p5,
      PercentileEstimate p50,
      PercentileEstimate p95,
      long min,
      long max) {}
}
