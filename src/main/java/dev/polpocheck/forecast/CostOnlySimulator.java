package dev.polpocheck.forecast;

import dev.polpocheck.UserInputException;
import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.Pricing;
import dev.polpocheck.trace.Call;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The simplest setup: every call runs as recorded and is billed at list price, optionally as
 * another model; no rate limits, no rotation, no added delay, caching as recorded. It answers
 * "what does this workload cost as recorded" and its results can be checked by hand, which makes
 * it the reference the forecast machinery is tested with.
 *
 * @param name name shown in reports
 * @param prices the price catalog
 * @param modelRemap recorded model id to the model it is billed as (empty: as recorded)
 * @param assumed1hShareBasisPoints share of unsplit cache writes billed at the 1-hour rate
 */
public record CostOnlySimulator(
    String name, PriceCatalog prices, Map<String, String> modelRemap, int assumed1hShareBasisPoints)
    implements WorkloadSimulator {

  public CostOnlySimulator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prices, "prices");
    modelRemap = Map.copyOf(new TreeMap<>(modelRemap));
  }

  /** Calls billed as recorded at the default catalog's list prices. */
  public static CostOnlySimulator asRecorded() {
    return new CostOnlySimulator("as recorded", PriceCatalog.defaultCatalog(), Map.of(), 10_000);
  }

  @Override
  public RunOutcome run(Iterable<Call> calls, Horizon horizon, long seed) {
    OutcomeBuilder out = new OutcomeBuilder(horizon);
    for (Call c : calls) {
      Call billed = remap(c);
      Price p = prices.find(billed.provider(), billed.model()).orElseThrow(() ->
          new UserInputException("no list price for " + billed.provider() + ":" + billed.model()
              + " in the price catalog"));
      out.add(billed, Pricing.cost(billed, p, assumed1hShareBasisPoints), billed.profile(), 0);
    }
    return out.build();
  }

  private Call remap(Call c) {
    String to = modelRemap.get(c.model());
    if (to == null) {
      return c;
    }
    return new Call(c.timestampMillis(), c.session(), c.agent(), c.role(), c.provider(), to,
        c.inputTokens(), c.outputTokens(), c.cacheReadTokens(), c.cacheWrite5mTokens(),
        c.cacheWrite1hTokens(), c.cacheWriteUnsplitTokens(), c.profile(), c.status(),
        c.latencyMillis(), -1, c.batch(), c.fast());
  }
}
