package dev.polpocheck.forecast;

import java.util.Arrays;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * When future sessions start: a non-homogeneous Poisson process whose rate is a base number of
 * sessions per day, shaped by hour of day and day of week and compounded by monthly growth.
 *
 * <p>The horizon is cut into whole hours; hour {@code k} receives {@code Poisson(mean_k)} arrivals
 * spread uniformly within it, with {@code mean_k = perDay / 24 x hour[h] x day[d] x (1 + growth)^(t
 * / 30 days)}, t measured from the horizon's start. Because both profiles have mean 1 the expected
 * count over whole weeks is the base rate (before growth).
 *
 * @param sessionsPerDay base rate, sessions per day (at the horizon's start)
 * @param growthPerMonth relative growth per 30 days (0.10 = +10 %/month); compounding
 * @param hourWeights 24 hour-of-day weights, mean 1 (UTC)
 * @param dayWeights 7 day-of-week weights, Monday first, mean 1 (UTC)
 */
public record ArrivalProcess(
    double sessionsPerDay, double growthPerMonth, double[] hourWeights, double[] dayWeights) {

  private static final double MONTH_DAYS = 30.0;

  public ArrivalProcess {
    if (!(sessionsPerDay >= 0) || Double.isInfinite(sessionsPerDay)) {
      throw new IllegalArgumentException("sessions per day must be a finite number >= 0");
    }
    if (!(growthPerMonth > -1) || Double.isInfinite(growthPerMonth)) {
      throw new IllegalArgumentException("growth per month must be above -100 %");
    }
    if (hourWeights.length != 24 || dayWeights.length != 7) {
      throw new IllegalArgumentException("need 24 hour weights and 7 day weights");
    }
    hourWeights = hourWeights.clone();
    dayWeights = dayWeights.clone();
  }

  /** A process with the corpus's shape at the given rate and growth. */
  public static ArrivalProcess shapedLike(Corpus corpus, double sessionsPerDay, double growth) {
    return new ArrivalProcess(sessionsPerDay, growth, corpus.hourWeights(), corpus.dayWeights());
  }

  /** Expected number of arrivals in the hour starting at {@code hourStart}. */
  public double meanInHour(long horizonStart, long hourStart) {
    double days = (hourStart - horizonStart) / (double) Corpus.DAY;
    return sessionsPerDay
        / 24.0
        * hourWeights[Corpus.hourOf(hourStart)]
        * dayWeights[Corpus.dayOf(hourStart)]
        * Math.pow(1 + growthPerMonth, days / MONTH_DAYS);
  }

  /** Expected number of arrivals over {@code [start, start + horizon)}. */
  public double expectedCount(long start, long horizonMillis) {
    double sum = 0;
    for (long h = start; h < start + horizonMillis; h += Corpus.HOUR) {
      sum += meanInHour(start, h) * Math.min(1.0, (start + horizonMillis - h) / (double) Corpus.HOUR);
    }
    return sum;
  }

  /** Draws the session start times in {@code [start, start + horizon)}, sorted. */
  public long[] startTimes(long start, long horizonMillis, RandomGenerator rng) {
    long[] out = new long[64];
    int n = 0;
    long end = start + horizonMillis;
    for (long h = start; h < end; h += Corpus.HOUR) {
      long width = Math.min(Corpus.HOUR, end - h);
      double mean = meanInHour(start, h) * width / (double) Corpus.HOUR;
      if (mean <= 0) {
        continue;
      }
      int k = new PoissonDistribution(
              rng, mean, PoissonDistribution.DEFAULT_EPSILON,
              PoissonDistribution.DEFAULT_MAX_ITERATIONS)
          .sample();
      for (int i = 0; i < k; i++) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = h + (long) (rng.nextDouble() * width);
      }
    }
    long[] times = Arrays.copyOf(out, n);
    Arrays.sort(times);
    return times;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArrivalProcess a
        && a.sessionsPerDay == sessionsPerDay
        && a.growthPerMonth == growthPerMonth
        && Arrays.equals(a.hourWeights, hourWeights)
        && Arrays.equals(a.dayWeights, dayWeights);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(sessionsPerDay) * 31 + Arrays.hashCode(hourWeights);
  }

  @Override
  public String toString() {
    return "ArrivalProcess[" + sessionsPerDay + "/day, growth " + growthPerMonth + "]";
  }
}
