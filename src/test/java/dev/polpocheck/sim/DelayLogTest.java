package dev.polpocheck.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles, by hand: rank = ceil(p / 100 x n), value = the rank-th smallest. */
class DelayLogTest {

  @Test
  void empty_isZero() {
    DelayLog d = new DelayLog();
    assertEquals(0, d.percentile(95));
    assertEquals(0, d.max());
  }

  @Test
  void percentiles_areExactRecordedValues() {
    DelayLog d = new DelayLog();
    // 0, 0, 0, 0, 0, 0, 18,000, 18,001, 40,000, 52,123 (added out of order)
    for (long v : new long[] {52_123, 0, 18_001, 0, 0, 40_000, 0, 18_000, 0, 0}) {
      d.add(v);
    }
    assertEquals(10, d.count());
    assertEquals(0, d.percentile(50)); // rank 5: a zero
    assertEquals(0, d.percentile(60)); // rank 6: the last zero
    assertEquals(18_000, d.percentile(61)); // rank ceil(6.1) = 7
    assertEquals(40_000, d.percentile(90)); // rank 9
    assertEquals(52_123, d.percentile(95)); // rank ceil(9.5) = 10
    assertEquals(52_123, d.max());
    assertEquals(0, d.percentile(0)); // rank at least 1
  }

  @Test
  void growsBeyondItsFirstArray() {
    DelayLog d = new DelayLog();
    for (long v = 1; v <= 1_000; v++) {
      d.add(v);
    }
    assertEquals(500, d.percentile(50));
    assertEquals(990, d.percentile(99));
    assertEquals(1_000, d.max());
  }
}
