package dev.polpocheck.forecast;

import dev.polpocheck.cost.Pricing;
import dev.polpocheck.trace.Call;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The simplest setup: every call runs as recorded and is billed at list price, optionally as
 * another model; no rate limits, no rotation, no added delay. It answers "what does this workload
 * cost" and is the baseline the full replay simulator refines.
 *
 * @param name name shown in reports
 * @param prices the price catalog
 * @param modelRemap recorded model id to the model it is billed as (empty: as recorded)
 * @param assumed1hShareBasisPoints share of unsplit cache writes billed at the 1-hour rate
 */
public record CostOnlySimulator(
    String name, PriceLookup prices, Map<String, String> modelRemap, int assumed1hShareBasisPoints)
    implements WorkloadSimulator {

  public CostOnlySimulator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prices, "prices");
    modelRemap = Map.copyOf(new TreeMap<>(modelRemap));
  }

  @Override
  public RunOutcome run(Iterable<Call> calls, Horizon horizon, long seed) {
    OutcomeBuilder out = new OutcomeBuilder(horizon);
    for (Call c : calls) {
      Call billed = remap(c);
      out.add(billed, Pricing.cost(billed, prices.priceOf(billed.provider(), billed.model()),
          assumed1hShareBasisPoints), billed.profile(), 0);
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
        c.latencyMillis(), -1, c.batch());
  }
}
