package dev.polpocheck.sim;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.cost.Money;
import dev.polpocheck.cost.Pricing;
import dev.polpocheck.sim.cache.CacheSplit;

/**
 * The price step: what a call that went through costs, at list price ({@link Pricing}), without
 * caching (the cache savings' baseline) and as pi-ai computes it (what Polpo records), summed
 * into the run's {@link Accounting}.
 *
 * <p>Simulated cache writes take the scenario's retention (1-hour writes when it exceeds five
 * minutes); recorded writes whose retention the trace did not say are apportioned by the assumed
 * 1-hour share, rounded half-up, for the tallies.
 *
 * <p>The call's tokens and cost reach {@link Accounting} in one reused {@link Tally}, {@code line}:
 * passing a {@code CostBreakdown} to a method the JIT does not inline would make it escape, an
 * allocation per call (measured: 56 bytes per call). For the same reason a call at standard rates
 * (most calls) is priced here, with the price's rates ({@link Pricing#atStandardRates}), and only
 * batch, fast-mode and long-context calls go through {@link Pricing#cost}.
 */
final class PriceStep {
  private final Scenario sc;
  private final SimOptions opt;
  private final Accounting acc;
  private final Tally line = new Tally();

  PriceStep(Scenario sc, SimOptions opt, Accounting acc) {
    this.sc = sc;
    this.opt = opt;
    this.acc = acc;
  }

  /**
   * Prices {@code k}, sent with {@code c} as {@code m} at {@code now} with the cache split {@code
   * split}, and records it in every tally, the spend cap and the fidelity sums.
   */
  void price(Task k, Credential c, ReplayModel m, CacheSplit split, long now) {
    long in = split.input();
    long rd = split.read();
    long w5;
    long w1;
    long wu = 0;
    if (sc.cache().asRecorded()) {
      w5 = k.rW5;
      w1 = k.rW1;
      wu = k.rWu;
    } else if (sc.cache().ttlMillis() > 300_000L) {
      w5 = 0;
      w1 = split.write();
    } else {
      w5 = split.write();
      w1 = 0;
    }
    // unsplit writes divided as Pricing divides them (its rule 3), once: the price and the
    // tallies below both take the divided counts
    long u1 = (wu * opt.assumed1hShareBasisPoints() + 5_000) / 10_000;
    long w5d = w5 + (wu - u1);
    long w1d = w1 + u1;
    long costIn = 0;
    long costOut = 0;
    long costW5 = 0;
    long costW1 = 0;
    long costRead = 0;
    Price price = m.priceAt(now);
    if (price == null) {
      acc.unpricedCalls++;
      acc.unpricedModels.add(m.spec);
    } else {
      boolean batch = k.call.batch();
      boolean fast = k.call.fast();
      if (Pricing.atStandardRates(price, in + rd + w5d + w1d, batch, fast)) {
        // the common case: Pricing's products at the price's own rates, without a
        // CostBreakdown per call (it escapes Pricing.cost: 48 bytes per priced call)
        costIn = Math.multiplyExact(in, price.input());
        costOut = Math.multiplyExact(k.out, price.output());
        costW5 = Math.multiplyExact(w5d, price.cacheWrite5m());
        costW1 = Math.multiplyExact(w1d, price.cacheWrite1h());
        costRead = Math.multiplyExact(rd, price.cacheRead());
      } else {
        // the simulated call carries no inference geography: list prices
        CostBreakdown cost =
            Pricing.cost(
                price,
                opt.assumed1hShareBasisPoints(),
                new Pricing.Usage(in, k.out, rd, w5d, w1d, 0),
                batch,
                fast,
                "");
        costIn = cost.input();
        costOut = cost.output();
        costW5 = cost.cacheWrite5m();
        costW1 = cost.cacheWrite1h();
        costRead = cost.cacheRead();
      }
      long plain;
      // the whole prompt as uncached input: at standard rates the products again, else (batch,
      // a fast tier, a prompt-length tier for this longer prompt) through Pricing
      if (Pricing.atStandardRates(price, k.prompt, batch, fast)) {
        plain =
            Money.add(
                Math.multiplyExact(k.prompt, price.input()),
                Math.multiplyExact(k.out, price.output()));
      } else {
        Pricing.Usage uncached = new Pricing.Usage(k.prompt, k.out, 0, 0, 0, 0);
        plain = Pricing.cost(price, 0, uncached, batch, fast, "").total();
      }
      acc.costWithoutCache = Money.add(acc.costWithoutCache, plain);
    }
    if (m.piAi != null) {
      // pi-ai's calculateCost: one cache-write price (the 5-minute one), no tiers, no batch
      long polpo =
          Math.multiplyExact(in, m.piAi.input())
              + Math.multiplyExact(k.out, m.piAi.output())
              + Math.multiplyExact(rd, m.piAi.cacheRead())
              + Math.multiplyExact(w5 + w1 + wu, m.piAi.cacheWrite5m());
      acc.polpoCost = Money.add(acc.polpoCost, polpo);
    }
    line.set(in, k.out, rd, w5d, w1d, costIn, costOut, costW5, costW1, costRead);
    acc.priced(k, c, m, line, now);
    if (c.spend.tracked()) {
      c.spend.add(line.costTotal(), now);
    }
    if (c.workspaceSpend != null) {
      c.workspaceSpend.add(line.costTotal(), now);
    }
    if (!sc.cache().asRecorded() && !m.remapped && k.spec == 0) {
      acc.fidelity(k.rRead, rd, k.rW5 + k.rW1 + k.rWu, w5d + w1d);
    }
  }
}
