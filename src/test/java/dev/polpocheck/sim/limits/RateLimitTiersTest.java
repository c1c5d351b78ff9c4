package dev.polpocheck.sim.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.catalog.RateLimitClass;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Protects the shipped tier table against anthropic-and-peers.md 4.2. */
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
    assertEquals(Set.of("tier1", "tier2", "tier3", "tier4"), tiers.tierNames());
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
