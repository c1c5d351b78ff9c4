package dev.polpocheck.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every Claude model Anthropic lists on its pricing and model pages (December 2026) is priced
 * exactly by the built-in {@code anthropic} catalog, at the prices in force at the call's time:
 * standard rates, fast mode per model and per date, prompt-length tiers, data residency and batch.
 * Expected values are worked out by hand from the published USD-per-MTok rates (the arithmetic is
 * in the comments), never taken from polpo-check's output.
 *
 * <p>The "small call" used throughout: 1,000 uncached input, 2,000 output, 4,000 5-minute writes,
 * 3,000 1-hour writes and 10,000 cache reads (prompt 18,000 tokens), costing
 * {@code (1000 in + 2000 out + 4000 w5 + 3000 w1 + 10000 read) / 1e6} USD at the row's rates.
 */
class AnthropicCatalogPricingTest {
  private static final PriceCatalog ANTHROPIC = PriceCatalog.builtin("anthropic");
  private static final String DEC_1 = "2026-12-01T12:00:00Z";

  private static Call call(
      String model, String at, long in, long out, long w5, long w1, long read, boolean fast,
      boolean batch, String geo) {
    return new Call(
        Instant.parse(at).toEpochMilli(), "s", "", CallerRole.AGENT, "anthropic", model, in, out,
        read, w5, w1, 0, null, CallStatus.OK, -1, -1, batch, fast, geo);
  }

  private static Call small(String model, String at, boolean fast) {
    return call(model, at, 1_000, 2_000, 4_000, 3_000, 10_000, fast, false, "");
  }

  /** The USD cost of {@code c} at the row in force at its timestamp. */
  static BigDecimal usd(Call c) {
    Price p = ANTHROPIC.find(c.provider(), c.model(), c.timestampMillis()).orElseThrow();
    return Money.toUsd(Pricing.cost(c, p, 0).total()).stripTrailingZeros();
  }

  private static void assertUsd(String expected, Call c) {
    assertEquals(new BigDecimal(expected).stripTrailingZeros(), usd(c), c.model());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // Fable / Mythos 5.2: 8/40/10/16/0.20 -> 0.008 + 0.08 + 0.04 + 0.048 + 0.002
    "claude-fable-5-2, 0.178",
    "claude-mythos-5-2, 0.178",
    // Fable / Mythos 5.1: 10/50/12.5/20/0.25 -> 0.01 + 0.1 + 0.05 + 0.06 + 0.0025
    "claude-fable-5-1, 0.2225",
    "claude-mythos-5-1, 0.2225",
    // Fable / Mythos 5: 10/50/12.5/20/1 -> 0.01 + 0.1 + 0.05 + 0.06 + 0.01
    "claude-fable-5, 0.23",
    "claude-mythos-5, 0.23",
    // Opus 5.5: 4/20/5/8/0.20 -> 0.004 + 0.04 + 0.02 + 0.024 + 0.002
    "claude-opus-5-5, 0.09",
    // Opus 5, 4.8, 4.7, 4.6, 4.5: 5/25/6.25/10/0.5 -> 0.005 + 0.05 + 0.025 + 0.03 + 0.005
    "claude-opus-5, 0.115",
    "claude-opus-4-8, 0.115",
    "claude-opus-4-7, 0.115",
    "claude-opus-4-6, 0.115",
    "claude-opus-4-5-20251101, 0.115",
    // Opus 4.1, 4 and Opus 3: 15/75/18.75/30/1.5 -> 0.015 + 0.15 + 0.075 + 0.09 + 0.015
    "claude-opus-4-1-20250805, 0.345",
    "claude-opus-4-20250514, 0.345",
    "claude-3-opus-20240229, 0.345",
    // Sonnet 5.5 after the 2026-10-07 cut: 2/10/2.5/4/0.10 -> 0.002 + 0.02 + 0.01 + 0.012 + 0.001
    "claude-sonnet-5-5, 0.045",
    // Sonnet 5: 2/10/2.5/4/0.20 -> 0.002 + 0.02 + 0.01 + 0.012 + 0.002
    "claude-sonnet-5, 0.046",
    // Sonnet 4.6, 4.5, 4, 3.7: 3/15/3.75/6/0.3 -> 0.003 + 0.03 + 0.015 + 0.018 + 0.003
    "claude-sonnet-4-6, 0.069",
    "claude-sonnet-4-5-20250929, 0.069",
    "claude-sonnet-4-20250514, 0.069",
    "claude-3-7-sonnet-20250219, 0.069",
    // Haiku 5.5 (prompt 18,000 <= 100K): 0.1/0.5/0.125/0.2/0.01
    //   -> 0.0001 + 0.001 + 0.0005 + 0.0006 + 0.0001
    "claude-haiku-5-5, 0.0023",
    // Haiku 4.5: 1/5/1.25/2/0.1 -> 0.001 + 0.01 + 0.005 + 0.006 + 0.001
    "claude-haiku-4-5-20251001, 0.023",
    // Haiku 3.5: 0.8/4/1/1.6/0.08 -> 0.0008 + 0.008 + 0.004 + 0.0048 + 0.0008
    "claude-3-5-haiku-20241022, 0.0184",
    // Haiku 3: 0.25/1.25/0.30/0.50/0.03 -> 0.00025 + 0.0025 + 0.0012 + 0.0015 + 0.0003
    "claude-3-haiku-20240307, 0.00575"
  })
  void everyListedModel_smallCallOnDecember1_isPricedAtItsPublishedRates(
      String model, String expected) {
    assertUsd(expected, small(model, DEC_1, false));
  }

  @Test
  void sonnet55_cacheReadCut_splitsAMonthAtTheSeventhOfOctober() {
    // before 2026-10-07 reads cost $0.20: 0.002 + 0.02 + 0.01 + 0.012 + 0.002 = 0.046;
    // from 00:00 UTC that day $0.10: 0.045
    assertUsd("0.046", small("claude-sonnet-5-5", "2026-10-06T23:59:59.999Z", false));
    assertUsd("0.045", small("claude-sonnet-5-5", "2026-10-07T00:00:00Z", false));
    Ledger l = new Ledger(ANTHROPIC, GroupBy.MONTH, java.time.ZoneOffset.UTC, null, null, 0);
    l.accept(small("claude-sonnet-5-5", "2026-10-02T10:00:00Z", false));
    l.accept(small("claude-sonnet-5-5", "2026-10-20T10:00:00Z", false));
    LedgerReport r = l.report();
    // one October row: 0.046 + 0.045
    assertEquals(1, r.rows().size());
    assertEquals(
        new BigDecimal("0.091"), Money.toUsd(r.total().cost().total()).stripTrailingZeros());
  }

  @Test
  void datedAlias_ofSonnet55_isSonnet55_notSonnet5() {
    // Sonnet 5 would be 0.046 (read $0.20); Sonnet 5.5 on Dec 1 is 0.045
    assertUsd("0.045", small("claude-sonnet-5-5-20260928", DEC_1, false));
    assertUsd("0.045", small("anthropic/claude-sonnet-5-5-20260928", DEC_1, false));
    // Claude Code's context-window suffix is the same model: Opus 4.6 small call 0.115
    assertUsd("0.115", small("claude-opus-4-6[1m]", DEC_1, false));
  }

  @Test
  void haiku55_promptOverOneHundredThousand_repricesTheWholeRequest() {
    // exactly 100,000 prompt tokens: standard 100,000 x 0.1/M + 1,000 out x 0.5/M = 0.0105
    assertUsd("0.0105", call("claude-haiku-5-5", DEC_1, 100_000, 1_000, 0, 0, 0, false, false, ""));
    // 100,001: every token at the tier: 100,001 x 0.5/M = 0.0500005; 1,000 x 2.5/M = 0.0025
    assertUsd(
        "0.0525005", call("claude-haiku-5-5", DEC_1, 100_001, 1_000, 0, 0, 0, false, false, ""));
    // cache reads and writes count: 1,000 in + 99,001 read + 1 1h write = 100,002 > 100K ->
    // 1,000 x 0.5/M = 0.0005; 99,001 x 0.05/M = 0.00495005; 1 x 1.00/M = 0.000001;
    // 1,000 out x 2.5/M = 0.0025 -> 0.00795105
    assertUsd(
        "0.00795105", call("claude-haiku-5-5", DEC_1, 1_000, 1_000, 0, 1, 99_001, false, false, ""));
  }

  @Test
  void opus46Fast_isSixTimesStandard_halfPriceUntilTheSixteenthOfFebruaryPacific() {
    // $30 / $150, 5m 37.50, 1h 60, read 3: 0.03 + 0.30 + 0.15 + 0.18 + 0.03 = 0.69
    assertUsd("0.69", small("claude-opus-4-6", "2026-03-01T00:00:00Z", true));
    // 50 % promotion to 23:59 PT on 16 Feb 2026 (= 2026-02-17T07:59 UTC): 0.345
    assertUsd("0.345", small("claude-opus-4-6", "2026-02-10T00:00:00Z", true));
    assertUsd("0.345", small("claude-opus-4-6", "2026-02-17T07:59:59.999Z", true));
    assertUsd("0.69", small("claude-opus-4-6", "2026-02-17T08:00:00Z", true));
  }

  @Test
  void opus46Fast_promptOverTwoHundredThousand_isBilledAtTheHigherFastTier() {
    // Anthropic's fast-mode page: $60 / $225 above 200K input tokens (read 0.1 x 60 = 6).
    // 150,000 in + 60,000 read = 210,000 > 200K: 150,000 x 60/M = 9; 60,000 x 6/M = 0.36;
    // 1,000 out x 225/M = 0.225 -> 9.585
    assertUsd(
        "9.585",
        call("claude-opus-4-6", "2026-03-01T00:00:00Z", 150_000, 1_000, 0, 0, 60_000, true, false,
            ""));
  }

  @Test
  void fastMode_perModelAndPerDate() {
    // Opus 4.7 fast at $30/$150 until its removal on 2026-07-24: 0.69; after: standard 0.115
    assertUsd("0.69", small("claude-opus-4-7", "2026-07-23T23:59:59Z", true));
    assertUsd("0.115", small("claude-opus-4-7", "2026-07-24T00:00:00Z", true));
    // Opus 4.8 at $10/$50 (12.5/20/1): 0.01 + 0.1 + 0.05 + 0.06 + 0.01 = 0.23, removed 2026-11-30
    assertUsd("0.23", small("claude-opus-4-8", "2026-11-29T12:00:00Z", true));
    assertUsd("0.115", small("claude-opus-4-8", "2026-11-30T00:00:00Z", true));
    // Opus 5 at $10/$50: 0.23
    assertUsd("0.23", small("claude-opus-5", DEC_1, true));
    // Opus 5.5 at $8/$40 (10/16/0.40): 0.008 + 0.08 + 0.04 + 0.048 + 0.004 = 0.18
    assertUsd("0.18", small("claude-opus-5-5", DEC_1, true));
    // Fable 5.2 at $16/$80 (20/32/0.40): 0.016 + 0.16 + 0.08 + 0.096 + 0.004 = 0.356
    assertUsd("0.356", small("claude-fable-5-2", DEC_1, true));
    // Sonnet 5.5 has no fast mode: a fast-marked call is billed at standard rates, 0.045
    assertUsd("0.045", small("claude-sonnet-5-5", DEC_1, true));
  }

  @Test
  void usInference_costsOnePointOneOnEveryCategory_onOpus46AndLater() {
    // Opus 4.6 small call 0.115 x 1.1: 0.0055 + 0.055 + 0.0275 + 0.033 + 0.0055 = 0.1265
    assertUsd("0.1265", call("claude-opus-4-6", DEC_1, 1_000, 2_000, 4_000, 3_000, 10_000,
        false, false, "us"));
    // "global" is the plain price
    assertUsd("0.115", call("claude-opus-4-6", DEC_1, 1_000, 2_000, 4_000, 3_000, 10_000,
        false, false, "global"));
    // Opus 4.5 predates inference_geo (the API rejects it), so no multiplier is listed: 0.115
    assertUsd("0.115", call("claude-opus-4-5", DEC_1, 1_000, 2_000, 4_000, 3_000, 10_000,
        false, false, "us"));
    // batch and US stack: Opus 5 small call 0.115 / 2 = 0.0575, x 1.1 = 0.06325
    assertUsd("0.06325", call("claude-opus-5", DEC_1, 1_000, 2_000, 4_000, 3_000, 10_000,
        false, true, "us"));
    // fast and US stack: Opus 5.5 fast 0.18 x 1.1 = 0.198
    assertUsd("0.198", call("claude-opus-5-5", DEC_1, 1_000, 2_000, 4_000, 3_000, 10_000,
        true, false, "us"));
  }

  @Test
  void catalog_meetsEveryInvariant_andMarksWhatOnlyThirdPartiesState() {
    assertEquals(List.of(), ANTHROPIC.warnings());
    // Opus 5.5's fast tier and the Sonnet 5.5 cut are not on Anthropic's stored pages
    assertTrue(
        ANTHROPIC.findEntry("anthropic", "claude-opus-5-5").orElseThrow().thirdParty().stream()
            .anyMatch(s -> s.contains("fast")));
    assertTrue(
        ANTHROPIC
            .findEntry("anthropic", "claude-sonnet-5-5")
            .orElseThrow()
            .thirdParty()
            .stream()
            .anyMatch(s -> s.contains("2026-10-07")));
    assertTrue(
        ANTHROPIC.findEntry("anthropic", "claude-opus-5").orElseThrow().source().startsWith(
            "https://platform.claude.com/"));
  }
}
