package dev.polpocheck.sim;

import dev.polpocheck.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.TraceReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Protects {@code simulate} on real data: the 16,232 recorded mini-swe-agent calls (DeepSeek, April
 * 2026) replayed as they were, where DeepSeek's recorded cache hits check the automatic cache
 * model, and replayed as {@code claude-sonnet-4-5} (minimum cacheable prefix 1,024), whose totals
 * must fall inside bounds worked out by hand.
 *
 * <p>Figures from the raw trajectories (a Python pass over {@code messages[].extra.response.usage},
 * independent of polpo-check): 16,232 calls in 201 trajectories; prompt tokens P = Σ prompt_tokens
 * = 360,775,258; output O = Σ completion_tokens = 3,567,932; recorded cache hits H = Σ
 * prompt_cache_hit_tokens = 354,174,976; the smallest prompt is 1,390 tokens; the lower median of
 * the first call's cache hit over the 192 trajectories whose first call hit is 320 (the shared
 * system prefix the estimator must find).
 */
class RealTracesReplayTest {
  private static final long P = 360_775_258L;
  private static final long O = 3_567_932L;
  private static final long H = 354_174_976L;
  private static List<Call> calls;
  private static SimOptions options;

  @BeforeAll
  static void read() {
    Path dir = SharedData.require("data", "traces", "mini-swe-agent");
    calls = TraceReader.readAll(List.of(dir));
    PriceCatalog catalog = PriceCatalog.defaultCatalog();
    options = SimOptions.withPrices(PriceLookup.of(catalog));
  }

  @Test
  void asRecordedModel_automaticCache_readsWithinOnePercentOfDeepSeeksRecordedHits() {
    SimResult r =
        Simulation.run(
            calls,
            SimFixtures.scenario(List.of())
                .withCache(SimFixtures.cache(ScenarioFiles.defaults(), false, -1)),
            1,
            options);
    assertEquals(16_232, r.counts().ok());
    assertEquals(H, r.fidelity().recordedReadTokens());
    assertTrue(Math.abs(r.fidelity().relativeError()) < 0.01, "error " + r.fidelity());
    assertEquals(Map.of("mini-swe-agent", 320L), r.systemPrefixTokens());
    assertEquals(P, r.tokens().prompt());
    assertEquals(O, r.tokens().output());
  }

  @Test
  void replayedAsSonnet45_totalsLieWithinHandDerivedBounds() {
    Scenario base =
        SimFixtures.scenario(List.of())
            .withCache(SimFixtures.cache(ScenarioFiles.defaults(), false, -1))
            .withRemaps(List.of(new Scenario.Remap("*", "anthropic", "claude-sonnet-4-5", 1.0)));
    // unlimited limits, so that every call runs and the token identities below are exact
    Scenario s =
        new Scenario(
            base.variant(),
            base.rotation(),
            base.pin(),
            base.profiles(),
            Map.of("*", new Scenario.Credential("env", "unlimited", -1)),
            base.plans(),
            base.cooldown(),
            base.billing(),
            base.retry(),
            base.fallbacks(),
            base.cache(),
            base.remaps(),
            base.timing(),
            base.prices(),
            base.report(),
            base.errors(),
            base.settings(),
            base.organisations(),
            base.tierLimits());
    SimResult r = Simulation.run(calls, s, 1, options);
    assertEquals(16_232, r.counts().ok());
    assertEquals(0, r.counts().rateLimited());
    // every prompt (>= 1,390 tokens) reaches the 1,024 minimum and Polpo's last breakpoint is the
    // end of the prompt, so nothing is left uncached: input 0, read + write = P
    assertEquals(0, r.tokens().input());
    assertEquals(P, r.tokens().cacheRead() + r.tokens().cacheWrite5m());
    assertEquals(O, r.tokens().output());
    // Sonnet 4.5 in p$/token: read 300,000; 5m write 3,750,000; output 15,000,000
    long outputCost = O * 15_000_000L; // 3,567,932 x 15e6 = 53,518,980,000,000 p$ = $53.519
    long floor = P * 300_000L + outputCost; // all prompt read: $108.233 + $53.519 = $161.752
    long ceiling = P * 3_750_000L + outputCost; // all prompt written: $1,352.907 + $53.519
    long cost = r.cost().total();
    assertTrue(cost > floor && cost < ceiling, "cost " + cost);
    // Each trajectory's largest prompt must have been written at least once, except the 320
    // shared tokens: writes >= 7,517,133 - 201 x 320 = 7,452,813, so
    // cost >= 7,452,813 x 3.75e6 + (P - 7,452,813) x 0.3e6 + output
    //       = 27,948,048,750,000 + 105,996,733,500,000 + 53,518,980,000,000 = $187.4638
    assertTrue(r.tokens().cacheWrite5m() >= 7_452_813L, "writes " + r.tokens().cacheWrite5m());
    assertTrue(cost >= 187_463_762_250_000L, "cost " + cost);
    // and the cost is exactly its parts at those rates
    assertEquals(
        r.tokens().cacheRead() * 300_000L + r.tokens().cacheWrite5m() * 3_750_000L + outputCost,
        cost);
  }
}
