package dev.polpocheck.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.catalog.Price;
import org.junit.jupiter.api.Test;

/**
 * {@link Pricing#atStandardRates}: the calls the simulator prices itself, as tokens times the
 * price's own rates, must be exactly those that Pricing's rules 1, 2 and 4 leave at the standard
 * rates; every other call goes through {@link Pricing#cost}.
 */
class PricingStandardRatesTest {
  // Sonnet 4.5's published rates in picodollars per token ($3 / $15 / $3.75 / $6 / $0.30 per
  // MTok), its 200K long-context tier ($6 / $22.50 / $7.50 / $12 / $0.60) and, for the fast-mode
  // rule, a made-up fast tier at twice the standard rates
  private static final Price.LongContext LONG =
      new Price.LongContext(200_000, 6_000_000, 22_500_000, 7_500_000, 12_000_000, 600_000);
  private static final Price.Fast FAST =
      new Price.Fast(6_000_000, 30_000_000, 7_500_000, 12_000_000, 600_000);
  private static final Price SONNET =
      new Price(
          "anthropic", "claude-sonnet-4-5", 3_000_000, 15_000_000, 3_750_000, 6_000_000, 300_000,
          LONG);
  private static final Price WITH_FAST =
      new Price(
          "anthropic", "claude-x", 3_000_000, 15_000_000, 3_750_000, 6_000_000, 300_000, LONG,
          FAST);

  @Test
  void aPromptAtTheThreshold_isStandard_oneTokenAbove_isNot() {
    // rule 2: a tier applies when the prompt is strictly above its threshold
    assertTrue(Pricing.atStandardRates(SONNET, 200_000, false, false));
    assertFalse(Pricing.atStandardRates(SONNET, 200_001, false, false));
  }

  @Test
  void aBatchCall_isNeverStandard() {
    // rule 4: batch halves every category
    assertFalse(Pricing.atStandardRates(SONNET, 1_000, true, false));
  }

  @Test
  void aFastCall_isStandardOnlyWhenThePriceHasNoFastTier() {
    // rule 1: fast mode takes the fast tier's rates; without one, the standard rates
    assertTrue(Pricing.atStandardRates(SONNET, 1_000, false, true));
    assertFalse(Pricing.atStandardRates(WITH_FAST, 1_000, false, true));
    assertTrue(Pricing.atStandardRates(WITH_FAST, 1_000, false, false));
  }

  @Test
  void aStandardCall_costsItsTokensTimesTheRates() {
    // 1,000 in x 3,000,000 + 500 out x 15,000,000 + 10,000 reads x 300,000
    // + 2,000 5m writes x 3,750,000 + 4,000 1h writes x 6,000,000
    // = 3,000,000,000 + 7,500,000,000 + 3,000,000,000 + 7,500,000,000 + 24,000,000,000
    // = 45,000,000,000 picodollars ($0.045)
    assertTrue(Pricing.atStandardRates(SONNET, 1_000 + 10_000 + 2_000 + 4_000, false, false));
    CostBreakdown c =
        Pricing.cost(
            SONNET, 0, new Pricing.Usage(1_000, 500, 10_000, 2_000, 4_000, 0), false, false, "");
    assertEquals(45_000_000_000L, c.total());
  }
}
