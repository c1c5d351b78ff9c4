package dev.polpocheck.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.catalog.PriceEntry;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The contract the simulator's {@code PriceStep} relies on when it prices a call itself: whenever
 * {@link Pricing#atStandardRates} says yes, {@link Pricing#cost} gives, per category, exactly the
 * tokens times the price's own rates. Checked over every dated row of the default catalog (so a
 * new rule in {@code Pricing} that changes such a call fails here, not silently in the replay).
 */
class StandardRatesProperties {
  private static final List<Price> PRICES =
      PriceCatalog.defaultCatalog().history().stream().map(PriceEntry::price).toList();

  @Property(tries = 2_000)
  void standardCall_costsItsTokensTimesTheRates(
      @ForAll @IntRange(min = 0, max = 100_000) int which,
      @ForAll @LongRange(min = 0, max = 400_000) long in,
      @ForAll @LongRange(min = 0, max = 128_000) long out,
      @ForAll @LongRange(min = 0, max = 400_000) long read,
      @ForAll @LongRange(min = 0, max = 100_000) long w5,
      @ForAll @LongRange(min = 0, max = 100_000) long w1,
      @ForAll boolean fast) {
    Price p = PRICES.get(which % PRICES.size());
    // batch, a fast tier or long context: Pricing.cost's own rules, tested elsewhere
    Assume.that(Pricing.atStandardRates(p, in + read + w5 + w1, false, fast));
    CostBreakdown c = Pricing.cost(p, 0, new Pricing.Usage(in, out, read, w5, w1, 0), false, fast, "");
    String row = p.provider() + "/" + p.model();
    assertEquals(in * p.input(), c.input(), row);
    assertEquals(out * p.output(), c.output(), row);
    assertEquals(read * p.cacheRead(), c.cacheRead(), row);
    assertEquals(w5 * p.cacheWrite5m(), c.cacheWrite5m(), row);
    assertEquals(w1 * p.cacheWrite1h(), c.cacheWrite1h(), row);
  }
}
