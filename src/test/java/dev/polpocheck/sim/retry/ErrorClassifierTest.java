package dev.polpocheck.sim.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Protects the classification that decides cooldown, failover and billing in the docs variant. */
class ErrorClassifierTest {

  @Test
  void classify_quotaExceeded_isRateLimitNotBilling() {
    assertEquals(ErrorReason.RATE_LIMIT, ErrorClassifier.classify("Quota exceeded for model"));
  }

  @Test
  void classify_creditBalance_isBillingDespite400() {
    assertEquals(
        ErrorReason.BILLING,
        ErrorClassifier.classify("400 invalid_request_error: Your credit balance is too low"));
  }

  @Test
  void classify_tokenCountContaining401_isAuth() {
    assertEquals(
        ErrorReason.AUTH, ErrorClassifier.classify("429 request of 4010 tokens too large"));
  }

  @Test
  void classify_overloaded529_isServerErrorThroughTheWord() {
    assertEquals(ErrorReason.SERVER_ERROR, ErrorClassifier.classify("529 overloaded_error"));
    assertEquals(ErrorReason.UNKNOWN, ErrorClassifier.classify("529"));
  }

  @Test
  void classify_noApiKey_isUnknownAndNotTransient() {
    String m = "No API key for provider: anthropic";
    assertEquals(ErrorReason.UNKNOWN, ErrorClassifier.classify(m));
    assertFalse(ErrorClassifier.isTransient(m));
  }

  @Test
  void transient_429And503_butNot500() {
    assertTrue(ErrorClassifier.isTransient("429 rate_limit_error"));
    assertTrue(ErrorClassifier.isTransient("503 service unavailable"));
    assertFalse(ErrorClassifier.isTransient("500 internal server error"));
  }
}
