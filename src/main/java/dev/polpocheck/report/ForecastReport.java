package dev.polpocheck.report;

import dev.polpocheck.forecast.Backtest;
import dev.polpocheck.forecast.BudgetGate;
import dev.polpocheck.forecast.Corpus;
import dev.polpocheck.forecast.ForecastResult;
import dev.polpocheck.forecast.ProfileUsage;
import dev.polpocheck.forecast.RunOutcome;
import dev.polpocheck.forecast.Stats;
import dev.polpocheck.forecast.TraceFiles;
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
   * @param workload what the report says about the input's quality, or null when unknown
   */
  public record Input(
      ForecastResult result, Long budgetPicos, BudgetGate gate, Backtest.Result backtest,
      String source, Workload workload) {

    /** An input whose quality is not described (tests, embedded callers). */
    public Input(ForecastResult result, Long budgetPicos, BudgetGate gate,
        Backtest.Result backtest, String source) {
      this(result, budgetPicos, gate, backtest, source, null);
    }
  }

  /**
   * What the forecast learnt from: the traces' extent and gaps, what was skipped, and how much
   * hour-of-day and day-of-week shape the data supports.
   *
   * @param firstMillis the first recorded call
   * @param endMillis the end of the traces (exclusive, whole hours)
   * @param activeDays UTC days with at least one call
   * @param skippedRecords bad trace records skipped
   * @param callsWithoutUsage calls with no usage recorded, left out
   * @param hourShape how the hour-of-day profile was decided
   * @param dayShape how the day-of-week profile was decided
   */
  public record Workload(long firstMillis, long endMillis, int activeDays, long skippedRecords,
      long callsWithoutUsage, Corpus.Shape hourShape, Corpus.Shape dayShape) {

    /** The description of a corpus read with {@code read}. */
    public static Workload of(Corpus c, TraceFiles read) {
      return new Workload(c.firstMillis(), c.endMillis(), c.activeDays(), read.skipped(),
          read.withoutUsage(), c.hourShape(), c.dayShape());
    }
  }

  /**
   * Loads what writing a report needs that does not depend on the forecast: XChart, AWT's fonts
   * and the SVG writer (by drawing two small charts, thrown away) and the page templates, so that
   * a caller with an idle core can do it before the runs end (it took about 0.45 s of CPU and
   * saved about 0.55 s of the report's: reports/forecast-scaling.md, issue 16 fifth pass).
   * Writes nothing and changes no output; safe beside {@link #write} (charts are drawn one at a
   * time).
   *
   * @return false when something failed: writing the report meets the failure again and reports
   *     it where it always did
   */
  public static boolean prepare() {
    try {
      Charts.prepare();
      ReportWriter.prepare();
      return true;
    } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
      return false;
    }
  }

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
    if (in.workload() != null) {
      Workload k = in.workload();
      c.put("activeDays", k.activeDays());
      c.put("skippedRecords", k.skippedRecords());
      c.put("callsWithoutUsage", k.callsWithoutUsage());
      c.put("hourOfDayShapeKept", round(k.hourShape().kept(), 6));
      c.put("dayOfWeekShapeKept", round(k.dayShape().kept(), 6));
    }
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
      if (Double.isNaN(hit[d])) {
        x.putNull("cacheHitRatio"); // no cache activity that day: no data, not 0 %
      } else {
        x.put("cacheHitRatio", round(hit[d], 6));
      }
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
      // the backtest's own corpus is the training part: say so, or its span reads as the traces'
      in.backtest().warnings().forEach(x -> w.add(x.startsWith("the backtest") ? x
          : "backtest training data: " + x));
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
      head.add(new Page.Figure("backtest: recorded cost of the last " + in.backtest().heldOutDays()
          + " days", Fmt.usd(in.backtest().actualPicos()), backtestNote(in.backtest())));
    }
    long start = r.settings().horizon().startMillis();
    List<Charts.Rendered> charts = new ArrayList<>();
    ForecastResult.DailyBand band = base.dailyBand(conf);
    charts.add(Charts.render("cost-per-day", Charts.band("Cost per day (P5-P95 band, P50 line)",
        "USD", start, usd(band.dailyP5()), usd(band.dailyP50()), usd(band.dailyP95()), null),
        bandValues("cost-per-day", r, band.dailyP5(), band.dailyP50(), band.dailyP95())));
    charts.add(Charts.render("cumulative-cost", Charts.band(
        "Cumulative cost" + (budgetUsd == null ? "" : " against the budget"), "USD", start,
        usd(band.cumulativeP5()), usd(band.cumulativeP50()), usd(band.cumulativeP95()), budgetUsd),
        bandValues("cumulative-cost", r, band.cumulativeP5(), band.cumulativeP50(),
            band.cumulativeP95())));
    charts.add(bars("cost-by-part", "Cost by part (P50, bars to P95)", base.parts(conf)));
    charts.add(bars("cost-by-agent", "Cost by agent (P50, bars to P95)", base.byAgent(conf)));
    charts.add(bars("cost-by-model", "Cost by model (P50, bars to P95)", base.byModel(conf)));
    double[] hit = base.cacheHitRatioByDay();
    charts.add(cacheHitChart(r, hit));
    charts.addAll(profileCharts(base.medianRun(), r));
    List<Page.Table> tables = new ArrayList<>();
    tables.add(distTable("totals", "Total and parts (USD)", "part", total, base.parts(conf),
        "total"));
    tables.add(distTable("by-agent", "Cost by agent (USD)", "agent", null, base.byAgent(conf),
        null));
    tables.add(distTable("by-model", "Cost by model (USD)", "model", null, base.byModel(conf),
        null));
    tables.add(dailyTable(r, band, hit));
    if (!r.comparisons().isEmpty()) {
      tables.add(comparisonTable(r, confPct));
    }
    String subtitle = String.format(Locale.ROOT,
        "%d days from %s, %s sessions/day%s, %d Monte Carlo runs, seed %d; workload: %s"
            + " (%d sessions over %.1f days); setup: %s",
        r.settings().horizon().days(), Fmt.date(start), Fmt.rate(r.sessionsPerDay()),
        r.settings().growthPerMonth() == 0 ? "" : String.format(Locale.ROOT, " growing %.1f%%/month",
            r.settings().growthPerMonth() * 100),
        r.settings().runs(), r.settings().seed(), in.source(), r.corpusSessions(),
        r.corpusSpanDays(), base.name());
    return new Page("polpo-check forecast", subtitle, verdict, warnings(in), inputs(in), head,
        charts, tables,
        "Every interval is a " + confPct + " confidence interval from the run count;"
            + " the same inputs and seed reproduce this report byte for byte.");
  }

  /** The "Input" section: what the figures were learnt from and how much to trust it. */
  static List<Page.Figure> inputs(Input in) {
    ForecastResult r = in.result();
    List<Page.Figure> f = new ArrayList<>();
    Workload k = in.workload();
    f.add(new Page.Figure("traces", Charts.label(in.source()), ""));
    f.add(new Page.Figure("days", String.format(Locale.ROOT, "%.1f", r.corpusSpanDays()),
        k == null ? "the span of the traces"
            : "from " + Fmt.date(k.firstMillis()) + " to " + Fmt.date(k.endMillis() - 1)));
    if (k != null) {
      f.add(new Page.Figure("active days", Integer.toString(k.activeDays()),
          "UTC days with at least one call"));
    }
    f.add(new Page.Figure("sessions", Fmt.count(r.corpusSessions()), String.format(Locale.ROOT,
        "%.1f a day over the span; the forecast draws %s a day", r.corpusSessions()
            / Math.max(1.0, r.corpusSpanDays()), Fmt.rate(r.sessionsPerDay()))));
    if (k != null) {
      f.add(new Page.Figure("skipped records", Fmt.count(k.skippedRecords()),
          k.callsWithoutUsage() == 0 ? "bad trace records, each reported when read"
              : "bad trace records; also " + Fmt.count(k.callsWithoutUsage())
                  + " calls without recorded usage left out"));
      f.add(new Page.Figure("hour-of-day profile", k.hourShape().describe(),
          shapeNote(k.hourShape())));
      f.add(new Page.Figure("day-of-week profile", k.dayShape().describe(),
          shapeNote(k.dayShape())));
    }
    f.add(new Page.Figure("backtest", in.backtest() == null ? "not run" : String.format(
        Locale.ROOT, "last %d days recorded %s", in.backtest().heldOutDays(),
        Fmt.usd(in.backtest().actualPicos())),
        in.backtest() == null ? "--backtest forecasts the last quarter from the rest"
            : backtestNote(in.backtest())));
    return f;
  }

  private static String shapeNote(Corpus.Shape s) {
    double[] w = s.weights();
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (double x : w) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return String.format(Locale.ROOT, "weights %.2f to %.2f (1 = average); README \"forecast\""
        + " explains the rule", lo, hi);
  }

  private static String backtestNote(Backtest.Result b) {
    return (b.insideBand() ? "inside" : "outside") + " the forecast P5-P95 ["
        + Fmt.usd(b.forecast().p5().value()) + ", " + Fmt.usd(b.forecast().p95().value())
        + "], rank " + Fmt.percent(b.rank());
  }

  private static String dayDate(ForecastResult r, int day) {
    return Fmt.date(r.settings().horizon().startMillis() + day * 86_400_000L);
  }

  private static Page.Table bandValues(String id, ForecastResult r, long[] p5, long[] p50,
      long[] p95) {
    List<Page.Row> rows = new ArrayList<>();
    for (int d = 0; d < p50.length; d++) {
      rows.add(Page.Row.of(dayDate(r, d), Fmt.usd(p5[d]), Fmt.usd(p50[d]), Fmt.usd(p95[d])));
    }
    return new Page.Table(id, "", List.of("date", "P5", "P50", "P95"), rows);
  }

  private static Charts.Rendered cacheHitChart(ForecastResult r, double[] hit) {
    String title = "Cache hit ratio per day (median of the runs with cache activity)";
    long[] t = new long[hit.length];
    double[] y = new double[hit.length];
    boolean any = false;
    List<Page.Row> rows = new ArrayList<>();
    for (int d = 0; d < hit.length; d++) {
      t[d] = r.settings().horizon().startMillis() + d * 86_400_000L;
      y[d] = hit[d] * 100;
      any |= !Double.isNaN(hit[d]);
      rows.add(Page.Row.of(dayDate(r, d), Fmt.percentOrNoData(hit[d])));
    }
    if (!any) {
      return Charts.none("cache-hit", title, "No run read or wrote a cached prefix on any day, so"
          + " there is no cache hit ratio to show.");
    }
    return Charts.render("cache-hit", Charts.overTime(title,
        "% of cached prefix tokens read (not written)", t, Map.of("cache hit %", y), true, false),
        new Page.Table("cache-hit", "", List.of("date", "cache hit"), rows));
  }

  private static List<Charts.Rendered> profileCharts(RunOutcome run, ForecastResult r) {
    List<String> names = new ArrayList<>();
    double[] calls = new double[run.profiles().size()];
    List<long[]> spans = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
    List<Page.Row> shares = new ArrayList<>();
    List<Page.Row> periods = new ArrayList<>();
    for (int i = 0; i < run.profiles().size(); i++) {
      ProfileUsage p = run.profiles().get(i);
      names.add(Charts.label(p.id()));
      calls[i] = run.calls() == 0 ? 0 : 100.0 * p.calls() / run.calls();
      shares.add(Page.Row.of(names.get(i), Fmt.count(p.calls()), Fmt.percent(calls[i] / 100)));
      for (ProfileUsage.Span s : p.unavailable()) {
        spans.add(new long[] {s.startMillis(), s.endMillis(), s.kind().equals("disabled") ? 1 : 0});
        rowOf.add(i);
        periods.add(Page.Row.of(names.get(i), s.kind(), Fmt.instant(s.startMillis()),
            Fmt.instant(s.endMillis())));
      }
    }
    List<Charts.Rendered> out = new ArrayList<>();
    String shareTitle = "Share of calls per credential profile (median run)";
    out.add(names.isEmpty()
        ? Charts.none("profile-utilisation", shareTitle, "The median run made no call.")
        : Charts.render("profile-utilisation", Charts.shareBars(shareTitle, names, calls),
            new Page.Table("profile-utilisation", "", List.of("profile", "calls", "share"),
                shares)));
    String timelineTitle =
        "Cooldown (orange) and billing-disable (red) periods per profile (median run)";
    long start = r.settings().horizon().startMillis();
    out.add(spans.isEmpty()
        ? Charts.none("profile-timeline", timelineTitle, "No profile was cooled down or"
            + " billing-disabled in the median run.")
        : Charts.render("profile-timeline", Charts.timeline(timelineTitle, names, spans, rowOf,
            start, start + r.settings().horizon().days() * 86_400_000L),
            new Page.Table("profile-timeline", "", List.of("profile", "kind", "from", "until"),
                periods)));
    return out;
  }

  private static Charts.Rendered bars(String id, String title, Map<String, Stats.Distribution> m) {
    if (m.isEmpty()) {
      return Charts.none(id, title, "Nothing to show: no cost was recorded for any " + id
          .substring("cost-by-".length()) + ".");
    }
    List<String> names = new ArrayList<>();
    double[] v = new double[m.size()];
    double[] lo = new double[m.size()];
    double[] hi = new double[m.size()];
    List<Page.Row> rows = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Stats.Distribution> e : m.entrySet()) {
      Stats.Distribution d = e.getValue();
      names.add(Charts.label(e.getKey()));
      v[i] = Fmt.usdChart(d.p50().value());
      lo[i] = Fmt.usdChart(d.p5().value());
      hi[i] = Fmt.usdChart(d.p95().value());
      rows.add(Page.Row.of(names.get(i), Fmt.usd(d.p5().value()), Fmt.usd(d.p50().value()),
          Fmt.usd(d.p95().value())));
      i++;
    }
    return Charts.render(id, Charts.bars(title, "USD", names, v, lo, hi),
        new Page.Table(id, "", List.of("", "P5", "P50", "P95"), rows));
  }

  private static Page.Table distTable(String name, String title, String what,
      Stats.Distribution first, Map<String, Stats.Distribution> rest, String firstName) {
    Map<String, Stats.Distribution> all = new LinkedHashMap<>();
    if (first != null) {
      all.put(firstName, first);
    }
    all.putAll(rest);
    List<Page.Row> rows = new ArrayList<>();
    List<Page.Row> csv = new ArrayList<>();
    all.forEach((k, d) -> {
      String label = Charts.label(k);
      rows.add(Page.Row.of(label, Fmt.usd(d.mean()), Fmt.usd(d.p5().value()),
          Fmt.interval(d.p5(), Fmt::usd), Fmt.usd(d.p50().value()), Fmt.interval(d.p50(), Fmt::usd),
          Fmt.usd(d.p95().value()), Fmt.interval(d.p95(), Fmt::usd)));
      csv.add(Page.Row.of(label, Fmt.csvUsd(d.mean()), Fmt.csvUsd(d.meanLower()),
          Fmt.csvUsd(d.meanUpper()), Fmt.csvUsd(d.p5().value()), Fmt.csvLow(d.p5()),
          Fmt.csvHigh(d.p5()), Fmt.csvUsd(d.p50().value()), Fmt.csvLow(d.p50()),
          Fmt.csvHigh(d.p50()), Fmt.csvUsd(d.p95().value()), Fmt.csvLow(d.p95()),
          Fmt.csvHigh(d.p95())));
    });
    return new Page.Table(name, title,
        List.of(what, "mean", "P5", "P5 CI", "P50", "P50 CI", "P95", "P95 CI"), rows,
        new Page.Csv(List.of(what, "mean_usd", "mean_ci_low_usd", "mean_ci_high_usd", "p5_usd",
            "p5_ci_low_usd", "p5_ci_high_usd", "p50_usd", "p50_ci_low_usd", "p50_ci_high_usd",
            "p95_usd", "p95_ci_low_usd", "p95_ci_high_usd"), csv));
  }

  private static Page.Table dailyTable(ForecastResult r, ForecastResult.DailyBand b, double[] hit) {
    List<Page.Row> rows = new ArrayList<>();
    List<Page.Row> csv = new ArrayList<>();
    for (int d = 0; d < b.dailyP50().length; d++) {
      rows.add(Page.Row.of(dayDate(r, d), Fmt.usd(b.dailyP5()[d]), Fmt.usd(b.dailyP50()[d]),
          Fmt.usd(b.dailyP95()[d]), Fmt.usd(b.cumulativeP50()[d]), Fmt.usd(b.cumulativeP95()[d]),
          Fmt.percentOrNoData(hit[d])));
      csv.add(Page.Row.of(dayDate(r, d), Fmt.csvUsd(b.dailyP5()[d]), Fmt.csvUsd(b.dailyP50()[d]),
          Fmt.csvUsd(b.dailyP95()[d]), Fmt.csvUsd(b.cumulativeP5()[d]),
          Fmt.csvUsd(b.cumulativeP50()[d]), Fmt.csvUsd(b.cumulativeP95()[d]),
          Fmt.csvRatio(hit[d])));
    }
    return new Page.Table("daily", "Per day", List.of("date", "P5", "P50", "P95",
        "cumulative P50", "cumulative P95", "cache hit"), rows,
        new Page.Csv(List.of("date", "p5_usd", "p50_usd", "p95_usd", "cumulative_p5_usd",
            "cumulative_p50_usd", "cumulative_p95_usd", "cache_hit_ratio"), csv));
  }

  private static Page.Table comparisonTable(ForecastResult r, String confPct) {
    List<Page.Row> rows = new ArrayList<>();
    List<Page.Row> csv = new ArrayList<>();
    for (ForecastResult.Comparison k : r.comparisons()) {
      Stats.Distribution d = k.difference();
      rows.add(Page.Row.of(k.name(), Fmt.usd(d.mean()),
          "[" + Fmt.usd(d.meanLower()) + ", " + Fmt.usd(d.meanUpper()) + "]",
          Fmt.usd(d.p5().value()), Fmt.usd(d.p50().value()), Fmt.usd(d.p95().value()),
          Fmt.percent(k.probabilityCheaper())));
      csv.add(Page.Row.of(k.name(), Fmt.csvUsd(d.mean()), Fmt.csvUsd(d.meanLower()),
          Fmt.csvUsd(d.meanUpper()), Fmt.csvUsd(d.p5().value()), Fmt.csvUsd(d.p50().value()),
          Fmt.csvUsd(d.p95().value()), Fmt.csvRatio(k.probabilityCheaper())));
    }
    return new Page.Table("comparisons", "What-if: difference against " + r.baseline().name()
        + " on the same workloads (common random numbers)",
        List.of("setup", "mean difference", confPct + " CI", "P5", "P50", "P95", "runs cheaper"),
        rows, new Page.Csv(List.of("setup", "mean_difference_usd", "mean_ci_low_usd",
            "mean_ci_high_usd", "p5_usd", "p50_usd", "p95_usd", "share_of_runs_cheaper"), csv));
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
    b.append(String.format(Locale.ROOT, "forecast: %d days from %s, %s sessions/day, %d runs, seed %d%n",
        r.settings().horizon().days(), Fmt.date(r.settings().horizon().startMillis()),
        Fmt.rate(r.sessionsPerDay()), r.settings().runs(), r.settings().seed()));
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
