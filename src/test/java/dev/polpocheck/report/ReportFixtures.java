package dev.polpocheck.report;

import dev.polpocheck.cost.Money;
import dev.polpocheck.forecast.Backtest;
import dev.polpocheck.forecast.BudgetGate;
import dev.polpocheck.forecast.CostOnlySimulator;
import dev.polpocheck.forecast.CapacitySearch;
import dev.polpocheck.forecast.Corpus;
import dev.polpocheck.forecast.ForecastResult;
import dev.polpocheck.forecast.ForecastSettings;
import dev.polpocheck.forecast.Forecaster;
import dev.polpocheck.forecast.Horizon;
import dev.polpocheck.forecast.SampleWorkload;
import dev.polpocheck.forecast.Setups;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small forecasts for the report tests. */
final class ReportFixtures {
  static final long MONDAY = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();

  private ReportFixtures() {}

  /** Sessions of one Haiku call of 1M uncached input tokens: exactly $1 each. */
  static Corpus oneDollarSessions() {
    List<Call> calls = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      calls.add(new Call(MONDAY + s * 3_600_000L, "s" + s, "coder", CallerRole.AGENT, "anthropic",
          "claude-haiku-4-5", 1_000_000, 0, 0, 0, 0, 0, null, CallStatus.OK, -1, -1, false));
    }
    return Corpus.of(calls);
  }

  /** 10 one-dollar sessions a day for 3 days, 50 runs, with a $30 budget and a p95 gate. */
  static ForecastReport.Input oneDollarForecast() {
    ForecastResult r = Forecaster.run(oneDollarSessions(),
        new ForecastSettings(new Horizon(MONDAY + 7 * 86_400_000L, 3), 10, 0, 50, 9, 2, 0.95),
        List.of(CostOnlySimulator.asRecorded()), Forecaster.Progress.none());
    long budget = 30 * Money.PICOS_PER_USD;
    return new ForecastReport.Input(r, budget, BudgetGate.evaluate(r, budget, "p95"), null,
        "one-dollar sessions");
  }

  /** A capacity search on the sample at 100 sessions/day: tier1 then tier4, one organisation. */
  static CapacityReport.Input sampleCapacity() {
    Corpus c = Corpus.of(SampleWorkload.shipped());
    dev.polpocheck.sim.Scenario base = Setups.sample().scenario();
    CapacitySearch.Settings s = new CapacitySearch.Settings(new Horizon(c.endMillis(), 1), 100, 1,
        1, 2, List.of("tier1", "tier4"), 1, 1, new CapacitySearch.Objective(2_000, 0.01, 0));
    CapacitySearch.Result r = CapacitySearch.run(c, s,
        k -> Setups.of(k.label(), k.apply(base, "anthropic")), Forecaster.Progress.none());
    return new CapacityReport.Input(r, "embedded sample workload");
  }

  /** The sample workload at a small rate, with a comparison and a backtest. */
  static ForecastReport.Input sampleForecast() {
    Corpus c = Corpus.of(SampleWorkload.shipped());
    ForecastSettings s = new ForecastSettings(new Horizon(c.endMillis(), 14), 60, 0.1, 12, 1, 2,
        0.95);
    ForecastResult r = Forecaster.run(c, s, List.of(Setups.sample(), Setups.defaults()),
        Forecaster.Progress.none());
    Backtest.Result bt = Backtest.run(c, s, Setups.sample(), Forecaster.Progress.none());
    return new ForecastReport.Input(r, 2_000 * Money.PICOS_PER_USD, null, bt,
        "embedded sample workload", ForecastReport.Workload.of(c,
            new dev.polpocheck.forecast.TraceFiles(SampleWorkload.shipped(), List.of())));
  }
}
