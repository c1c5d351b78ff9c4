package dev.polpocheck.sim.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polpocheck.catalog.RateLimitClass;
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
}
