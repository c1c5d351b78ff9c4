package dev.polpocheck.sim;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.RateLimitClass;
import dev.polpocheck.sim.cache.CachePolicy;

/**
 * A model as the replay runs it (after remapping): its prices (list and pi-ai's), the output it
 * reserves, its rate-limit pool, how it caches, and the running tally of its calls. Built by {@link
 * ReplayModels}; one per run, mutable only in its tally.
 */
final class ReplayModel {
  final int id;
  final String provider;
  final String model;
  final String spec;
  final Price price;
  private final long[] changes;
  private final Price[] periods;
  final Price piAi;
  final long agentMaxTokens;
  final long orchestratorMaxTokens;
  final long contextWindow;
  final RateLimitClass cls;
  final CachePolicy policy;
  final boolean remapped;
  final double factor;
  final Tally tally = new Tally();

  /**
   * A model.
   *
   * @param id small number, unique in the run (the cache keys use it)
   * @param price list price as it stands today, or null when the catalog has none
   * @param changes instants (epoch ms, ascending) where the list price changes
   * @param periods the list price in force before {@code changes[0]}, then from each change on
   *     ({@code changes.length + 1} prices)
   * @param piAi pi-ai's price (what Polpo records), or null
   * @param agentMaxTokens the {@code max_tokens} of an agent turn ({@link MaxTokens}), or -1
   *     when the model's output limit is unknown
   * @param orchestratorMaxTokens the {@code max_tokens} of an orchestrator call, or -1
   * @param contextWindow the longest prompt the model accepts, or -1 when unknown
   * @param cls the Anthropic rate-limit pool, or null
   * @param policy how it caches, or null for no caching at all
   * @param remapped true when recorded calls of another model are replayed as this one
   * @param factor the token-count factor of the remapping
   */
  ReplayModel(
      int id,
      String provider,
      String model,
      Price price,
      long[] changes,
      Price[] periods,
      Price piAi,
      long agentMaxTokens,
      long orchestratorMaxTokens,
      long contextWindow,
      RateLimitClass cls,
      CachePolicy policy,
      boolean remapped,
      double factor) {
    this.id = id;
    this.provider = provider;
    this.model = model;
    this.spec = provider + ":" + model;
    this.price = price;
    if (periods.length != changes.length + 1) {
      throw new IllegalArgumentException("one price per period");
    }
    this.changes = changes;
    this.periods = periods;
    this.piAi = piAi;
    this.agentMaxTokens = agentMaxTokens;
    this.orchestratorMaxTokens = orchestratorMaxTokens;
    this.contextWindow = contextWindow;
    this.cls = cls;
    this.policy = policy;
    this.remapped = remapped;
    this.factor = factor;
  }

  /**
   * The list price in force at {@code now} (epoch ms), or null: a call is priced at the row of its
   * own time, as {@code cost} prices it. Resolved once per period; the look-up allocates nothing.
   */
  Price priceAt(long now) {
    int i = 0;
    while (i < changes.length && now >= changes[i]) {
      i++;
    }
    return periods[i];
  }
}
