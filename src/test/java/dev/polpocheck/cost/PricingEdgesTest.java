package dev.polpocheck.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The edges of pricing that mutation testing found unguarded: half-even rounding of batch costs
 * on odd picodollars, the bounds of the assumed 1-hour share, the money helpers, the key of calls
 * without agent, provider or profile, and a block row's end. Expected values worked by hand.
 */
class PricingEdgesTest {

  private static Call call(String agent, String provider, String profile, boolean batch) {
    return new Call(
        0, "s", agent, CallerRole.AGENT, provider, "m", 1, 1, 1, 1, 1, 0, profile, CallStatus.OK,
        -1, -1, batch);
  }

  @Test
  void batch_halvesEachCategory_roundingTheHalfPicodollarToEven() {
    // Rates of 3, 5, 7, 9 and 1 picodollars per token, one token of each kind, batch (50 %):
    // 1.5 -> 2, 2.5 -> 2, 3.5 -> 4, 4.5 -> 4, 0.5 -> 0 (half to the even neighbour).
    Price p = new Price("p", "m", 3, 5, 7, 9, 1, null);
    assertEquals(new CostBreakdown(2, 2, 4, 4, 0), Pricing.cost(call("a", "p", null, true), p, 0));
    // Even rates halve exactly: 4, 6, 8, 10, 2 -> 2, 3, 4, 5, 1.
    Price even = new Price("p", "m", 4, 6, 8, 10, 2, null);
    assertEquals(
        new CostBreakdown(2, 3, 4, 5, 1), Pricing.cost(call("a", "p", null, true), even, 0));
  }

  @Test
  void share_isBasisPointsFrom0To10000Inclusive() {
    Price p = new Price("p", "m", 3, 5, 7, 9, 1, null);
    Call c = call("a", "p", null, false);
    assertEquals(3 + 5 + 7 + 9 + 1, Pricing.cost(c, p, 0).total());
    assertEquals(3 + 5 + 7 + 9 + 1, Pricing.cost(c, p, 10_000).total());
    assertThrows(IllegalArgumentException.class, () -> Pricing.cost(c, p, -1));
    assertThrows(IllegalArgumentException.class, () -> Pricing.cost(c, p, 10_001));
    PriceCatalog cat = PriceCatalog.builtin("anthropic");
    ZoneId utc = ZoneId.of("UTC");
    new Ledger(cat, GroupBy.DAY, utc, null, null, 0);
    new Ledger(cat, GroupBy.DAY, utc, null, null, 10_000);
    assertThrows(
        IllegalArgumentException.class, () -> new Ledger(cat, GroupBy.DAY, utc, null, null, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Ledger(cat, GroupBy.DAY, utc, null, null, 10_001));
  }

  @Test
  void money_helpers() {
    // 13,263,509,728,000 pp = $13.263509728; 4 decimals half-even: $13.2635.
    assertEquals("$13.2635", Money.format(13_263_509_728_000L));
    assertEquals(1, Money.fromUsd(new BigDecimal("0.000000000001")));
    assertEquals(1_500_000_000_000L, Money.fromUsd(new BigDecimal("1.5")));
    // 3,000,000 pp per token x 1e6 tokens = $3 per million.
    assertEquals(0, new BigDecimal("3").compareTo(Money.perMillionFromPerToken(3_000_000)));
  }

  @Test
  void keys_ofCallsWithoutAgentProviderOrProfile() {
    PriceCatalog cat = PriceCatalog.builtin("anthropic");
    Ledger byAgent = new Ledger(cat, GroupBy.AGENT, ZoneId.of("UTC"), null, null, 0);
    byAgent.accept(call("", "p", null, false));
    byAgent.accept(call("dev", "p", null, false));
    assertEquals("(none)", byAgent.report().rows().get(0).key());
    assertEquals("dev", byAgent.report().rows().get(1).key());
    Ledger byModel = new Ledger(cat, GroupBy.MODEL, ZoneId.of("UTC"), null, null, 0);
    byModel.accept(call("a", "", null, false));
    byModel.accept(call("a", "p", null, false));
    assertEquals("m", byModel.report().rows().get(0).key());
    assertEquals("p:m", byModel.report().rows().get(1).key());
    Ledger byProfile = new Ledger(cat, GroupBy.PROFILE, ZoneId.of("UTC"), null, null, 0);
    byProfile.accept(call("a", "p", "", false));
    byProfile.accept(call("a", "p", "anthropic:work", false));
    assertEquals("(none)", byProfile.report().rows().get(0).key());
    assertEquals(2, byProfile.report().rows().size());
  }

  @Test
  void blockEnd_isStartPlusFiveHours_orMinusOneOutsideBlocks() {
    // 5 h = 18,000,000 ms; a block starting at epoch 0 ends at 18,000,000.
    assertEquals(18_000_000L, new LedgerReport.Row("b", new Totals(), 0, 0).blockEndMillis());
    assertEquals(-1, new LedgerReport.Row("d", new Totals(), -1, -1).blockEndMillis());
  }
}
