package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.Pricing;
import dev.polpocheck.trace.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects {@code forecast --backtest}: on generated multi-week data whose process the forecast
 * models, the recorded cost of the held-out week lands inside the forecast band; short corpora
 * are refused or flagged.
 */
class BacktestTest {

  @Test
  void run_sampleFourWeeks_holdsOutTheLastWeekAndFindsItInsideTheBand() {
    Corpus c = Corpus.of(SampleWorkload.shipped());
    ForecastSettings s = new ForecastSettings(new Horizon(0, 1), Double.NaN, 0, 60, 7, 2, 0.95);
    Backtest.Result r = Backtest.run(c, s, CostOnlySimulator.asRecorded(), Forecaster.Progress.none());
    assertEquals(7, r.heldOutDays());
    assertEquals(21, r.trainingDays());
    assertEquals(Instant.parse("2026-11-23T00:00:00Z").toEpochMilli(), r.cutMillis());
    // the actual is every held-out session priced at list price, independently summed here
    long actual = 0;
    for (Session x : c.sessions()) {
      if (x.startMillis() >= r.cutMillis()) {
        for (Call call : x.calls()) {
          actual += Pricing.cost(call, PriceCatalog.defaultCatalog().find("anthropic", call.model()).orElseThrow(),
              10_000).total();
        }
      }
    }
    assertEquals(actual, r.actualPicos());
    assertTrue(r.insideBand(), "actual rank " + r.rank());
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
  }

  @Test
  void run_tenDayCorpus_warnsThatTheWeeklyShapeIsMissing() {
    List<Call> calls = new ArrayList<>();
    long start = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
    for (int h = 0; h < 240; h += 3) {
      calls.add(TestCalls.call(start + h * Corpus.HOUR, "s" + h, "a", "claude-haiku-4-5", 1000, 10));
    }
    ForecastSettings s = new ForecastSettings(new Horizon(0, 1), Double.NaN, 0, 20, 7, 1, 0.95);
    Backtest.Result r = Backtest.run(Corpus.of(calls), s, CostOnlySimulator.asRecorded(),
        Forecaster.Progress.none());
    assertEquals(2, r.heldOutDays(), "a quarter of 10 whole days, rounded down");
    assertFalse(r.warnings().isEmpty());
    assertTrue(r.warnings().get(0).contains("trains on 8 days"), r.warnings().toString());
  }

  @Test
  void run_oneDayCorpus_isRefused() {
    Corpus c = Corpus.of(List.of(TestCalls.call(0, "s", "a", "claude-haiku-4-5", 1, 1)));
    ForecastSettings s = new ForecastSettings(new Horizon(0, 1), Double.NaN, 0, 5, 7, 1, 0.95);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backtest.run(c, s, CostOnlySimulator.asRecorded(), Forecaster.Progress.none()));
    assertTrue(e.getMessage().contains("at least 2 whole days"));
  }
}
