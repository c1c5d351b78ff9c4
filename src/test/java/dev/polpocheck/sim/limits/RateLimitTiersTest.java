package dev.polpocheck.sim.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Protects the shipped tier table against anthropic-and-peers.md 4.2. */
class RateLimitTiersTest {
  private final RateLimitTiers tiers = RateLimitTiers.anthropic();

  @Test
  void tier1_sonnet45_is50RpmAnd30kItpmAnd8kOtpm() {
    assertEquals(new LimitSpec(50, 30_000, 8_000, false), tiers.limits("tier1", "claude-sonnet-4-5"));
  }

  @Test
  void tier4_haiku45_is4kRpm4MItpm800kOtpm() {
    assertEquals(
        new LimitSpec(4_000, 4_000_000, 800_000, false), tiers.limits("tier4", "claude-haiku-4-5"));
  }

  @Test
  void tier2_haiku3_countsCacheReads() {
    assertEquals(new LimitSpec(1_000, 100_000, 20_000, true), tiers.limits("tier2", "claude-3-haiku-20240307"));
  }

  @Test
  void unknownModelOrTier_isUnlimited() {
    assertEquals(LimitSpec.UNLIMITED, tiers.limits("tier1", "deepseek-chat"));
    assertEquals(LimitSpec.UNLIMITED, tiers.limits("tier9", "claude-sonnet-4-5"));
    assertNull(tiers.modelClass("gpt-5"));
    assertEquals(100, tiers.monthlySpendCapUsd("tier1"));
  }
}
