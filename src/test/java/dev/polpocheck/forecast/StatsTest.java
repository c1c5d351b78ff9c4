package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Protects the numbers next to every forecast percentile: the order-statistic estimate, its
 * confidence interval (which must cover the truth at least as often as stated, and say "open"
 * when the runs are too few), and the budget-probability interval.
 */
class StatsTest {

  @Test
  void orderStatistic_onOneToHundred_isTheCeilingRank() {
    long[] v = new long[100];
    for (int i = 0; i < 100; i++) {
      v[i] = i + 1;
    }
    // x_(ceil(100 * 0.95)) = x_(95) = 95; x_(ceil(100 * 0.05)) = x_(5) = 5
    assertEquals(95, Stats.orderStatistic(v, 0.95));
    assertEquals(5, Stats.orderStatistic(v, 0.05));
    assertEquals(50, Stats.orderStatistic(v, 0.50));
  }

  @Test
  void percentile_medianOfHundred_usesThe40thAnd61stOrderStatistics() {
    // The classic distribution-free 95 % interval for the median of n = 100 is
    // [x_(40), x_(61)] (Conover, Practical Nonparametric Statistics, table A3).
    long[] v = new long[100];
    for (int i = 0; i < 100; i++) {
      v[i] = 100 - i; // unsorted on purpose
    }
    Stats.PercentileEstimate e = Stats.percentile(v, 0.5, 0.95);
    assertEquals(50, e.value());
    assertEquals(40, e.lower());
    assertEquals(61, e.upper());
    assertFalse(e.lowerOpen());
    assertFalse(e.upperOpen());
  }

  @Test
  void percentile_p95OfTwentyRuns_isOpenAbove() {
    // With 20 runs, P(Binomial(20, 0.95) <= 19) = 1 - 0.95^20 = 0.64 < 0.975: no order
    // statistic bounds the P95 from above at 95 % confidence.
    long[] v = new long[20];
    for (int i = 0; i < 20; i++) {
      v[i] = i;
    }
    Stats.PercentileEstimate e = Stats.percentile(v, 0.95, 0.95);
    assertTrue(e.upperOpen());
    assertEquals(19, e.upper());
  }

  @Test
  void percentileInterval_onUniformRuns_coversTheTrueP95AtLeastAtTheStatedRate() {
    // Known answer: runs uniform on [0, 1e9) have a true P95 of 0.95e9. Repeat a 200-run
    // forecast 1000 times: the 95 % interval must cover 0.95e9 in at least ~95 % of them
    // (the order-statistic interval is conservative; 0.93 allows 3 standard errors of the
    // 1000-repeat estimate, sqrt(0.95 * 0.05 / 1000) = 0.0069).
    Well19937c rng = new Well19937c(42);
    long truth = 950_000_000L;
    int covered = 0;
    int repeats = 1000;
    for (int k = 0; k < repeats; k++) {
      long[] runs = new long[200];
      for (int i = 0; i < runs.length; i++) {
        runs[i] = (long) (rng.nextDouble() * 1e9);
      }
      Stats.PercentileEstimate e = Stats.percentile(runs, 0.95, 0.95);
      if (e.lower() <= truth && truth <= e.upper()) {
        covered++;
      }
    }
    double rate = covered / (double) repeats;
    assertTrue(rate >= 0.93, "coverage " + rate);
    assertTrue(rate <= 0.995, "coverage " + rate + " is suspiciously close to 1");
  }

  @Test
  void wilson_fiveOfTen_matchesThePublishedInterval() {
    // Wilson score interval for 5/10 at 95 %: [0.2366, 0.7634] (Newcombe 1998, table I).
    double[] ci = Stats.wilson(5, 10, 0.95);
    assertEquals(0.2366, ci[0], 5e-5);
    assertEquals(0.7634, ci[1], 5e-5);
  }

  @Test
  void distribution_ofConstantRuns_hasZeroWidthMeanInterval() {
    Stats.Distribution d = Stats.distribution(new long[] {7, 7, 7, 7}, 0.95);
    assertEquals(7.0, d.mean());
    assertEquals(7.0, d.meanLower());
    assertEquals(7.0, d.meanUpper());
    assertEquals(7, d.min());
    assertEquals(7, d.max());
  }

  @Test
  void distribution_ofNoRuns_isAllZero() {
    Stats.Distribution d = Stats.distribution(new long[0], 0.95);
    assertEquals(0, d.n());
    assertEquals(0, d.p50().value());
  }
}
