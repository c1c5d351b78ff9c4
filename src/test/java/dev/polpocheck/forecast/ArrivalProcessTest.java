package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Protects how many future sessions a forecast assumes and when they start: the Poisson count
 * matches its rate, the weekly and daily shape is applied, growth compounds monthly.
 */
class ArrivalProcessTest {
  private static final long MONDAY = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();

  @Test
  void startTimes_flatShape_countMatchesTheRateWithinPoissonNoise() {
    // 100 sessions/day for 28 days: Poisson with mean 2800 and sd sqrt(2800) = 52.9.
    ArrivalProcess a = new ArrivalProcess(100, 0, Corpus.flat(24), Corpus.flat(7));
    long[] t = a.startTimes(MONDAY, 28 * Corpus.DAY, new Well19937c(7));
    assertTrue(Math.abs(t.length - 2800) < 4 * 52.9, "count " + t.length);
    assertEquals(2800.0, a.expectedCount(MONDAY, 28 * Corpus.DAY), 1e-6);
  }

  @Test
  void startTimes_manyHorizons_meanCountIsTheRate() {
    // 400 horizons of one day at 50/day: the mean count has standard error sqrt(50/400) = 0.35.
    ArrivalProcess a = new ArrivalProcess(50, 0, Corpus.flat(24), Corpus.flat(7));
    Well19937c rng = new Well19937c(11);
    long sum = 0;
    for (int i = 0; i < 400; i++) {
      sum += a.startTimes(MONDAY, Corpus.DAY, rng).length;
    }
    assertEquals(50.0, sum / 400.0, 4 * 0.354);
  }

  @Test
  void startTimes_sortedAndInsideTheHorizon() {
    ArrivalProcess a = new ArrivalProcess(300, 0, Corpus.flat(24), Corpus.flat(7));
    long[] t = a.startTimes(MONDAY, 3 * Corpus.DAY, new Well19937c(3));
    for (int i = 0; i < t.length; i++) {
      assertTrue(t[i] >= MONDAY && t[i] < MONDAY + 3 * Corpus.DAY);
      if (i > 0) {
        assertTrue(t[i - 1] <= t[i]);
      }
    }
  }

  @Test
  void expectedCount_weekendWeightHalf_weekendGetsItsShare() {
    // Weekdays weight 8/7 ... chosen so the mean is 1: five days at w, two at w/2 -> 6w = 7.
    double w = 7.0 / 6.0;
    double[] days = {w, w, w, w, w, w / 2, w / 2};
    ArrivalProcess a = new ArrivalProcess(60, 0, Corpus.flat(24), days);
    // a Saturday: 60 * (7/12) = 35 sessions expected; a Monday: 60 * 7/6 = 70
    assertEquals(35.0, a.expectedCount(MONDAY + 5 * Corpus.DAY, Corpus.DAY), 1e-9);
    assertEquals(70.0, a.expectedCount(MONDAY, Corpus.DAY), 1e-9);
    long[] t = a.startTimes(MONDAY, 7 * Corpus.DAY, new Well19937c(5));
    long weekend = java.util.Arrays.stream(t).filter(x -> x >= MONDAY + 5 * Corpus.DAY).count();
    // expected 70 of 420; Poisson sd sqrt(70) = 8.4
    assertTrue(Math.abs(weekend - 70) < 4 * 8.4, "weekend " + weekend);
  }

  @Test
  void meanInHour_afterOneMonthAtTenPercent_isTenPercentHigher() {
    ArrivalProcess a = new ArrivalProcess(24, 0.10, Corpus.flat(24), Corpus.flat(7));
    // 24/day = 1 per hour at the start; 30 days later (1 + 0.1)^1 = 1.1 per hour
    assertEquals(1.0, a.meanInHour(MONDAY, MONDAY), 1e-12);
    assertEquals(1.1, a.meanInHour(MONDAY, MONDAY + 30 * Corpus.DAY), 1e-12);
  }

  @Test
  void constructor_negativeRate_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new ArrivalProcess(-1, 0, Corpus.flat(24), Corpus.flat(7)));
    assertThrows(IllegalArgumentException.class,
        () -> new ArrivalProcess(1, -1, Corpus.flat(24), Corpus.flat(7)));
  }
}
