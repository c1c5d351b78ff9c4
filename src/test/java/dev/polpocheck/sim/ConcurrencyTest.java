package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.SEC;
import static dev.polpocheck.sim.SimFixtures.T0;
import static dev.polpocheck.sim.SimFixtures.scenario;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Polpo's concurrency limits (packages/core/src/orchestrator-engine.ts:399-434 @898e166): a run
 * that cannot start waits for a slot, and the wait is added delay. Default tier-4 environment
 * keys, so no rate limit interferes; a turn completes when it is admitted.
 */
class ConcurrencyTest {

  private static SimResult run(List<Call> calls, Scenario.Settings settings) {
    return Simulation.run(calls, scenario(List.of()).withSettings(settings), 9, OPTIONS);
  }

  private static List<Call> twoRuns() {
    // run s1: turns at 0 s and 60 s; run s2: one turn at 30 s
    return List.of(
        sonnet(0, "s1", 2_000, 100), sonnet(30 * SEC, "s2", 2_000, 100),
        sonnet(60 * SEC, "s1", 2_500, 100));
  }

  @Test
  void globalLimitOne_secondRunWaitsUntilTheFirstEnds() {
    // s1 holds the only slot until its last turn at 60 s; s2 arrived at 30 s and starts at 60 s:
    // 30,000 ms of added delay, the only delay of the run
    SimResult r = run(twoRuns(), new Scenario.Settings("off", 1, Map.of()));
    assertEquals(3, r.counts().ok());
    assertEquals(30_000, r.delays().totalMillis());
    assertEquals(30_000, r.delays().maxMillis());
    assertEquals(1, r.delays().delayedCalls());
  }

  @Test
  void noLimit_runsOverlapWithoutDelay() {
    SimResult r = run(twoRuns(), new Scenario.Settings("off", 0, Map.of()));
    assertEquals(0, r.delays().totalMillis());
  }

  @Test
  void agentLimit_holdsOnlyThatAgentsRuns() {
    // coder may run once at a time: s2 (coder) waits 30 s as above; s3 (reviewer, at 40 s) has no
    // limit and starts at once
    List<Call> calls =
        List.of(
            sonnet(0, "s1", 2_000, 100),
            sonnet(30 * SEC, "s2", 2_000, 100),
            reviewer(40 * SEC, "s3"),
            sonnet(60 * SEC, "s1", 2_500, 100));
    SimResult r = run(calls, new Scenario.Settings("off", 0, Map.of("coder", 1)));
    assertEquals(4, r.counts().ok());
    assertEquals(30_000, r.delays().totalMillis());
  }

  @Test
  void waitingRun_laterTurnsKeepTheirGapsBehindTheWait() {
    // s2 (turns at 30 s and 45 s) starts at 60 s; its second turn keeps its 15 s gap and runs at
    // 75 s, on the session's shifted clock: delay is counted once, on the turn that waited.
    List<Call> calls =
        List.of(
            sonnet(0, "s1", 2_000, 100),
            sonnet(30 * SEC, "s2", 2_000, 100),
            sonnet(45 * SEC, "s2", 2_500, 100),
            sonnet(60 * SEC, "s1", 2_500, 100));
    SimResult r = run(calls, new Scenario.Settings("off", 1, Map.of()));
    assertEquals(30_000, r.delays().totalMillis());
    assertEquals(1, r.delays().delayedCalls());
    assertEquals(4, r.counts().ok());
  }

  private static Call reviewer(long at, String session) {
    return new Call(
        T0 + at, session, "reviewer", CallerRole.AGENT, "anthropic", "claude-sonnet-4-5", 2_000,
        100, 0, 0, 0, 0, null, CallStatus.OK, -1, -1, false, false);
  }
}
