package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.MIN;
import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.scenario;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.cost.CostBreakdown;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects the run's self-check: a result that loses a call, a token or a picodollar is refused as
 * an internal error instead of being reported to the user.
 */
class SelfCheckTest {
  private final SimResult good =
      Simulation.run(
          List.of(sonnet(0, "s1", 2_000, 100), sonnet(MIN, "s1", 3_000, 100)),
          scenario(List.of()),
          1,
          OPTIONS);
  private final long priced = good.tokens().prompt() + good.tokens().output();

  private SimResult with(SimResult.Counts counts, CostBreakdown cost) {
    SimResult r = good;
    return new SimResult(
        r.scenario(),
        r.seed(),
        r.selector(),
        counts,
        r.tokens(),
        cost,
        r.costWithoutCachePicos(),
        r.cacheSavingsPicos(),
        r.rotation(),
        r.byAgent(),
        r.byModel(),
        r.byProfile(),
        r.byOrganisation(),
        r.delays(),
        r.events(),
        r.eventCount(),
        r.profiles(),
        r.series(),
        r.fidelity(),
        r.systemPrefixTokens(),
        r.notes(),
        r.polpoCostPicos());
  }

  @Test
  void verify_consistentRun_passes() {
    SelfCheck.verify(good, priced, priced, 0, true);
  }

  @Test
  void verify_lostCall_isAnInternalError() {
    SimResult.Counts n = good.counts();
    SimResult.Counts lost =
        new SimResult.Counts(
            n.callsIn() + 1,
            n.ok(),
            n.failed(),
            n.notRun(),
            n.attempts(),
            n.rateLimited(),
            n.sdkRetries(),
            n.polpoRetries(),
            n.rotationsOnError(),
            n.fallbacks(),
            n.billingRejections(),
            n.noCredential(),
            n.oversizedRequests(),
            n.unpricedCalls(),
            n.overloaded(),
            n.serverErrors(),
            n.timeouts(),
            n.midStreamErrors(),
            n.unpricedRecords());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> SelfCheck.verify(with(lost, good.cost()), priced, priced, 0, true));
    assertTrue(e.getMessage().contains("calls in 3 != ok + failed + not run 2"), e.getMessage());
  }

  @Test
  void verify_tokenPricedTwiceOrCostOffByOnePicodollar_isAnInternalError() {
    assertThrows(
        IllegalStateException.class, () -> SelfCheck.verify(good, priced + 1, priced, 0, true));
    CostBreakdown c = good.cost();
    CostBreakdown off =
        new CostBreakdown(
            c.input() + 1, c.output(), c.cacheWrite5m(), c.cacheWrite1h(), c.cacheRead());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> SelfCheck.verify(with(good.counts(), off), priced, priced, 0, true));
    assertTrue(e.getMessage().contains("a breakdown sums to"), e.getMessage());
  }

  @Test
  void verify_eventsLeftInFlight_isAnInternalError() {
    assertThrows(
        IllegalStateException.class, () -> SelfCheck.verify(good, priced, priced, 0, false));
  }
}
