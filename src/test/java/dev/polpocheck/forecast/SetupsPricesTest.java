package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.polpocheck.sim.PriceLookup;
import dev.polpocheck.sim.ScenarioFiles;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code forecast} and {@code capacity} replay through {@link Setups}: their price look-up is dated
 * like {@code cost}'s, so a fast-mode call is billed at the fast tier in force at its time.
 */
class SetupsPricesTest {
  private static final long NOV_29 = Instant.parse("2026-11-29T12:00:00Z").toEpochMilli();
  private static final long DEC_01 = Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();

  @Test
  void opus48_hasItsFastTierUntilTheThirtiethOfNovember_andNoneAfter() {
    PriceLookup prices = Setups.of("s", ScenarioFiles.defaults()).options().prices();
    // catalog row: Opus 4.8 fast $10 / $50 per MTok until 2026-11-30 (code.claude.com fast-mode
    // page): $10 per MTok = 10,000,000 picodollars per token; none from 30 Nov on.
    assertEquals(10_000_000L, prices.find("anthropic", "claude-opus-4-8", NOV_29).fast().input());
    assertNull(prices.find("anthropic", "claude-opus-4-8", DEC_01).fast());
    assertArrayEquals(
        new long[] {Instant.parse("2026-11-30T00:00:00Z").toEpochMilli()},
        prices.changes("anthropic", "claude-opus-4-8"));
  }
}
