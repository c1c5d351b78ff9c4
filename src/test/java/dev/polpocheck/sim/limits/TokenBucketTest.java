package dev.polpocheck.sim.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Protects the continuous refill that decides when a rate-limited request may go again. */
class TokenBucketTest {

  @Test
  void bucket_drainedAtSixtyPerMinute_refillsOneTokenPerSecond() {
    TokenBucket b = new TokenBucket(60, 60_000, 0);
    b.take(60, 0);
    assertEquals(0, b.level(0));
    // 60 tokens per 60,000 ms = 1 token per 1,000 ms: half a token at 500 ms rounds down to 0
    assertEquals(0, b.level(500));
    assertEquals(500, b.waitMillis(1, 500));
    assertEquals(1, b.level(1_000));
    assertEquals(30, b.level(30_000));
  }

  @Test
  void bucket_longIdle_refillsOnlyToCapacity() {
    TokenBucket b = new TokenBucket(8_000, 60_000, 0);
    b.take(8_000, 0);
    assertEquals(8_000, b.level(86_400_000L * 365));
  }

  @Test
  void bucket_refundAboveCapacity_isCapped() {
    TokenBucket b = new TokenBucket(100, 60_000, 0);
    b.take(10, 0);
    b.refund(50, 0);
    assertEquals(100, b.level(0));
  }

  @Test
  void bucket_zeroCapacityOrPeriod_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 60_000, 0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(60, 0, 0));
    assertEquals(1, new TokenBucket(1, 1, 0).capacity());
  }

  @Test
  void bucket_refillCrossingCapacity_stopsExactlyAtCapacity() {
    // 60 per minute = 60 units per ms in a scaled capacity of 3,600,000; one token taken leaves
    // 60,000 units of room: full again after 1,000 ms. At 1,001 ms the bucket must hold exactly
    // 60 tokens, not a fraction more: taking 60 then leaves nothing, so one token needs exactly
    // 1,000 ms more.
    TokenBucket b = new TokenBucket(60, 60_000, 0);
    b.take(1, 0);
    assertEquals(59, b.level(999));
    assertEquals(60, b.level(1_001));
    b.take(60, 1_001);
    assertEquals(1_000, b.waitMillis(1, 1_001));
    assertEquals(0, b.waitMillis(0, 1_001));
  }

  @Test
  void take_afterAnIdleGap_refillsToCapacityFirst() {
    // drained at 0; two minutes later the bucket is full again (60, capped), so taking 60 empties
    // it. A take that skipped the refill would let the whole gap count later: 60 left, not 0.
    TokenBucket b = new TokenBucket(60, 60_000, 0);
    b.take(60, 0);
    b.take(60, 120_000);
    assertEquals(0, b.level(120_000));
  }

  @Test
  void bucket_waitIsCeilingOfTheMissingUnits() {
    // 8,000 per minute: 8,000 units per ms against 60,000 units a token. Empty, 1 token needs
    // 60,000 / 8,000 = 7.5 ms -> 8 ms; 8,000 tokens need 60,000 ms exactly.
    TokenBucket b = new TokenBucket(8_000, 60_000, 0);
    b.take(8_000, 0);
    assertEquals(8, b.waitMillis(1, 0));
    assertEquals(60_000, b.waitMillis(8_000, 0));
    assertEquals(0, b.waitMillis(1, 8)); // 8 ms later: 64,000 units, one whole token
  }

  @Test
  void bucket_refundBelowCapacity_addsExactly() {
    TokenBucket b = new TokenBucket(100, 60_000, 0);
    b.take(100, 0);
    b.refund(30, 0);
    assertEquals(30, b.level(0));
    // time never runs backwards for the bucket: an earlier 'now' refills nothing
    assertEquals(30, b.level(-5_000));
  }
}
