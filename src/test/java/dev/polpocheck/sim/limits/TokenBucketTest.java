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
  void bucket_zeroCapacity_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 60_000, 0));
  }
}
