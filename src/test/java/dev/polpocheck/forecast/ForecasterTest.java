package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.Money;
import dev.polpocheck.trace.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Protects the Monte Carlo forecast users budget with: totals that follow from the arrival rate
 * and list prices, identical results whatever the thread count, what-if differences free of
 * workload noise (common random numbers), the budget probability and the CI gate.
 */
class ForecasterTest {
  private static final long MONDAY = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
  private static final long DOLLAR = Money.PICOS_PER_USD;

  /** Sessions of one call: 1,000,000 uncached input tokens on Haiku 4.5 = exactly $1.00. */
  private static Corpus oneDollarSessions() {
    List<Call> calls = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      calls.add(TestCalls.call(MONDAY + s * Corpus.HOUR, "s" + s, "coder", "claude-haiku-4-5",
          1_000_000, 0));
    }
    return Corpus.of(calls);
  }

  /**
   * Two agents, each session one Sonnet call of 100k input and 100k output tokens ($1.80; the
   * prompt stays under the 200k long-context threshold).
   */
  private static Corpus sonnetSessions() {
    List<Call> calls = new ArrayList<>();
    for (int s = 0; s < 20; s++) {
      calls.add(TestCalls.call(MONDAY + s * Corpus.HOUR, "s" + s, s % 2 == 0 ? "a" : "b",
          "claude-sonnet-4-5", 100_000, 100_000));
    }
    return Corpus.of(calls);
  }

  private static ForecastSettings settings(int runs, int threads, double rate) {
    return new ForecastSettings(new Horizon(MONDAY + 7 * Corpus.DAY, 3), rate, 0, runs, 123,
        threads, 0.95);
  }

  @Test
  void run_oneDollarSessions_totalIsTheSessionCountInDollars() {
    // 10 sessions/day for 3 days at $1 each: the total is Poisson(30) dollars, so the mean over
    // 400 runs is 30 within 3 standard errors (3 * sqrt(30 / 400) = 0.82).
    ForecastResult r = Forecaster.run(oneDollarSessions(), settings(400, 2, 10),
        List.of(CostOnlySimulator.asRecorded()), Forecaster.Progress.none());
    for (RunOutcome o : r.baseline().runs()) {
      assertEquals(o.calls() * DOLLAR, o.total().total(), "each call costs exactly $1");
      assertEquals(o.total().total(), o.total().input());
    }
    double mean = r.baseline().total(0.95).mean() / DOLLAR;
    assertEquals(30.0, mean, 0.82);
    // Poisson(30): P5 = 21, P95 = 39 (quantiles of the Poisson distribution); the run estimates
    // lie within a few sessions of them.
    assertEquals(21.0, r.baseline().total(0.95).p5().value() / (double) DOLLAR, 3);
    assertEquals(39.0, r.baseline().total(0.95).p95().value() / (double) DOLLAR, 3);
  }

  @Test
  void run_oneThreadOrThree_identicalResults() {
    Corpus c = sonnetSessions();
    AtomicInteger progress = new AtomicInteger();
    ForecastResult one = Forecaster.run(c, settings(24, 1, 30), List.of(CostOnlySimulator.asRecorded()),
        Forecaster.Progress.none());
    ForecastResult three = Forecaster.run(c, settings(24, 3, 30), List.of(CostOnlySimulator.asRecorded()),
        progress::incrementAndGet);
    assertEquals(one.baseline().runs(), three.baseline().runs());
    assertEquals(24, progress.get(), "progress told once per run");
    ForecastResult otherSeed = Forecaster.run(c, new ForecastSettings(
        new Horizon(MONDAY + 7 * Corpus.DAY, 3), 30, 0, 24, 124, 1, 0.95),
        List.of(CostOnlySimulator.asRecorded()), Forecaster.Progress.none());
    assertNotEquals(one.baseline().runs(), otherSeed.baseline().runs());
  }

  @Test
  void run_compareSonnetWithHaiku_differenceIsExactlyTwoThirdsOfEachRun() {
    // Haiku 4.5 ($1/$5) costs exactly a third of Sonnet 4.5 ($3/$15) in every category, so on
    // the same workload (common random numbers) the difference is -2/3 of the baseline, run by
    // run, with no sampling noise at all.
    WorkloadSimulator haiku = new CostOnlySimulator("haiku", PriceCatalog.defaultCatalog(),
        Map.of("claude-sonnet-4-5", "claude-haiku-4-5"), 10_000);
    ForecastResult r = Forecaster.run(sonnetSessions(), settings(30, 2, 20),
        List.of(CostOnlySimulator.asRecorded(), haiku), Forecaster.Progress.none());
    for (int i = 0; i < 30; i++) {
      long base = r.baseline().runs().get(i).total().total();
      long alt = r.setups().get(1).runs().get(i).total().total();
      assertEquals(base, alt * 3);
    }
    ForecastResult.Comparison k = r.comparisons().get(0);
    assertEquals("haiku", k.name());
    assertEquals(1.0, k.probabilityCheaper());
    assertTrue(k.difference().p95().value() < 0);
  }

  @Test
  void budget_betweenP5AndP95_probabilityAndCrossingDayFollowTheRuns() {
    ForecastResult r = Forecaster.run(oneDollarSessions(), settings(200, 2, 10),
        List.of(CostOnlySimulator.asRecorded()), Forecaster.Progress.none());
    long budget = 30 * DOLLAR;
    long over = r.baseline().runs().stream().filter(o -> o.total().total() > budget).count();
    ForecastResult.BudgetOutlook b = r.budget(budget);
    assertEquals(over, b.runsOver());
    assertEquals(over / 200.0, b.probability());
    assertTrue(b.probabilityLower() < b.probability() && b.probability() < b.probabilityUpper());
    // a run can only cross $30 on its last day: ~10 sessions a day reach 30 on day 3 (index 2)
    assertEquals(2, b.medianCrossingDay());
    ForecastResult.BudgetOutlook never = r.budget(1_000 * DOLLAR);
    assertEquals(0, never.runsOver());
    assertEquals(-1, never.medianCrossingDay());
  }

  @Test
  void budgetGate_p95AboveBudget_isOver() {
    ForecastResult r = Forecaster.run(oneDollarSessions(), settings(100, 2, 10),
        List.of(CostOnlySimulator.asRecorded()), Forecaster.Progress.none());
    long p95 = r.baseline().total(0.95).p95().value();
    assertTrue(BudgetGate.evaluate(r, p95 - 1, "p95").over());
    assertFalse(BudgetGate.evaluate(r, p95, "P95").over(), "equal to the budget is not over");
    assertEquals(Math.round(r.baseline().total(0.95).mean()),
        BudgetGate.evaluate(r, 0, "mean").valuePicos());
    assertThrows(IllegalArgumentException.class, () -> BudgetGate.evaluate(r, 0, "p100"));
  }

  @Test
  void seeds_sameSeed_sameSequence() {
    long[][] a = Forecaster.seeds(5, 3);
    long[][] b = Forecaster.seeds(5, 4);
    for (int i = 0; i < 3; i++) {
      assertEquals(a[i][0], b[i][0]);
      assertEquals(a[i][1], b[i][1]);
    }
  }
}
