package dev.polpocheck.sim.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.catalog.RateLimitClass;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Protects the shipped tier table against anthropic-and-peers.md 4.2 (late-2025 edition) and the
 * rate-limits page of 2026 (spend caps of Start, Build, Scale, Custom).
 */
class RateLimitTiersTest {
  private final RateLimitTiers tiers = RateLimitTiers.anthropic();

  @Test
  void tier1_sonnet4_is50RpmAnd30kItpmAnd8kOtpm() {
    assertEquals(
        new LimitSpec(50, 30_000, 8_000, false), tiers.limits("tier1", RateLimitClass.SONNET_4));
  }

  @Test
  void tier4_haiku45_is4kRpm4MItpm800kOtpm() {
    assertEquals(
        new LimitSpec(4_000, 4_000_000, 800_000, false),
        tiers.limits("tier4", RateLimitClass.HAIKU_4_5));
  }

  @Test
  void tier2_haiku3_countsCacheReads() {
    assertEquals(
        new LimitSpec(1_000, 100_000, 20_000, true), tiers.limits("tier2", RateLimitClass.HAIKU_3));
  }

  @Test
  void unknownPoolOrTier_isUnlimited() {
    assertEquals(LimitSpec.UNLIMITED, tiers.limits("tier1", null));
    assertEquals(LimitSpec.UNLIMITED, tiers.limits("tier9", RateLimitClass.SONNET_4));
    assertEquals(100, tiers.monthlySpendCapUsd("tier1"));
    assertEquals(-1, tiers.monthlySpendCapUsd("tier9"));
  }

  @Test
  void monthlySpendCaps_byTier_unknownIsMinusOne() {
    // rate-limits page (late-2025 edition): $100 / $500 / $1,000 / $5,000
    assertEquals(100, tiers.monthlySpendCapUsd("tier1"));
    assertEquals(5_000, tiers.monthlySpendCapUsd("tier4"));
    assertEquals(-1, tiers.monthlySpendCapUsd("unlimited"));
    assertEquals(
        Set.of("tier1", "tier2", "tier3", "tier4", "evaluation", "start", "build", "scale",
            "custom"),
        tiers.tierNames());
  }

  @Test
  void edition2026_spendCapsAreTheRateLimitsPagesTable() {
    // https://platform.claude.com/docs/api/rate-limits (read 2026-12-04): "Each of the Start,
    // Build, and Scale tiers carries a monthly spend cap": Start $500, Build $1,000, Scale
    // $200,000; "Organizations on the Custom tier have no monthly spend cap"; the page gives the
    // Evaluation tier none.
    assertEquals(500, tiers.monthlySpendCapUsd("start"));
    assertEquals(1_000, tiers.monthlySpendCapUsd("build"));
    assertEquals(200_000, tiers.monthlySpendCapUsd("scale"));
    assertEquals(-1, tiers.monthlySpendCapUsd("custom"));
    assertEquals(-1, tiers.monthlySpendCapUsd("evaluation"));
    assertEquals("2026", tiers.edition("start"));
    assertEquals("2026", tiers.edition("evaluation"));
    assertEquals("late-2025", tiers.edition("tier2"));
    assertEquals(null, tiers.edition("tier9"));
  }

  @Test
  void edition2026_startBuildScale_shipThePagesPerClassAndBatchLimits() {
    // https://platform.claude.com/docs/en/api/rate-limits, 2026 edition, as the transcriptions
    // of it give them (anthropic-tiers.json limitsSource): Opus 4.x, Sonnet 4.x and Haiku 4.5
    // share the figures of a tier: Start 1,000 RPM / 2,000,000 ITPM / 400,000 OTPM, Build 5,000 /
    // 5,000,000 / 1,000,000, Scale 10,000 / 10,000,000 / 2,000,000; Haiku 3.5 (dagger: cache
    // reads count) Start 1,000 / 100,000 / 20,000, Scale 4,000 / 400,000 / 80,000. Message
    // Batches: Start 1,000 RPM and 200,000 queued, Build 2,000 / 300,000, Scale 4,000 / 500,000.
    assertEquals(
        new LimitSpec(1_000, 2_000_000, 400_000, false),
        tiers.limits("start", RateLimitClass.SONNET_4));
    assertEquals(
        new LimitSpec(5_000, 5_000_000, 1_000_000, false),
        tiers.limits("build", RateLimitClass.OPUS_4));
    assertEquals(
        new LimitSpec(10_000, 10_000_000, 2_000_000, false),
        tiers.limits("scale", RateLimitClass.HAIKU_4_5));
    assertEquals(
        new LimitSpec(1_000, 100_000, 20_000, true), tiers.limits("start", RateLimitClass.HAIKU_3));
    assertEquals(
        new LimitSpec(4_000, 400_000, 80_000, true), tiers.limits("scale", RateLimitClass.HAIKU_3));
    // Sonnet 3.7 is not on the 2026 page (retired): no limits at any 2026 tier
    assertEquals(LimitSpec.UNLIMITED, tiers.limits("build", RateLimitClass.SONNET_3_7));
    assertEquals(new BatchLimits(1_000, 200_000), tiers.batchLimits("start"));
    assertEquals(new BatchLimits(2_000, 300_000), tiers.batchLimits("build"));
    assertEquals(new BatchLimits(4_000, 500_000), tiers.batchLimits("scale"));
    assertTrue(tiers.hasRateLimits("start"));
  }

  @Test
  void edition2026_outputCountsTheRealOutput_late2025ReservesMaxTokens() {
    // 2026: "OTPM is evaluated in real time against tokens actually generated: max_tokens does
    // not affect OTPM accounting"; late-2025: "OTPM rate limits are estimated based on max_tokens
    // at the beginning of each request"
    assertTrue(tiers.countsActualOutput("start"));
    assertTrue(tiers.countsActualOutput("custom"));
    assertFalse(tiers.countsActualOutput("tier4"));
    assertFalse(tiers.countsActualOutput("unlimited"));
  }

  @Test
  void evaluationAndCustom_publishNoLimits_theScenarioGivesThem() {
    // Evaluation: "limits below the standard limits shown on this page"; Custom: negotiated
    assertEquals(LimitSpec.UNLIMITED, tiers.limits("evaluation", RateLimitClass.SONNET_4));
    assertEquals(BatchLimits.UNLIMITED, tiers.batchLimits("custom"));
    assertFalse(tiers.hasRateLimits("evaluation"));
    assertFalse(tiers.hasRateLimits("custom"));
    assertFalse(tiers.hasRateLimits("tier9"));
    assertTrue(tiers.hasRateLimits("tier1"));
    LimitSpec own = new LimitSpec(50, 30_000, 8_000, false);
    RateLimitTiers laid =
        tiers.with(
            Map.of(
                "start", new TierLimits(Map.of(RateLimitClass.SONNET_4, own),
                    new BatchLimits(10, 1_000)),
                "tier2", new TierLimits(Map.of(RateLimitClass.SONNET_4, own), null)));
    assertEquals(own, laid.limits("start", RateLimitClass.SONNET_4));
    assertEquals(
        new LimitSpec(1_000, 2_000_000, 400_000, false),
        laid.limits("start", RateLimitClass.HAIKU_4_5));
    assertEquals(new BatchLimits(10, 1_000), laid.batchLimits("start"));
    assertTrue(laid.hasRateLimits("start"));
    // a class named replaces the shipped one; the others and the batch limits are kept
    assertEquals(own, laid.limits("tier2", RateLimitClass.SONNET_4));
    assertEquals(
        new LimitSpec(1_000, 450_000, 90_000, false),
        laid.limits("tier2", RateLimitClass.OPUS_4));
    assertEquals(new BatchLimits(1_000, 200_000), laid.batchLimits("tier2"));
    assertEquals(500, laid.monthlySpendCapUsd("start"));
    // the shipped table itself is unchanged
    assertEquals(
        new LimitSpec(1_000, 2_000_000, 400_000, false),
        tiers.limits("start", RateLimitClass.SONNET_4));
  }

  @Test
  void limitSpec_negativeIsRejected_unlimitedOnlyWhenAllZero() {
    assertThrows(
        IllegalArgumentException.class, () -> new LimitSpec(-1, 0, 0, false));
    assertThrows(
        IllegalArgumentException.class, () -> new LimitSpec(0, -1, 0, false));
    assertThrows(
        IllegalArgumentException.class, () -> new LimitSpec(0, 0, -1, false));
    assertTrue(LimitSpec.UNLIMITED.unlimited());
    assertFalse(new LimitSpec(1, 0, 0, false).unlimited());
    assertFalse(new LimitSpec(0, 1, 0, false).unlimited());
    assertFalse(new LimitSpec(0, 0, 1, false).unlimited());
  }

  @Test
  void batchLimits_areThePagesMessageBatchesTable() {
    // https://platform.claude.com/docs/en/api/rate-limits, "Message Batches API": RPM 50 / 1,000 /
    // 2,000 / 4,000; batch requests in processing queue 100,000 / 200,000 / 300,000 / 500,000
    assertEquals(new BatchLimits(50, 100_000), tiers.batchLimits("tier1"));
    assertEquals(new BatchLimits(1_000, 200_000), tiers.batchLimits("tier2"));
    assertEquals(new BatchLimits(2_000, 300_000), tiers.batchLimits("tier3"));
    assertEquals(new BatchLimits(4_000, 500_000), tiers.batchLimits("tier4"));
    assertEquals(BatchLimits.UNLIMITED, tiers.batchLimits("unlimited"));
  }
}
