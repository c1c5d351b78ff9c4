package dev.polpocheck.bench;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.Money;
import dev.polpocheck.cost.Pricing;
import dev.polpocheck.sim.Scenario;
import dev.polpocheck.sim.ScenarioFiles;
import dev.polpocheck.sim.SimOptions;
import dev.polpocheck.sim.SimResult;
import dev.polpocheck.sim.Simulation;
import dev.polpocheck.sim.SyntheticWorkload;
import dev.polpocheck.sim.rotation.SelectorKind;
import dev.polpocheck.trace.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay throughput of {@code simulate} in calls per second: every model on (rotation over three
 * profiles in two organisations, Tier 4 rate limits, retries, the simulated prompt cache, token
 * refreshes, exact pricing), one thread, over calls already in memory — parsing is {@link
 * TraceReadBench}'s — against the baseline of the cost-only pass over the same calls (a price
 * lookup and {@code Pricing.cost} per call, summed).
 *
 * <p>The calls are 32,768 of simulate's {@link SyntheticWorkload} (4 sessions side by side, 50
 * turns each, one call every 12 s, Sonnet 4.5), materialised once in {@code @Setup}; the scenario
 * is the same as {@code SimulateThroughput}'s, parsed from JSON like a user's file, without the
 * second (sticky) run. One invocation replays every call and JMH divides by their number, so the
 * scores are calls per second (higher is better); {@code -prof gc} gives bytes per call. The
 * 10-million-call run and the peak heap are {@code SimulateThroughput}'s job.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SimulationBench {

  private static final int CALLS = 1 << 15;

  private static final String SCENARIO =
      "{\"profiles\": ["
          + "{\"id\": \"a\", \"provider\": \"anthropic\", \"type\": \"oauth\","
          + " \"organisation\": \"org-1\", \"tier\": \"tier4\", \"tokenLifetimeMinutes\": 480,"
          + " \"refreshFailureRate\": 0.01},"
          + "{\"id\": \"b\", \"provider\": \"anthropic\", \"type\": \"api_key\","
          + " \"organisation\": \"org-1\", \"tier\": \"tier4\"},"
          + "{\"id\": \"c\", \"provider\": \"anthropic\", \"type\": \"api_key\","
          + " \"organisation\": \"org-2\", \"tier\": \"tier4\"}],"
          + " \"report\": {\"seriesBucketMinutes\": 60, \"maxEvents\": 1000,"
          + " \"compareSticky\": false}}";

  /** The replay's own set-up: the selector implementation and the options that carry it. */
  @State(Scope.Thread)
  public static class Replay {

    /** Which selector runs the rotation: {@code fast} (the default) or {@code reference}. */
    @Param({"fast", "reference"})
    public String selector;

    SimOptions options;

    /** Builds the options with this selector. */
    @Setup(Level.Trial)
    public void setUp(SimulationBench bench) {
      options =
          SimOptions.withPrices((p, m) -> bench.catalog.find(p, m).orElse(null))
              .withSelector(SelectorKind.valueOf(selector.toUpperCase(Locale.ROOT)));
      SimResult check = Simulation.replay(bench.calls, bench.scenario, 1, options, 1);
      if (check.counts().ok() < CALLS / 2) {
        throw new IllegalStateException(
            "most calls did not run (" + check.counts().ok() + " ok of " + CALLS + ")");
      }
    }
  }

  private List<Call> calls;
  private Scenario scenario;
  private PriceCatalog catalog;

  /** Materialises the calls, parses the scenario and loads the price catalog. */
  @Setup(Level.Trial)
  public void setUp() {
    calls = new ArrayList<>(CALLS);
    new SyntheticWorkload(CALLS, 4, 50, 12_000, 1, "anthropic", "claude-sonnet-4-5")
        .forEach(calls::add);
    scenario = ScenarioFiles.parse("bench-scenario.json", SCENARIO);
    catalog = PriceCatalog.defaultCatalog();
  }

  /** Replays every call through every model; the score is calls per second. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public SimResult replay(Replay replay) {
    return Simulation.replay(calls, scenario, 1, replay.options, 1);
  }

  /** Baseline: the cost-only pass, a price lookup and exact pricing of every call, summed. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long baselineCostOnlyPass() {
    long total = 0;
    String model = null;
    Price price = null;
    for (Call call : calls) {
      if (!call.model().equals(model)) {
        model = call.model();
        price = catalog.find(call.provider(), model).orElse(null);
      }
      if (price != null) {
        total = Money.add(total, Pricing.cost(call, price, 0).total());
      }
    }
    return total;
  }
}
