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
 * passing the {@code CostBreakdown} itself to a method the JIT does not inline would make it
 * escape, an allocation per call (measured: 56 bytes per call).
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
    CostBreakdown cost = CostBreakdown.ZERO;
    Price price = m.priceAt(now);
    if (price == null) {
      acc.unpricedCalls++;
      acc.unpricedModels.add(m.spec);
    } else {
      // the simulated call carries no inference geography: list prices
      cost =
          Pricing.cost(
              price,
              opt.assumed1hShareBasisPoints(),
              new Pricing.Usage(in, k.out, rd, w5, w1, wu),
              k.call.batch(),
              k.call.fast(),
              "");
      long plain;
      // the fast path is standard rates only: batch, fast-mode and long-context calls go
      // through Pricing, as the call itself did
      if (!k.call.batch()
          && !k.call.fast()
          && (price.longContext() == null
              || k.prompt <= price.longContext().thresholdTokens())) {
        plain =
            Money.add(
                Math.multiplyExact(k.prompt, price.input()),
                Math.multiplyExact(k.out, price.output()));
      } else {
        Pricing.Usage uncached = new Pricing.Usage(k.prompt, k.out, 0, 0, 0, 0);
        plain = Pricing.cost(price, 0, uncached, k.call.batch(), k.call.fast(), "").total();
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
    long u1 = (wu * opt.assumed1hShareBasisPoints() + 5_000) / 10_000;
    w5 += wu - u1;
    w1 += u1;
    line.set(in, k.out, rd, w5, w1, cost);
    acc.priced(k, c, m, line, now);
    if (c.spend.tracked()) {
      c.spend.add(cost.total(), now);
    }
    if (c.workspaceSpend != null) {
      c.workspaceSpend.add(cost.total(), now);
    }
    if (!sc.cache().asRecorded() && !m.remapped && k.spec == 0) {
      acc.fidelity(k.rRead, rd, k.rW5 + k.rW1 + k.rWu, w5 + w1);
    }
  }
}
