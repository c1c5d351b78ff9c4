package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.MIN;
import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.SEC;
import static dev.polpocheck.sim.SimFixtures.apiKey;
import static dev.polpocheck.sim.SimFixtures.scenario;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallerRole;
import dev.polpocheck.trace.TimeOrdered;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects what {@code simulate} reports for small hand-worked workloads: the simulated cache split
 * and its cost, the cache cost of rotating across organisations, 429s with retry-after and the
 * SDK's retries, failed calls ending their run, and the run's determinism.
 */
class SimulationTest {

  private static SimResult run(Iterable<Call> calls, Scenario s) {
    return Simulation.run(calls, s, 42, OPTIONS);
  }

  @Test
  void asRecorded_singleCall_costIsListPrice() {
    Scenario s =
        scenario(List.of()).withCache(SimFixtures.cache(ScenarioFiles.defaults(), true, 0));
    Call c =
        SimFixtures.call(
            0, "s1", CallerRole.AGENT, "anthropic", "claude-sonnet-4-5", 1_000, 500, 0, 2_000);
    SimResult r = run(List.of(c), s);
    // 1,000 x $3 + 500 x $15 + 2,000 x $3.75 per MTok = $0.003 + $0.0075 + $0.0075 = $0.018
    assertEquals(new CostBreakdown(3_000_000_000L, 7_500_000_000L, 7_500_000_000L, 0, 0), r.cost());
    assertEquals(1, r.counts().ok());
  }

  @Test
  void simulate_secondTurnWithinTtl_readsFirstPromptAndWritesGrowth() {
    SimResult r =
        run(
            List.of(sonnet(0, "s1", 2_000, 100), sonnet(MIN, "s1", 3_000, 100)),
            scenario(List.of()));
    // turn 1 writes 2,000; turn 2 reads 2,000 and writes the 1,000 new tokens
    assertEquals(new SimResult.Tokens(0, 200, 2_000, 3_000, 0), r.tokens());
    // writes 3,000 x 3.75e6 + read 2,000 x 0.3e6 + output 200 x 15e6 p$ = 11.25e9 + 0.6e9 + 3e9
    assertEquals(14_850_000_000L, r.cost().total());
    // without caching: 5,000 x 3e6 + 3e9 = 18e9; savings 3.15e9
    assertEquals(18_000_000_000L, r.costWithoutCachePicos());
    assertEquals(3_150_000_000L, r.cacheSavingsPicos());
    assertEquals(14_850_000_000L, r.polpoCostPicos()); // pi-ai has the same 5-minute rates
    // the trace recorded no cache use at all: fidelity shows the gap (0 recorded vs 2,000 read)
    assertEquals(new SimResult.Fidelity(2, 0, 2_000, 2_000, 0, 0, 3_000), r.fidelity());
  }

  @Test
  void oneHourRetention_polposOwnCostUndercountsWrites() {
    Scenario d = scenario(List.of());
    Scenario s = d.withCache(new Scenario.Cache(false, "1h", 0, 0, 1_024, d.cache().automatic()));
    SimResult r = run(List.of(sonnet(0, "s1", 2_000, 100), sonnet(MIN, "s1", 3_000, 100)), s);
    // list price: 3,000 written x $6 (1-hour) + 2,000 read x $0.30 + 200 out x $15 per MTok
    assertEquals(18_000_000_000L + 600_000_000L + 3_000_000_000L, r.cost().total());
    // pi-ai (what Polpo records): every write at $3.75, the 5-minute price (polpo-semantics §18)
    assertEquals(11_250_000_000L + 600_000_000L + 3_000_000_000L, r.polpoCostPicos());
  }

  @Test
  void simulate_secondTurnExactlyFiveMinutesLater_writesEverythingAgain() {
    SimResult r =
        run(
            List.of(sonnet(0, "s1", 2_000, 100), sonnet(5 * MIN, "s1", 3_000, 100)),
            scenario(List.of()));
    assertEquals(new SimResult.Tokens(0, 200, 0, 5_000, 0), r.tokens());
  }

  @Test
  void rotation_acrossOrganisations_losesCacheAndCostsMoreThanSticky() {
    Scenario s =
        scenario(List.of(apiKey("a", "org-a", "tier4"), apiKey("b", "org-b", "tier4")))
            .withReport(new Scenario.Report(3_600_000L, 1000, true));
    List<Call> calls =
        List.of(
            sonnet(0, "s1", 2_000, 100),
            sonnet(MIN, "s1", 3_000, 100),
            sonnet(2 * MIN, "s1", 4_000, 100));
    SimResult r = run(calls, s);
    // polpo rotates a, b, a: turn 2 writes all 3,000 in org-b; turn 3 reads its own 2,000 in org-a
    assertEquals(new SimResult.Tokens(0, 300, 2_000, 2_000 + 3_000 + 2_000, 0), r.tokens());
    assertEquals(2, r.byProfile().get("a").calls());
    // sticky keeps a: writes 2,000 + 1,000 + 1,000, reads 2,000 + 3,000
    assertEquals(5_000, r.rotation().stickyCacheReadTokens());
    assertEquals(4_000, r.rotation().stickyCacheWriteTokens());
    // difference: 3,000 more writes (x 3.75e6) and 3,000 fewer reads (x 0.3e6) = 10.35e9 p$
    assertEquals(10_350_000_000L, r.rotation().differencePicos());
  }

  @Test
  void rotation_sameOrganisation_cacheSplitIsUnchanged() {
    List<Call> calls =
        List.of(
            sonnet(0, "s1", 2_000, 100),
            sonnet(MIN, "s1", 3_000, 100),
            sonnet(2 * MIN, "s1", 4_000, 100));
    SimResult polpo =
        run(calls, scenario(List.of(apiKey("a", "org", "tier4"), apiKey("b", "org", "tier4"))));
    SimResult single = run(calls, scenario(List.of(apiKey("a", "org", "tier4"))));
    assertEquals(single.tokens(), polpo.tokens());
    assertEquals(1, polpo.byProfile().get("b").calls());
  }

  @Test
  void rateLimit_tier1Otpm_retryAfterOfSixtySecondsIsNotHonoured_secondRunEnds() {
    // An agent turn sends max_tokens = min(64,000, 32,000) = 32,000 for Sonnet 4.5: clamped to the
    // 8,000 OTPM bucket, which the first request empties. The second request, at the same
    // instant, gets retry-after 60 s (8,000 tokens at 8,000/min). The SDK honours a retry-after
    // only below 60 s (@anthropic-ai/sdk 0.73.0 client.js:412), so it retries after its own
    // 0.5 s x (1 - 0.25u), gets 429 again (~59.5 s -> retry-after 60 s), retries after
    // 1 s x (1 - 0.25u), gets 429 a third time (~58.6 s) and has no retries left: in polpo-code
    // the agent run ends. 3 429s, 2 SDK retries, 1 ok, 1 failed.
    SimResult r =
        run(
            List.of(sonnet(0, "s1", 2_000, 100), sonnet(0, "s2", 2_000, 100)),
            SimFixtures.tier1Env());
    assertEquals(1, r.counts().ok());
    assertEquals(1, r.counts().failed());
    assertEquals(3, r.counts().rateLimited());
    assertEquals(2, r.counts().sdkRetries());
    // the failed call waited 0.375-0.5 s + 0.75-1 s before failing
    assertTrue(r.delays().maxMillis() >= 1_125 && r.delays().maxMillis() <= 1_500);
    assertEquals(1, r.counts().oversizedRequests());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("whole rate-limit bucket")));
  }

  @Test
  void rateLimit_retriesExhausted_callFailsAndRunsLaterCallsNotRun() {
    Scenario s =
        SimFixtures.withRetry(SimFixtures.tier1Env(), new Scenario.Retry(0, 1000, 30000, 2, 1));
    SimResult r =
        run(
            List.of(
                sonnet(0, "s1", 2_000, 100),
                sonnet(0, "s2", 2_000, 100),
                sonnet(2 * MIN, "s1", 2_500, 100),
                sonnet(2 * MIN, "s2", 2_500, 100)),
            s);
    assertEquals(new SimResult.Counts(4, 2, 1, 1, 3, 1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0), r.counts());
    assertTrue(r.notes().get(0).startsWith("polpo-code: "));
  }

  @Test
  void sameInputAndSeed_givesEqualResults() {
    Scenario s = scenario(List.of(apiKey("a", "org-a", "tier1"), apiKey("b", "org-b", "tier1")));
    List<Call> calls =
        List.of(
            sonnet(0, "s1", 20_000, 100),
            sonnet(0, "s2", 20_000, 100),
            sonnet(0, "s3", 20_000, 100),
            sonnet(MIN, "s1", 25_000, 100));
    assertEquals(run(calls, s), run(calls, s));
  }

  @Test
  void recordedError_isReplayedWithItsUsageAndNoted() {
    Call c = sonnet(0, "s1", 2_000, 100);
    Call err =
        new Call(
            c.timestampMillis(),
            "s1",
            "coder",
            CallerRole.AGENT,
            "anthropic",
            "claude-sonnet-4-5",
            2_000,
            0,
            0,
            0,
            0,
            0,
            null,
            dev.polpocheck.trace.CallStatus.ERROR,
            -1,
            -1,
            false);
    SimResult r = run(List.of(err), scenario(List.of()));
    assertEquals(1, r.counts().ok());
    assertTrue(
        r.notes().stream()
            .anyMatch(n -> n.startsWith("1 call(s) were recorded as provider errors")));
  }

  @Test
  void sessionWithTwoAgents_costGoesToEachCallsAgent() {
    Call planner =
        new Call(
            SimFixtures.T0,
            "s1",
            "planner",
            CallerRole.ORCHESTRATOR,
            "anthropic",
            "claude-sonnet-4-5",
            2_000,
            100,
            0,
            0,
            0,
            0,
            null,
            dev.polpocheck.trace.CallStatus.OK,
            -1,
            -1,
            false);
    SimResult r = run(List.of(planner, sonnet(MIN, "s1", 3_000, 100)), scenario(List.of()));
    assertEquals(1, r.byAgent().get("planner").calls());
    assertEquals(1, r.byAgent().get("coder").calls());
  }

  @Test
  void parallelRuns_inFourThreads_equalTheSequentialResult() throws Exception {
    Scenario s = scenario(List.of(apiKey("a", "org-a", "tier1"), apiKey("b", "org-b", "tier1")));
    List<Call> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(sonnet(i * 7 * SEC, "s" + (i % 9), 2_000 + 300L * i, 100 + i));
    }
    SimResult expected = run(calls, s);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<SimResult>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> run(calls, s)));
      }
      for (java.util.concurrent.Future<SimResult> f : futures) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void noCalls_givesAnEmptyResult() {
    SimResult r = run(List.of(), scenario(List.of()));
    assertEquals(0, r.counts().callsIn());
    assertEquals(0, r.cost().total());
    assertNull(r.fidelity());
  }

  @Test
  void timeOrderedInputOutOfOrder_failsInsteadOfReplayingWrongly() {
    // the order check is skipped for input marked TimeOrdered; the replay still refuses a lie
    List<Call> calls = List.of(sonnet(MIN, "s1", 2_000, 100), sonnet(0, "s2", 2_000, 100));
    TimeOrdered marked = calls::iterator;
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> run(marked, scenario(List.of())));
    assertTrue(e.getMessage().contains("out of start-time order"), e.getMessage());
    // the same calls unmarked are sorted first and replay normally
    assertEquals(2, run(calls, scenario(List.of())).counts().ok());
  }
}
