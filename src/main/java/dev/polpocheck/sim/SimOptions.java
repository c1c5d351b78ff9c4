package dev.polpocheck.sim;

import dev.polpocheck.catalog.ModelCatalog;
import dev.polpocheck.sim.limits.RateLimitTiers;
import dev.polpocheck.sim.rotation.SelectorKind;
import java.util.Objects;

/**
 * What a simulation needs besides the calls and the scenario: data catalogs and the selector
 * implementation. Immutable and shareable between threads (the catalogs are read-only).
 *
 * @param prices list prices
 * @param models model facts (max output, minimum cacheable length, rate-limit pool)
 * @param tiers rate-limit tiers
 * @param selector which selector implementation runs the rotation
 * @param assumed1hShareBasisPoints share of recorded writes without a TTL split priced as 1-hour
 *     writes (as-recorded cache mode only; same meaning as in {@code cost})
 */
public record SimOptions(
    PriceLookup prices,
    ModelCatalog models,
    RateLimitTiers tiers,
    SelectorKind selector,
    int assumed1hShareBasisPoints) {

  public SimOptions {
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(tiers, "tiers");
    Objects.requireNonNull(selector, "selector");
    if (assumed1hShareBasisPoints < 0 || assumed1hShareBasisPoints > 10_000) {
      throw new IllegalArgumentException("1-hour share must be within 0..10000 basis points");
    }
  }

  /** Options with the bundled catalogs, the fast selector and no 1-hour share. */
  public static SimOptions withPrices(PriceLookup prices) {
    return new SimOptions(
        prices, ModelCatalog.bundled(), RateLimitTiers.anthropic(), SelectorKind.FAST, 0);
  }

  /** These options with another selector. */
  public SimOptions withSelector(SelectorKind kind) {
    return new SimOptions(prices, models, tiers, kind, assumed1hShareBasisPoints);
  }
}
