package dev.polpocheck.report;

import dev.polpocheck.forecast.Backtest;
import dev.polpocheck.forecast.BudgetGate;
import dev.polpocheck.forecast.ForecastResult;
import dev.polpocheck.forecast.ProfileUsage;
import dev.polpocheck.forecast.RunOutcome;
import dev.polpocheck.forecast.Stats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Presents a forecast: the report directory, the {@code result.json} document and the compact
 * terminal summary.
 *
 * <p>{@code result.json} shape (version 1, stable; README "forecast" documents it): {@code
 * {schemaVersion, kind:"forecast", settings, corpus, warnings, baseline:{name, totalUsd, partsUsd,
 * byAgentUsd, byModelUsd, rateLimited, failedCalls, addedDelayP50Ms, addedDelayP95Ms, calls,
 * daily[]}, budget, gate, comparisons[], backtest}} where every distribution is {@code {mean,
 * meanInterval, p5, p50, p95, min, max}} and every percentile {@code {value, interval, lowerOpen,
 * upperOpen}}; money in exact USD decimals.
 */
public final class ForecastReport {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ForecastReport() {}

  /**
   * What a forecast report shows besides the runs.
   *
   * @param result the forecast
   * @param budgetPicos the budget, or null
   * @param gate the budget gate, or null
   * @param backtest the backtest, or null
   * @param source what the workload came from (file names or "embedded sample")
   */
  public record Input(
      ForecastResult result, Long budgetPicos, BudgetGate gate, Backtest.Result backtest,
      String source) {}

  /** Writes the report directory and returns the files written. */
  public static List<Path> write(Path dir, Input in, String version) {
    return ReportWriter.write(dir, page(in), json(in, version), version);
  }

  /** The {@code result.json} document. */
  public static ObjectNode json(Input in, String version) {
    ForecastResult r = in.result();
    double conf = r.confidence();
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("kind", "forecast");
    root.put("toolVersion", version);
    ObjectNode s = root.putObject("settings");
    s.put("start", java.time.Instant.ofEpochMilli(r.settings().horizon().startMillis()).toString());
    s.put("horizonDays", r.settings().horizon().days());
    s.put("sessionsPerDay", r.sessionsPerDay());
    s.put("growthPerMonth", r.settings().growthPerMonth());
    s.put("runs", r.settings().runs());
    s.put("seed", r.settings().seed());
    s.put("confidence", conf);
    ObjectNode c = root.putObject("corpus");
    c.put("source", in.source());
    c.put("sessions", r.corpusSessions());
    c.put("spanDays", round(r.corpusSpanDays(), 3));
    ArrayNode w = root.putArray("warnings");
    warnings(in).forEach(w::add);
    root.set("baseline", setup(r.baseline(), r, conf));
    if (in.budgetPicos() != null) {
      ForecastResult.BudgetOutlook b = r.budget(in.budgetPicos());
      ObjectNode bj = root.putObject("budget");
      bj.put("usd", Fmt.usdExact(b.budgetPicos()));
      bj.put("probabilityOver", round(b.probability(), 6));
      bj.putArray("probabilityInterval").add(round(b.probabilityLower(), 6))
          .add(round(b.probabilityUpper(), 6));
      bj.put("runsOver", b.runsOver());
      putDate(bj, "medianCrossingDate", r, b.medianCrossingDay());
      putDate(bj, "p50PathCrossingDate", r, b.p50CrossingDay());
      putDate(bj, "p95PathCrossingDate", r, b.p95CrossingDay());
    } else {
      root.putNull("budget");
    }
    if (in.gate() != null) {
      ObjectNode g = root.putObject("gate");
      g.put("statistic", in.gate().statistic());
      g.put("valueUsd", Fmt.usdExact(in.gate().valuePicos()));
      g.put("budgetUsd", Fmt.usdExact(in.gate().budgetPicos()));
      g.put("over", in.gate().over());
    } else {
      root.putNull("gate");
    }
    ArrayNode cmp = root.putArray("comparisons");
    for (ForecastResult.Comparison k : r.comparisons()) {
      ObjectNode o = cmp.addObject();
      o.put("name", k.name());
      o.put("baseline", k.baseline());
      o.set("differenceUsd", money(k.difference()));
      o.put("probabilityCheaper", round(k.probabilityCheaper(), 6));
      ForecastResult.SetupRuns alt = r.setups().stream()
          .filter(x -> x.name().equals(k.name())).findFirst().orElseThrow();
      o.set("setup", setup(alt, r, conf));
    }
    if (in.backtest() != null) {
      Backtest.Result b = in.backtest();
      ObjectNode o = root.putObject("backtest");
      o.put("heldOutStart", java.time.Instant.ofEpochMilli(b.cutMillis()).toString());
      o.put("trainingDays", b.trainingDays());
      o.put("heldOutDays", b.heldOutDays());
      o.put("actualUsd", Fmt.usdExact(b.actualPicos()));
      o.set("forecastUsd", money(b.forecast()));
      o.put("rank", round(b.rank(), 6));
      o.put("insideP5P95", b.insideBand());
    } else {
      root.putNull("backtest");
    }
    return root;
  }

  private static void putDate(ObjectNode o, String field, ForecastResult r, int day) {
    if (day < 0) {
      o.putNull(field);
    } else {
      o.put(field, Fmt.date(r.settings().horizon().startMillis() + (day + 1L) * 86_400_000L - 1));
    }
  }

  private static ObjectNode setup(ForecastResult.SetupRuns s, ForecastResult r, double conf) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", s.name());
    o.set("totalUsd", money(s.total(conf)));
    ObjectNode parts = o.putObject("partsUsd");
    s.parts(conf).forEach((k, v) -> parts.set(k, money(v)));
    ObjectNode agents = o.putObject("byAgentUsd");
    s.byAgent(conf).forEach((k, v) -> agents.set(k, money(v)));
    ObjectNode models = o.putObject("byModelUsd");
    s.byModel(conf).forEach((k, v) -> models.set(k, money(v)));
    o.set("rateLimited", plain(s.rateLimited(conf)));
    o.set("failedCalls", plain(s.failed(conf)));
    o.set("addedDelayP50Ms", plain(s.addedDelayP50(conf)));
    o.set("addedDelayP95Ms", plain(s.addedDelayP95(conf)));
    o.set("calls", plain(s.calls(conf)));
    ForecastResult.DailyBand band = s.dailyBand(conf);
    double[] hit = s.cacheHitRatioByDay();
    ArrayNode daily = o.putArray("daily");
    for (int d = 0; d < band.dailyP50().length; d++) {
      ObjectNode x = daily.addObject();
      x.put("date", Fmt.date(r.settings().horizon().startMillis() + d * 86_400_000L));
      x.put("p5Usd", Fmt.usdExact(band.dailyP5()[d]));
      x.put("p50Usd", Fmt.usdExact(band.dailyP50()[d]));
      x.put("p95Usd", Fmt.usdExact(band.dailyP95()[d]));
      x.put("cumulativeP5Usd", Fmt.usdExact(band.cumulativeP5()[d]));
      x.put("cumulativeP50Usd", Fmt.usdExact(band.cumulativeP50()[d]));
      x.put("cumulativeP95Usd", Fmt.usdExact(band.cumulativeP95()[d]));
      x.put("cacheHitRatio", round(hit[d], 6));
    }
    return o;
  }

  private static ObjectNode money(Stats.Distribution d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("mean", Fmt.usdExact(d.mean()));
    o.putArray("meanInterval").add(Fmt.usdExact(d.meanLower())).add(Fmt.usdExact(d.meanUpper()));
    o.set("p5", pct(d.p5(), true));
    o.set("p50", pct(d.p50(), true));
    o.set("p95", pct(d.p95(), true));
    o.put("min", Fmt.usdExact(d.min()));
    o.put("max", Fmt.usdExact(d.max()));
    return o;
  }

  private static ObjectNode plain(Stats.Distribution d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("mean", round(d.mean(), 3));
    o.putArray("meanInterval").add(round(d.meanLower(), 3)).add(round(d.meanUpper(), 3));
    o.set("p5", pct(d.p5(), false));
    o.set("p50", pct(d.p50(), false));
    o.set("p95", pct(d.p95(), false));
    o.put("min", d.min());
    o.put("max", d.max());
    return o;
  }

  private static ObjectNode pct(Stats.PercentileEstimate e, boolean money) {
    ObjectNode o = JSON.createObjectNode();
    if (money) {
      o.put("value", Fmt.usdExact(e.value()));
      o.putArray("interval").add(Fmt.usdExact(e.lower())).add(Fmt.usdExact(e.upper()));
    } else {
      o.put("value", e.value());
      o.putArray("interval").add(e.lower()).add(e.upper());
    }
    o.put("lowerOpen", e.lowerOpen());
    o.put("upperOpen", e.upperOpen());
    return o;
  }

  private static double round(double v, int places) {
    return java.math.BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }

  /** Every warning of the forecast and its backtest, plus "more runs" when intervals are open. */
  static List<String> warnings(Input in) {
    List<String> w = new ArrayList<>(in.result().warnings());
    Stats.Distribution t = in.result().baseline().total(in.result().confidence());
    if (t.p5().lowerOpen() || t.p95().upperOpen()) {
      w.add(String.format(Locale.ROOT,
          "%d runs cannot bound the P5/P95 at %.0f%% confidence: the intervals marked ≤/≥ are"
              + " open; use --runs %d or more",
          t.n(), in.result().confidence() * 100, minRunsFor(in.result().confidence())));
    }
    if (in.backtest() != null) {
      w.addAll(in.backtest().warnings());
    }
    return w;
  }

  /** Fewest runs whose order statistics bound both P5 and P95 at the confidence. */
  static int minRunsFor(double confidence) {
    for (int n = 10; n < 100_000; n++) {
      long[] v = new long[n];
      for (int i = 0; i < n; i++) {
        v[i] = i;
      }
      Stats.PercentileEstimate e = Stats.percentile(v, 0.05, confidence);
      if (!e.lowerOpen()) {
        return n;
      }
    }
    return 100_000;
  }

  /** The page every format renders. */
  static Page page(Input in) {
    ForecastResult r = in.result();
    double conf = r.confidence();
    ForecastResult.SetupRuns base = r.baseline();
    Stats.Distribution total = base.total(conf);
    String confPct = String.format(Locale.ROOT, "%.0f%%", conf * 100);
    List<Page.Figure> head = new ArrayList<>();
    head.add(new Page.Figure("P50 total cost", Fmt.usd(total.p50().value()),
        confPct + " CI " + Fmt.interval(total.p50(), Fmt::usd)));
    head.add(new Page.Figure("P95 total cost", Fmt.usd(total.p95().value()),
        confPct + " CI " + Fmt.interval(total.p95(), Fmt::usd)));
    head.add(new Page.Figure("P5 total cost", Fmt.usd(total.p5().value()),
        confPct + " CI " + Fmt.interval(total.p5(), Fmt::usd)));
    head.add(new Page.Figure("mean total cost", Fmt.usd(total.mean()),
        confPct + " CI [" + Fmt.usd(total.meanLower()) + ", " + Fmt.usd(total.meanUpper()) + "]"));
    Stats.Distribution rl = base.rateLimited(conf);
    head.add(new Page.Figure("429 responses (P50)", Fmt.count(rl.p50().value()),
        "P95 " + Fmt.count(rl.p95().value())));
    Stats.Distribution dl = base.addedDelayP95(conf);
    head.add(new Page.Figure("P95 added delay per call (P50 run)", Fmt.seconds(dl.p50().value()),
        "worst runs (P95) " + Fmt.seconds(dl.p95().value())));
    Page.Verdict verdict = null;
    Double budgetUsd = null;
    if (in.budgetPicos() != null) {
      ForecastResult.BudgetOutlook b = r.budget(in.budgetPicos());
      budgetUsd = Fmt.usdChart(in.budgetPicos());
      head.add(new Page.Figure("P(total > budget " + Fmt.usd(in.budgetPicos()) + ")",
          Fmt.percent(b.probability()), confPct + " CI [" + Fmt.percent(b.probabilityLower())
              + ", " + Fmt.percent(b.probabilityUpper()) + "]"));
      head.add(new Page.Figure("budget crossed (median of runs that cross)",
          b.medianCrossingDay() < 0 ? "never" : dayDate(r, b.medianCrossingDay()),
          b.p95CrossingDay() < 0 ? "the P95 path stays under"
              : "P95 path crosses " + dayDate(r, b.p95CrossingDay())));
    }
    if (in.gate() != null) {
      BudgetGate g = in.gate();
      verdict = new Page.Verdict(!g.over(),
          g.over() ? "Budget gate: FAIL" : "Budget gate: pass",
          "The forecast " + g.statistic() + " total " + Fmt.usd(g.valuePicos())
              + (g.over() ? " exceeds" : " is within") + " the budget " + Fmt.usd(g.budgetPicos())
              + ".");
    }
    if (in.backtest() != null) {
      Backtest.Result b = in.backtest();
      head.add(new Page.Figure("backtest: recorded cost of the last " + b.heldOutDays() + " days",
          Fmt.usd(b.actualPicos()), (b.insideBand() ? "inside" : "outside") + " the forecast P5-P95 ["
              + Fmt.usd(b.forecast().p5().value()) + ", " + Fmt.usd(b.forecast().p95().value())
              + "], rank " + Fmt.percent(b.rank())));
    }
    List<Charts.Rendered> charts = new ArrayList<>();
    ForecastResult.DailyBand band = base.dailyBand(conf);
    charts.add(Charts.render("cost-per-day", Charts.band("Cost per day (P5-P95 band, P50 line)",
        "USD", usd(band.dailyP5()), usd(band.dailyP50()), usd(band.dailyP95()), null)));
    charts.add(Charts.render("cumulative-cost", Charts.band(
        "Cumulative cost" + (budgetUsd == null ? "" : " against the budget"), "USD",
        usd(band.cumulativeP5()), usd(band.cumulativeP50()), usd(band.cumulativeP95()), budgetUsd)));
    charts.add(bars("cost-by-part", "Cost by part (P50, bars to P95)", base.parts(conf)));
    charts.add(bars("cost-by-agent", "Cost by agent (P50, bars to P95)", base.byAgent(conf)));
    charts.add(bars("cost-by-model", "Cost by model (P50, bars to P95)", base.byModel(conf)));
    double[] hit = base.cacheHitRatioByDay();
    double[] x = new double[hit.length];
    double[] y = new double[hit.length];
    for (int d = 0; d < hit.length; d++) {
      x[d] = d + 1;
      y[d] = hit[d] * 100;
    }
    charts.add(Charts.render("cache-hit", Charts.lines("Cache hit ratio per day (median run)", "day",
        "% of cached prefix tokens read (not written)", Map.of("cache hit %", new double[][] {x, y}))));
    charts.addAll(profileCharts(base.medianRun(), r));
    List<Page.Table> tables = new ArrayList<>();
    tables.add(distTable("totals", "Total and parts (USD)", total, base.parts(conf), "total"));
    tables.add(distTable("by-agent", "Cost by agent (USD)", null, base.byAgent(conf), null));
    tables.add(distTable("by-model", "Cost by model (USD)", null, base.byModel(conf), null));
    tables.add(dailyTable(r, band, hit));
    if (!r.comparisons().isEmpty()) {
      List<Page.Row> rows = new ArrayList<>();
      for (ForecastResult.Comparison k : r.comparisons()) {
        Stats.Distribution d = k.difference();
        rows.add(Page.Row.of(k.name(), Fmt.usd(d.mean()),
            "[" + Fmt.usd(d.meanLower()) + ", " + Fmt.usd(d.meanUpper()) + "]",
            Fmt.usd(d.p5().value()), Fmt.usd(d.p50().value()), Fmt.usd(d.p95().value()),
            Fmt.percent(k.probabilityCheaper())));
      }
      tables.add(new Page.Table("comparisons", "What-if: difference against " + base.name()
          + " on the same workloads (common random numbers)",
          List.of("setup", "mean difference", confPct + " CI", "P5", "P50", "P95",
              "runs cheaper"), rows));
    }
    String subtitle = String.format(Locale.ROOT,
        "%d days from %s, %.0f sessions/day%s, %d Monte Carlo runs, seed %d; workload: %s"
            + " (%d sessions over %.1f days); setup: %s",
        r.settings().horizon().days(), Fmt.date(r.settings().horizon().startMillis()),
        r.sessionsPerDay(),
        r.settings().growthPerMonth() == 0 ? "" : String.format(Locale.ROOT, " growing %.1f%%/month",
            r.settings().growthPerMonth() * 100),
        r.settings().runs(), r.settings().seed(), in.source(), r.corpusSessions(),
        r.corpusSpanDays(), base.name());
    return new Page("polpo-check forecast", subtitle, verdict, warnings(in), head, charts, tables,
        "Every interval is a " + confPct + " confidence interval from the run count;"
            + " the same inputs and seed reproduce this report byte for byte.");
  }

  private static String dayDate(ForecastResult r, int day) {
    return Fmt.date(r.settings().horizon().startMillis() + day * 86_400_000L);
  }

  private static List<Charts.Rendered> profileCharts(RunOutcome run, ForecastResult r) {
    List<String> names = new ArrayList<>();
    double[] calls = new double[run.profiles().size()];
    List<double[]> spans = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
    long start = r.settings().horizon().startMillis();
    for (int i = 0; i < run.profiles().size(); i++) {
      ProfileUsage p = run.profiles().get(i);
      names.add(p.id());
      calls[i] = run.calls() == 0 ? 0 : 100.0 * p.calls() / run.calls();
      for (ProfileUsage.Span s : p.unavailable()) {
        spans.add(new double[] {(s.startMillis() - start) / 3.6e6, (s.endMillis() - start) / 3.6e6,
            s.kind().equals("disabled") ? 1 : 0});
        rowOf.add(i);
      }
    }
    List<Charts.Rendered> out = new ArrayList<>();
    out.add(Charts.render("profile-utilisation", Charts.bars(
        "Share of calls per credential profile (median run)", "% of calls", names, calls, null,
        null)));
    out.add(Charts.render("profile-timeline", Charts.timeline(
        "Cooldown (orange) and billing-disable (red) periods per profile (median run)"
            + (spans.isEmpty() ? ": none" : ""),
        names, spans, rowOf, r.settings().horizon().days() * 24.0)));
    return out;
  }

  private static Charts.Rendered bars(String id, String title, Map<String, Stats.Distribution> m) {
    List<String> names = new ArrayList<>(m.keySet());
    double[] v = new double[names.size()];
    double[] lo = new double[names.size()];
    double[] hi = new double[names.size()];
    for (int i = 0; i < names.size(); i++) {
      Stats.Distribution d = m.get(names.get(i));
      v[i] = Fmt.usdChart(d.p50().value());
      lo[i] = Fmt.usdChart(d.p5().value());
      hi[i] = Fmt.usdChart(d.p95().value());
    }
    return Charts.render(id, Charts.bars(title, "USD", names, v, lo, hi));
  }

  private static Page.Table distTable(String name, String title, Stats.Distribution first,
      Map<String, Stats.Distribution> rest, String firstName) {
    Map<String, Stats.Distribution> all = new LinkedHashMap<>();
    if (first != null) {
      all.put(firstName, first);
    }
    all.putAll(rest);
    List<Page.Row> rows = new ArrayList<>();
    all.forEach((k, d) -> rows.add(Page.Row.of(k, Fmt.usd(d.mean()), Fmt.usd(d.p5().value()),
        Fmt.interval(d.p5(), Fmt::usd), Fmt.usd(d.p50().value()), Fmt.interval(d.p50(), Fmt::usd),
        Fmt.usd(d.p95().value()), Fmt.interval(d.p95(), Fmt::usd))));
    return new Page.Table(name, title,
        List.of("", "mean", "P5", "P5 CI", "P50", "P50 CI", "P95", "P95 CI"), rows);
  }

  private static Page.Table dailyTable(ForecastResult r, ForecastResult.DailyBand b, double[] hit) {
    List<Page.Row> rows = new ArrayList<>();
    for (int d = 0; d < b.dailyP50().length; d++) {
      rows.add(Page.Row.of(dayDate(r, d), Fmt.usd(b.dailyP5()[d]), Fmt.usd(b.dailyP50()[d]),
          Fmt.usd(b.dailyP95()[d]), Fmt.usd(b.cumulativeP50()[d]), Fmt.usd(b.cumulativeP95()[d]),
          Fmt.percent(hit[d])));
    }
    return new Page.Table("daily", "Per day", List.of("date", "P5", "P50", "P95",
        "cumulative P50", "cumulative P95", "cache hit"), rows);
  }

  private static double[] usd(long[] picos) {
    double[] out = new double[picos.length];
    for (int i = 0; i < picos.length; i++) {
      out[i] = Fmt.usdChart(picos[i]);
    }
    return out;
  }

  /** The compact summary printed at the end of a forecast. */
  public static String terminalSummary(Input in) {
    ForecastResult r = in.result();
    double conf = r.confidence();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "forecast: %d days from %s, %.0f sessions/day, %d runs, seed %d%n",
        r.settings().horizon().days(), Fmt.date(r.settings().horizon().startMillis()),
        r.sessionsPerDay(), r.settings().runs(), r.settings().seed()));
    for (String w : warnings(in)) {
      b.append("warning: ").append(w).append('\n');
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"", "mean", "P5", "P50", "P95", "P95 " + (int) Math.round(conf * 100) + "% CI"});
    addRow(rows, "total", r.baseline().total(conf));
    r.baseline().parts(conf).forEach((k, v) -> addRow(rows, "  " + k, v));
    SortedMap<String, Stats.Distribution> agents = r.baseline().byAgent(conf);
    agents.forEach((k, v) -> addRow(rows, "agent " + k, v));
    r.baseline().byModel(conf).forEach((k, v) -> addRow(rows, "model " + k, v));
    for (ForecastResult.Comparison k : r.comparisons()) {
      addRow(rows, "Δ " + k.name(), k.difference());
    }
    b.append(table(rows));
    Stats.Distribution rl = r.baseline().rateLimited(conf);
    Stats.Distribution dl = r.baseline().addedDelayP95(conf);
    b.append(String.format(Locale.ROOT, "429s: P50 %s, P95 %s; P95 added delay per call: P50 %s, P95 %s%n",
        Fmt.count(rl.p50().value()), Fmt.count(rl.p95().value()), Fmt.seconds(dl.p50().value()),
        Fmt.seconds(dl.p95().value())));
    if (in.budgetPicos() != null) {
      ForecastResult.BudgetOutlook o = r.budget(in.budgetPicos());
      b.append(String.format(Locale.ROOT, "budget %s: P(over) %s [%s, %s]%s%n",
          Fmt.usd(in.budgetPicos()), Fmt.percent(o.probability()),
          Fmt.percent(o.probabilityLower()), Fmt.percent(o.probabilityUpper()),
          o.medianCrossingDay() < 0 ? "" : ", crossed around " + dayDate(r, o.medianCrossingDay())));
    }
    if (in.backtest() != null) {
      Backtest.Result t = in.backtest();
      b.append(String.format(Locale.ROOT,
          "backtest: last %d days recorded %s, forecast P5-P95 [%s, %s]: %s (rank %s)%n",
          t.heldOutDays(), Fmt.usd(t.actualPicos()), Fmt.usd(t.forecast().p5().value()),
          Fmt.usd(t.forecast().p95().value()), t.insideBand() ? "inside" : "OUTSIDE",
          Fmt.percent(t.rank())));
    }
    if (in.gate() != null) {
      BudgetGate g = in.gate();
      b.append(String.format(Locale.ROOT, "budget gate: %s %s %s budget %s: %s%n", g.statistic(),
          Fmt.usd(g.valuePicos()), g.over() ? ">" : "<=", Fmt.usd(g.budgetPicos()),
          g.over() ? "FAIL" : "pass"));
    }
    return b.toString();
  }

  private static void addRow(List<String[]> rows, String name, Stats.Distribution d) {
    rows.add(new String[] {name, Fmt.usd(d.mean()), Fmt.usd(d.p5().value()),
        Fmt.usd(d.p50().value()), Fmt.usd(d.p95().value()), Fmt.interval(d.p95(), Fmt::usd)});
  }

  /** Left-aligned first column, right-aligned others, two spaces apart. */
  static String table(List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] w = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        if (i > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(w[i] - r[i].length());
        line.append(i == 0 ? r[i] + pad : pad + r[i]);
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }
}
