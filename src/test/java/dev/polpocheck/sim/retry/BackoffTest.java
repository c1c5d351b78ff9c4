package dev.polpocheck.sim.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Protects the retry delays a replay adds to a call (Polpo's withRetry and the SDK's). */
class BackoffTest {

  @Test
  void withRetry_defaults_delaysAreOneTwoFourSecondsPlusUpToHalf() {
    assertEquals(1_000, Backoff.withRetryMillis(0, 1_000, 30_000, 0.0));
    // u just below 1: base + floor(0.999 x 500) = 1,000 + 499
    assertEquals(1_499, Backoff.withRetryMillis(0, 1_000, 30_000, 0.999));
    assertEquals(2_000 + 500, Backoff.withRetryMillis(1, 1_000, 30_000, 0.5));
    assertEquals(4_000, Backoff.withRetryMillis(2, 1_000, 30_000, 0.0));
  }

  @Test
  void withRetry_largeAttempt_isCappedAtThirtySecondsBase() {
    // 2^5 s = 32 s > 30 s cap; + floor(0.5 x 0.5 x 30 s) = 7.5 s
    assertEquals(37_500, Backoff.withRetryMillis(5, 1_000, 30_000, 0.5));
    assertEquals(30_000, Backoff.withRetryMillis(100, 1_000, 30_000, 0.0));
  }

  @Test
  void sdk_honoursRetryAfterBelowSixtySeconds() {
    assertEquals(20_000, Backoff.sdkMillis(0, 20_000, 0.3));
    assertEquals(59_999, Backoff.sdkMillis(1, 59_999, 0.3));
  }

  @Test
  void sdk_retryAfterOfExactlySixtySeconds_usesOwnBackoff() {
    // @anthropic-ai/sdk 0.73.0 client.js:412 honours the header only when
    // 0 <= timeoutMillis < 60 * 1000; at 60 s: min(0.5 s x 2^1, 8 s) x (1 - 0.25 x 0.3) = 925 ms
    assertEquals(925, Backoff.sdkMillis(1, 60_000, 0.3));
  }

  @Test
  void sdk_retryAfterAboveSixtySeconds_usesOwnBackoff() {
    // own backoff: min(0.5 s x 2^1, 8 s) = 1 s, jitter x (1 - 0.25 x 0) = 1 s
    assertEquals(1_000, Backoff.sdkMillis(1, 61_000, 0.0));
    // 0.5 s x 2^5 = 16 s, capped at 8 s, x (1 - 0.25 x 0.5) = 7 s
    assertEquals(7_000, Backoff.sdkMillis(5, 0, 0.5));
  }
}
