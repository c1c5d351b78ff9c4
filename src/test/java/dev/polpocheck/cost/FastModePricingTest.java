package dev.polpocheck.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fast-mode requests ({@code usage.speed: "fast"}) are billed as Anthropic bills them
 * (anthropic-and-peers.md section 2.2): Opus 4.8 and Opus 5 at $10 / $50 per MTok over the whole
 * context with the cache multipliers on the fast input rate; Opus 4.6 at the standard rate; Opus
 * 4.7 has no fast mode, so a fast-marked call is priced at standard rates too (not x 6 as ccusage
 * does).
 */
class FastModePricingTest {
  private static final PriceCatalog ANTHROPIC = PriceCatalog.builtin("anthropic");

  private static Call call(String model, long in, long out, long read, long w5, long w1,
      boolean fast) {
    return new Call(
        0, "s", "", CallerRole.AGENT, "anthropic", model, in, out, read, w5, w1, 0, null,
        CallStatus.OK, -1, -1, false, fast);
  }

  private static BigDecimal usd(Call c) {
    Price p = ANTHROPIC.find(c.provider(), c.model()).orElseThrow();
    return new BigDecimal(Money.toUsd(Pricing.cost(c, p, 0).total()).toPlainString());
  }

  @Test
  void opus48_fastCall_billsEveryCategoryAtTheFastRates() {
    // fast: input $10/M, output $50/M, 5m write 1.25 x 10 = $12.50/M, 1h write 2 x 10 = $20/M,
    // read 0.1 x 10 = $1/M.
    // 1,000 in x 10/M = 0.01; 2,000 out x 50/M = 0.10; 4,000 5m x 12.5/M = 0.05;
    // 3,000 1h x 20/M = 0.06; 100,000 reads x 1/M = 0.10 -> 0.32
    Call c = call("claude-opus-4-8", 1_000, 2_000, 100_000, 4_000, 3_000, true);
    assertEquals(new BigDecimal("0.32"), usd(c));
  }

  @Test
  void opus48_sameCallNotFast_billsAtStandardRates() {
    // standard: 1,000 x 5/M = 0.005; 2,000 x 25/M = 0.05; 4,000 x 6.25/M = 0.025;
    // 3,000 x 10/M = 0.03; 100,000 x 0.5/M = 0.05 -> 0.16 (half of the fast price)
    Call c = call("claude-opus-4-8", 1_000, 2_000, 100_000, 4_000, 3_000, false);
    assertEquals(new BigDecimal("0.16"), usd(c));
  }

  @Test
  void opus5_fastCall_billsAtTheFastRates() {
    // 10,000 in x 10/M = 0.10; 1,000 out x 50/M = 0.05 -> 0.15
    assertEquals(new BigDecimal("0.15"), usd(call("claude-opus-5", 10_000, 1_000, 0, 0, 0, true)));
  }

  @Test
  void opus46_fastCall_billsAtTheStandardRate() {
    // Anthropic runs and bills 4.6 fast requests at standard rates (ccusage would say x 6 = 0.96):
    // 1,000 x 5/M = 0.005; 2,000 x 25/M = 0.05; 4,000 x 6.25/M = 0.025; 3,000 x 10/M = 0.03;
    // 100,000 x 0.5/M = 0.05 -> 0.16
    Call c = call("claude-opus-4-6", 1_000, 2_000, 100_000, 4_000, 3_000, true);
    assertEquals(new BigDecimal("0.16"), usd(c));
  }

  @Test
  void opus47_fastMarkedCall_billsAtTheStandardRate_becauseThereIsNoFastMode() {
    // 10,000 x 5/M = 0.05; 1,000 x 25/M = 0.025 -> 0.075
    assertEquals(
        new BigDecimal("0.075"), usd(call("claude-opus-4-7", 10_000, 1_000, 0, 0, 0, true)));
  }

  @Test
  void catalog_hasFastTierOnlyOnOpus48AndOpus5_withNoInvariantWarnings() {
    assertNotNull(ANTHROPIC.find("anthropic", "claude-opus-4-8").orElseThrow().fast());
    assertNotNull(ANTHROPIC.find("anthropic", "claude-opus-5").orElseThrow().fast());
    assertNull(ANTHROPIC.find("anthropic", "claude-opus-4-7").orElseThrow().fast());
    assertNull(ANTHROPIC.find("anthropic", "claude-opus-4-6").orElseThrow().fast());
    assertNull(ANTHROPIC.find("anthropic", "claude-sonnet-4-5").orElseThrow().fast());
    assertEquals(List.of(), ANTHROPIC.warnings());
  }
}
