package dev.polpocheck.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Every pricing rule a user's bill depends on, worked by hand from Anthropic's published prices
 * (anthropic-and-peers.md section 2) and DeepSeek's: the long-context boundary, 1-hour vs 5-minute
 * writes, batch, the assumed 1-hour share of unsplit writes and its rounding.
 */
class PricingRulesTest {
  private static final PriceCatalog ANTHROPIC = PriceCatalog.builtin("anthropic");

  static Call call(
      String model, long in, long out, long read, long w5, long w1, long unsplit, boolean batch) {
    return new Call(
        0,
        "s",
        "",
        CallerRole.AGENT,
        "anthropic",
        model,
        in,
        out,
        read,
        w5,
        w1,
        unsplit,
        null,
        CallStatus.OK,
        -1,
        -1,
        batch);
  }

  private static BigDecimal usd(Call c, int shareBp) {
    Price p = ANTHROPIC.find(c.provider(), c.model()).orElseThrow();
    // normalised so "30" and "3E+1" compare equal under assertEquals
    return new BigDecimal(Money.toUsd(Pricing.cost(c, p, shareBp).total()).toPlainString());
  }

  @Test
  void sonnet45_promptOfExactly200000_isBilledAtStandardRates() {
    // 100,000 x $3/M = 0.30; 100,000 reads x $0.30/M = 0.03; 1,000 out x $15/M = 0.015 -> 0.345
    Call c = call("claude-sonnet-4-5-20250929", 100_000, 1_000, 100_000, 0, 0, 0, false);
    assertEquals(new BigDecimal("0.345"), usd(c, 0));
  }

  @Test
  void sonnet45_promptOf200001_billsEveryTokenAtLongContextRates() {
    // 100,001 x $6/M = 0.600006; 100,000 reads x $0.60/M = 0.06; 1,000 out x $22.50/M = 0.0225
    Call c = call("claude-sonnet-4-5-20250929", 100_001, 1_000, 100_000, 0, 0, 0, false);
    assertEquals(new BigDecimal("0.682506"), usd(c, 0));
  }

  @Test
  void sonnet45_cacheWritesCountTowardsTheLongContextThreshold() {
    // prompt = 1 + 200,000 written (1h) = 200,001 > 200,000: 1 x $6/M + 200,000 x $12/M = 2.400006
    Call c = call("claude-sonnet-4-5", 1, 0, 0, 0, 200_000, 0, false);
    assertEquals(new BigDecimal("2.400006"), usd(c, 0));
  }

  @Test
  void sonnet46_over200000_hasNoLongContextPremium() {
    // Claude 4.6 bills the 1M window at standard prices: 300,000 x $3/M = 0.90
    Call c = call("claude-sonnet-4-6", 300_000, 0, 0, 0, 0, 0, false);
    assertEquals(new BigDecimal("0.9"), usd(c, 0));
  }

  @Test
  void oneHourWrite_costsTwiceInput_fiveMinuteWrite_costs125Percent() {
    // Opus 4.1: 1M 1-hour writes x $30/M = 30; 1M 5-minute writes x $18.75/M = 18.75
    assertEquals(
        new BigDecimal("30"), usd(call("claude-opus-4-1", 0, 0, 0, 0, 1_000_000, 0, false), 0));
    assertEquals(
        new BigDecimal("18.75"), usd(call("claude-opus-4-1", 0, 0, 0, 1_000_000, 0, 0, false), 0));
  }

  @Test
  void batch_halvesInputAndOutput() {
    // Haiku 4.5 batch: 1M in x $0.50/M + 1M out x $2.50/M = 3.00 (half of 1 + 5)
    assertEquals(
        new BigDecimal("3"),
        usd(call("claude-haiku-4-5", 1_000_000, 1_000_000, 0, 0, 0, 0, true), 0));
  }

  @Test
  void unsplitWrites_areDividedByTheAssumedShare() {
    // Sonnet 4.5, 100,000 unsplit writes, share 0.8: 80,000 x $6/M + 20,000 x $3.75/M = 0.48 +
    // 0.075
    assertEquals(
        new BigDecimal("0.555"),
        usd(call("claude-sonnet-4-5", 0, 0, 0, 0, 0, 100_000, false), 8_000));
    // share 0 prices them all as 5-minute writes, as ccusage and pi-ai do: 100,000 x $3.75/M
    assertEquals(
        new BigDecimal("0.375"), usd(call("claude-sonnet-4-5", 0, 0, 0, 0, 0, 100_000, false), 0));
  }

  @Test
  void usageOverload_appliesTheSameRulesWithoutACall() {
    Price sonnet = ANTHROPIC.find("anthropic", "claude-sonnet-4-5-20250929").orElseThrow();
    // the long-context case above: 100,001 in, 100,000 reads, 1,000 out -> 0.682506
    assertEquals(new BigDecimal("0.682506"), usd(Pricing.cost(sonnet, 0,
        new Pricing.Usage(100_001, 1_000, 100_000, 0, 0, 0), false, false, "")));
    // the unsplit case above: 100,000 unsplit writes at share 0.8 -> 0.555
    assertEquals(new BigDecimal("0.555"), usd(Pricing.cost(sonnet, 8_000,
        new Pricing.Usage(0, 0, 0, 0, 0, 100_000), false, false, "")));
    // Haiku 4.5 batch: 1M in x $0.50/M + 1M out x $2.50/M = 3.00
    Price haiku = ANTHROPIC.find("anthropic", "claude-haiku-4-5").orElseThrow();
    assertEquals(new BigDecimal("3"), usd(Pricing.cost(haiku, 0,
        new Pricing.Usage(1_000_000, 1_000_000, 0, 0, 0, 0), true, false, "")));
  }

  private static BigDecimal usd(CostBreakdown cost) {
    return new BigDecimal(Money.toUsd(cost.total()).toPlainString());
  }

  @Test
  void unsplitShare_roundsToWholeTokensHalfUp() {
    // 3 tokens x 0.5 = 1.5 -> 2 tokens at $6/M and 1 at $3.75/M = 0.000012 + 0.00000375
    assertEquals(
        new BigDecimal("0.00001575"),
        usd(call("claude-sonnet-4-5", 0, 0, 0, 0, 0, 3, false), 5_000));
    // 1 token x 0.4 = 0.4 -> 0 tokens at 1h: $3.75/M = 0.00000375
    assertEquals(
        new BigDecimal("0.00000375"),
        usd(call("claude-sonnet-4-5", 0, 0, 0, 0, 0, 1, false), 4_000));
  }

  @Test
  void haiku3_usesItsDocumentedExceptionRates() {
    // Haiku 3: 1M 5m writes x $0.30/M + 1M reads x $0.03/M = 0.33
    assertEquals(
        new BigDecimal("0.33"),
        usd(call("claude-3-haiku-20240307", 0, 0, 1_000_000, 1_000_000, 0, 0, false), 0));
  }

  @Test
  void deepseek_recordedCallFromTheTraceReadme_isReproducedExactly() {
    // messages[2] of astropy__astropy-12907: 320 hits x $0.028/M + 1,394 misses x $0.28/M
    // + 84 completion x $0.42/M = 0.00000896 + 0.00039032 + 0.00003528 = 0.00043456 (recorded)
    Price p = PriceCatalog.builtin("deepseek").find("deepseek", "deepseek-chat").orElseThrow();
    Call c =
        new Call(
            0,
            "s",
            "",
            CallerRole.AGENT,
            "deepseek",
            "deepseek-chat",
            1_394,
            84,
            320,
            0,
            0,
            0,
            null,
            CallStatus.OK,
            -1,
            -1,
            false);
    assertEquals(new BigDecimal("0.00043456"), Money.toUsd(Pricing.cost(c, p, 8_000).total()));
  }
}
