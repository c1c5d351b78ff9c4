package dev.polpocheck.sim.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Protects the 429s a replay reports: when Anthropic's per-organisation RPM / ITPM / OTPM buckets
 * refuse a request, and the retry-after it is told to wait.
 */
class RateLimiterTest {
  // Tier 1, Sonnet 4.x: 50 RPM, 30,000 ITPM, 8,000 OTPM (anthropic-and-peers.md 4.2)
  private static final LimitSpec TIER1 = new LimitSpec(50, 30_000, 8_000, false);

  @Test
  void admit_secondRequestAtOnce_retryAfterIsLongestBucketWait() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", TIER1);
    assertEquals(0, rl.tryAdmit(k, 20_000, 8_000, 0));
    // ITPM: need 20,000, level 10,000, refill 500/s -> 20 s; OTPM: need 8,000, level 0,
    // refill 8,000/60 per s -> 60 s. The longest wins: 60 s.
    assertEquals(60_000, rl.tryAdmit(k, 20_000, 8_000, 0));
  }

  @Test
  void admit_afterOutputRefund_onlyInputBucketBinds() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", TIER1);
    rl.tryAdmit(k, 20_000, 8_000, 0);
    rl.refundOutput(k, 8_000, 1_000, 0); // the response produced 1,000 of the 8,000 reserved
    // OTPM: need 8,000, level 7,000 -> 1,000 / 133.33 per s = 7.5 s; ITPM still 20 s
    assertEquals(20_000, rl.tryAdmit(k, 20_000, 8_000, 0));
    // 20 s later ITPM has 10,000 + 20 x 500 = 20,000: admitted
    assertEquals(0, rl.tryAdmit(k, 20_000, 8_000, 20_000));
  }

  @Test
  void admit_shortWait_isRoundedUpToWholeSecondAtLeastOne() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", new LimitSpec(60, 0, 0, false));
    for (int i = 0; i < 60; i++) {
      assertEquals(0, rl.tryAdmit(k, 0, 0, 0));
    }
    // 1 request per second refill; 250 ms later 750 ms are missing -> rounded up to 1 s
    assertEquals(1_000, rl.tryAdmit(k, 0, 0, 250));
  }

  @Test
  void admit_needLargerThanBucket_isClampedAndFlagged() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", TIER1);
    // Polpo sends max_tokens = 64,000 for Sonnet 4.5 against an 8,000 OTPM bucket
    assertEquals(0, rl.tryAdmit(k, 1_000, 64_000, 0));
    assertEquals(1, rl.oversizedRequests());
    // the bucket is now empty: the next one waits a full minute instead of forever
    assertEquals(60_000, rl.tryAdmit(k, 1_000, 64_000, 0));
    // the response used 100 tokens: 8,000 were taken, 7,900 come back, not 63,900
    rl.refundOutput(k, 64_000, 100, 0);
    assertEquals(1, rl.tryAdmit(k, 1_000, 8_000, 0) / 1_000); // 100 missing: 0.75 s -> 1 s
  }

  @Test
  void admit_organisationsAreSeparate_secondOrgIsNotLimited() {
    RateLimiter rl = new RateLimiter(0);
    int a = rl.key("org-a", "sonnet-4", TIER1);
    int b = rl.key("org-b", "sonnet-4", TIER1);
    assertEquals(0, rl.tryAdmit(a, 30_000, 1, 0));
    assertEquals(0, rl.tryAdmit(b, 30_000, 1, 0));
    assertEquals(a, rl.key("org-a", "sonnet-4", TIER1));
  }

  @Test
  void key_samePairIsReused_otherClassIsAnotherBucketSet() {
    RateLimiter rl = new RateLimiter(0);
    int a = rl.key("org-a", "sonnet-4", TIER1);
    int opus = rl.key("org-a", "opus-4", TIER1);
    assertNotEquals(a, opus);
    assertEquals(0, rl.tryAdmit(a, 30_000, 1, 0));
    assertEquals(0, rl.tryAdmit(opus, 30_000, 1, 0)); // its own 30,000 ITPM
    assertEquals(opus, rl.key("org-a", "opus-4", TIER1));
  }

  @Test
  void admit_refusedRequest_chargesNothingAndIsNotCountedOversized() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", TIER1);
    assertEquals(0, rl.tryAdmit(k, 30_000, 100, 0)); // ITPM now empty
    // refused for ITPM (60 s); its 100 output tokens and its request are not taken
    assertEquals(60_000, rl.tryAdmit(k, 30_000, 100, 0));
    assertEquals(0, rl.tryAdmit(k, 0, 7_900, 0)); // OTPM still holds 8,000 - 100
    assertEquals(0, rl.oversizedRequests());
  }

  @Test
  void admit_onlyTheLimitsThatExistBind() {
    // an RPM-less, OTPM-less spec: 2 requests of 10,000 input fill a 20,000 ITPM bucket; output
    // is never limited
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "x", new LimitSpec(0, 20_000, 0, false));
    assertEquals(0, rl.tryAdmit(k, 10_000, 1_000_000, 0));
    assertEquals(0, rl.tryAdmit(k, 10_000, 1_000_000, 0));
    // 10,000 missing at 20,000 per minute: 30 s
    assertEquals(30_000, rl.tryAdmit(k, 10_000, 0, 0));
    rl.refundOutput(k, 1_000_000, 0, 0); // no OTPM bucket: nothing to give back, no failure
    assertEquals(0, rl.oversizedRequests());
  }

  @Test
  void refund_actualAboveReservation_givesNothingBack() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", TIER1);
    rl.tryAdmit(k, 0, 4_000, 0);
    rl.refundOutput(k, 4_000, 5_000, 0); // produced more than reserved: nothing returns
    // OTPM holds 4,000: 8,000 needs 4,000 more at 133.3 per s = 30 s
    assertEquals(30_000, rl.tryAdmit(k, 0, 8_000, 0));
    rl.refundOutput(k, 4_000, 1_000, 0); // 3,000 back: 7,000; 1,000 missing = 7.5 s -> 8 s
    assertEquals(8_000, rl.tryAdmit(k, 0, 8_000, 0));
  }

  @Test
  void admit_inputNeedLargerThanItpm_isClampedAndFlagged() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", TIER1);
    assertEquals(0, rl.tryAdmit(k, 50_000, 100, 0)); // 50,000 > 30,000 ITPM: taken as 30,000
    assertEquals(1, rl.oversizedRequests());
    // the bucket is empty: 30,000 more need a whole minute, one token 2 ms (rounded up to 1 s)
    assertEquals(60_000, rl.tryAdmit(k, 30_000, 100, 0));
    assertEquals(1_000, rl.tryAdmit(k, 1, 100, 0));
  }

  @Test
  void admit_unlimited_neverRefuses() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "x", LimitSpec.UNLIMITED);
    for (int i = 0; i < 10_000; i++) {
      assertEquals(0, rl.tryAdmit(k, 1_000_000, 1_000_000, 0));
    }
  }

  // Workspace limits: https://platform.claude.com/docs/en/api/java/organization/workspaces/rate_limits/update
  // ("the organization limit still applies, so the lower of the two is enforced")

  @Test
  void workspace_lowerRpmBinds_andItsRefusalHasTheSameRetryAfterRule() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", TIER1, "w", new LimitSpec(2, 0, 0, false));
    assertEquals(0, rl.tryAdmit(k, 1, 1, 0));
    assertEquals(0, rl.tryAdmit(k, 1, 1, 0));
    // 3rd at once: the workspace's bucket of 2 is empty, refilled 2 per 60 s -> 30 s
    assertEquals(30_000, rl.tryAdmit(k, 1, 1, 0));
  }

  @Test
  void workspace_limitAboveTheOrganisations_theOrganisationsBinds() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", TIER1, "w", new LimitSpec(1_000, 0, 0, false));
    for (int i = 0; i < 50; i++) {
      assertEquals(0, rl.tryAdmit(k, 1, 1, 0));
    }
    // the organisation's 50 RPM: empty, one request per 1.2 s -> 1,200 ms rounded up to 2 s
    assertEquals(2_000, rl.tryAdmit(k, 1, 1, 0));
  }

  @Test
  void workspaces_shareTheOrganisationsBucketsButNotEachOthers() {
    RateLimiter rl = new RateLimiter(0);
    LimitSpec two = new LimitSpec(2, 0, 0, false);
    int a = rl.key("org-a", "sonnet-4", TIER1, "wa", two);
    int b = rl.key("org-a", "sonnet-4", TIER1, "wb", two);
    int plain = rl.key("org-a", "sonnet-4", TIER1);
    assertEquals(a, rl.key("org-a", "sonnet-4", TIER1, "wa", two));
    assertNotEquals(a, b);
    assertEquals(0, rl.tryAdmit(a, 1, 1, 0));
    assertEquals(0, rl.tryAdmit(a, 1, 1, 0));
    assertNotEquals(0, rl.tryAdmit(a, 1, 1, 0)); // wa's own 2 are spent
    assertEquals(0, rl.tryAdmit(b, 1, 1, 0)); // wb has its own
    assertEquals(0, rl.tryAdmit(b, 1, 1, 0));
    // the organisation's 50 are shared: 4 taken, 46 left for the keys without workspace limits
    for (int i = 0; i < 46; i++) {
      assertEquals(0, rl.tryAdmit(plain, 1, 1, 0));
    }
    assertEquals(2_000, rl.tryAdmit(plain, 1, 1, 0));
  }

  @Test
  void workspace_refusedByItsOwnBucket_chargesNeitherScope() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", TIER1, "w", new LimitSpec(0, 0, 1_000, false));
    int plain = rl.key("org-a", "sonnet-4", TIER1);
    assertEquals(0, rl.tryAdmit(k, 10, 1_000, 0));
    // the workspace's 1,000 OTPM is empty; refused, so the org's OTPM (8,000 - 1,000) is untouched
    assertNotEquals(0, rl.tryAdmit(k, 10, 500, 0));
    assertEquals(0, rl.tryAdmit(plain, 10, 7_000, 0));
    assertNotEquals(0, rl.tryAdmit(plain, 10, 1, 0));
  }

  @Test
  void workspace_refundGoesBackToBothScopes() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", TIER1, "w", new LimitSpec(0, 0, 4_000, false));
    int plain = rl.key("org-a", "sonnet-4", TIER1);
    assertEquals(0, rl.tryAdmit(k, 10, 4_000, 0));
    rl.refundOutput(k, 4_000, 100, 0); // both get 3,900 back: ws 3,900, org 7,900
    assertEquals(0, rl.tryAdmit(k, 10, 3_900, 0)); // fits the workspace exactly
    assertEquals(0, rl.tryAdmit(plain, 10, 4_000, 0)); // org: 7,900 - 3,900 = 4,000 left
    assertNotEquals(0, rl.tryAdmit(plain, 10, 1, 0));
  }

  @Test
  void workspace_oversizedNeedIsClampedAndCountedOnce() {
    RateLimiter rl = new RateLimiter(0);
    int k = rl.key("org-a", "sonnet-4", TIER1, "w", new LimitSpec(0, 0, 4_000, false));
    assertEquals(0, rl.tryAdmit(k, 10, 32_000, 0)); // over both OTPM buckets: clamped in each
    assertEquals(1, rl.oversizedRequests());
  }

  @Test
  void workspaceKey_ofASecondOrganisation_sharesThatOrganisationsBuckets() {
    RateLimiter rl = new RateLimiter(0);
    rl.key("org-a", "sonnet-4", TIER1);
    int b = rl.key("org-b", "sonnet-4", TIER1);
    for (int i = 0; i < 50; i++) {
      assertEquals(0, rl.tryAdmit(b, 1, 1, 0)); // org-b's 50 RPM spent
    }
    // org-b's workspace (its own 1,000 RPM) still draws on org-b's empty bucket, not org-a's
    int w = rl.key("org-b", "sonnet-4", TIER1, "w", new LimitSpec(1_000, 0, 0, false));
    assertEquals(2_000, rl.tryAdmit(w, 1, 1, 0));
  }
}
