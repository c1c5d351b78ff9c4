package dev.polpocheck.bench;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.cost.Money;
import dev.polpocheck.cost.Pricing;
import dev.polpocheck.sim.Scenario;
import dev.polpocheck.sim.ScenarioFiles;
import dev.polpocheck.sim.SimOptions;
import dev.polpocheck.sim.SimResult;
import dev.polpocheck.sim.Simulation;
import dev.polpocheck.sim.SyntheticWorkload;
import dev.polpocheck.sim.rotation.ProfileType;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.TraceReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A plain (non-JMH) throughput harness for {@code simulate}: replay calls already in memory through
 * the whole simulation (rotation over three profiles in two organisations, Tier 4 rate limits,
 * prompt cache, retries; one thread) and, as the baseline, the cost-only pass (a price lookup and
 * {@code Pricing.cost} per call) over the same calls; then the same on a generated workload
 * streamed lazily, and the peak heap. Whole-run timing, best of {@code repeats}: the number
 * includes the simulation's pre-pass over the input and the JIT warm-up of the first run.
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.polpocheck.bench.SimulateThroughput \
 *     TRACE_DIR GENERATED_CALLS REPEATS
 * </pre>
 */
public final class SimulateThroughput {
  private SimulateThroughput() {}

  /** Runs the harness; see the class comment for the arguments. */
  public static void main(String[] args) {
    Path traces = Path.of(args.length > 0 ? args[0] : "../shared/data/traces/mini-swe-agent");
    long generated = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    PriceCatalog catalog = PriceCatalog.defaultCatalog();
    SimOptions options = SimOptions.withPrices((p, m) -> catalog.find(p, m).orElse(null));
    Scenario scenario = allModelsOn();

    long t = System.nanoTime();
    List<Call> real = new ArrayList<>(TraceReader.readAll(List.of(traces)));
    real.sort(Comparator.comparingLong(Call::timestampMillis)); // in start order, as replayed
    double parseSeconds = (System.nanoTime() - t) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "read %d real calls in %.2f s (%.0f calls/s, parsing measured apart)%n",
        real.size(),
        parseSeconds,
        real.size() / parseSeconds);
    Scenario sonnet =
        scenario.withRemaps(
            List.of(new Scenario.Remap("*", "anthropic", "claude-sonnet-4-5", 1.0)));
    // the real traces are small: more repeats so the JIT has warmed up for the best one
    measure(
        "real traces as sonnet-4-5",
        real,
        real.size(),
        sonnet,
        options,
        catalog,
        Math.max(repeats, 30));
    // 4 sessions side by side, one call every 12 s: about what Tier 4 admits when Polpo reserves
    // 64,000 output tokens per request (400,000 OTPM / 64,000 = 6 requests per minute per
    // organisation), so the calls run instead of ending in 429s; simulated time is free
    SyntheticWorkload w =
        new SyntheticWorkload(generated, 4, 50, 12_000, 1, "anthropic", "claude-sonnet-4-5");
    measure("generated workload", w, generated, scenario, options, catalog, repeats);
    System.out.printf(Locale.ROOT, "peak heap: %.1f MiB%n", peakHeapBytes() / 1048576.0);
  }

  private static void measure(
      String name,
      Iterable<Call> calls,
      long n,
      Scenario scenario,
      SimOptions options,
      PriceCatalog catalog,
      int repeats) {
    double bestSim = 0;
    double bestCost = 0;
    SimResult last = null;
    long costTotal = 0;
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      last = Simulation.run(calls, scenario, 1, options);
      long t1 = System.nanoTime();
      costTotal = costOnly(calls, catalog);
      long t2 = System.nanoTime();
      bestSim = Math.max(bestSim, n / ((t1 - t0) / 1e9));
      bestCost = Math.max(bestCost, n / ((t2 - t1) / 1e9));
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d calls; simulate %.0f calls/s; cost-only %.0f calls/s; ratio %.2f;"
            + " simulated %s (%d ok, %d 429s), cost-only %s%n",
        name,
        n,
        bestSim,
        bestCost,
        bestCost / bestSim,
        Money.format(last.cost().total()),
        last.counts().ok(),
        last.counts().rateLimited(),
        Money.format(costTotal));
  }

  private static long costOnly(Iterable<Call> calls, PriceCatalog catalog) {
    long total = 0;
    String provider = null;
    String model = null;
    Price price = null;
    for (Call c : calls) {
      if (!c.model().equals(model) || !c.provider().equals(provider)) {
        provider = c.provider();
        model = c.model();
        price = catalog.find(provider, model).orElse(null);
      }
      if (price != null) {
        CostBreakdown b = Pricing.cost(c, price, 8_000);
        total = Money.add(total, b.total());
      }
    }
    return total;
  }

  /** Three API-key profiles in two organisations at Tier 4: rotation, limits and cache all work. */
  private static Scenario allModelsOn() {
    Scenario d = ScenarioFiles.defaults();
    return d.withProfiles(
            List.of(
                new Scenario.Profile(
                    "a",
                    "anthropic",
                    ProfileType.OAUTH,
                    "org-1",
                    "tier4",
                    null,
                    -1,
                    8 * 3_600_000L,
                    0.01),
                new Scenario.Profile(
                    "b", "anthropic", ProfileType.API_KEY, "org-1", "tier4", null, -1, 0, 0),
                new Scenario.Profile(
                    "c", "anthropic", ProfileType.API_KEY, "org-2", "tier4", null, -1, 0, 0)))
        .withReport(new Scenario.Report(3_600_000L, 1_000, false));
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
