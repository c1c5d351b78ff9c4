package dev.polpocheck.forecast;

import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.sim.Scenario;
import dev.polpocheck.sim.SimOptions;
import dev.polpocheck.sim.SimResult;
import dev.polpocheck.sim.Simulation;
import dev.polpocheck.trace.Call;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A setup replayed by the full simulator: rotation, retries, rate limits, billing-disable and
 * prompt caching as the scenario describes.
 *
 * <p>Each run replays the workload with the scenario's report settings replaced: one-day series
 * buckets (aligned to UTC days, like the horizon) so cost and cache use can be read per day, and
 * no sticky-rotation comparison (a forecast compares setups with {@code --compare} instead, which
 * would otherwise double the work of every run). Cooldown and billing-disable events become the
 * per-profile unavailability spans of the report's timeline; a run lists at most
 * {@value #MAX_EVENTS} of them.
 *
 * @param name name shown in reports
 * @param scenario the setup
 * @param options catalogs and selector
 */
public record SimulatorSetup(String name, Scenario scenario, SimOptions options)
    implements WorkloadSimulator {
  static final int MAX_EVENTS = 2_000;

  public SimulatorSetup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    scenario = scenario.withReport(new Scenario.Report(Corpus.DAY, MAX_EVENTS, false));
  }

  @Override
  public RunOutcome run(Iterable<Call> calls, Horizon horizon, long seed) {
    SimResult r = Simulation.run(calls, scenario, seed, options);
    return outcome(r, horizon);
  }

  /** The forecast's view of one simulator result. */
  static RunOutcome outcome(SimResult r, Horizon horizon) {
    long[] cost = new long[horizon.days()];
    long[] read = new long[horizon.days()];
    long[] write = new long[horizon.days()];
    for (SimResult.Bucket b : r.series()) {
      int d = horizon.dayOf(b.startMillis());
      cost[d] = Math.addExact(cost[d], b.costPicos());
      read[d] += b.cacheReadTokens();
      write[d] += b.cacheWriteTokens();
    }
    Map<String, List<ProfileUsage.Span>> spans = new HashMap<>();
    for (SimResult.Event e : r.events()) {
      String kind = switch (e.kind()) {
        case "profile-cooldown" -> "cooldown";
        case "billing-disable" -> "disabled";
        default -> null;
      };
      if (kind != null) {
        spans.computeIfAbsent(e.subject(), k -> new ArrayList<>())
            .add(new ProfileUsage.Span(e.timeMillis(), e.untilMillis(), kind));
      }
    }
    List<ProfileUsage> profiles = new ArrayList<>();
    for (SimResult.ProfileUse p : r.profiles()) {
      profiles.add(new ProfileUsage(p.id(), p.calls(), spans.getOrDefault(p.id(), List.of())));
    }
    SimResult.Counts c = r.counts();
    return new RunOutcome(r.cost(), costs(r.byAgent()), costs(r.byModel()), cost, read, write,
        c.callsIn(), c.rateLimited(), c.failed() + c.notRun(), r.delays().p50Millis(),
        r.delays().p95Millis(), profiles);
  }

  private static SortedMap<String, CostBreakdown> costs(Map<String, SimResult.Part> parts) {
    SortedMap<String, CostBreakdown> m = new TreeMap<>();
    parts.forEach((k, v) -> m.put(k, v.cost()));
    return m;
  }
}
