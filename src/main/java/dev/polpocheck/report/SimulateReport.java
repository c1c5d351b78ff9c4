package dev.polpocheck.report;

import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.sim.SimResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report of one {@code simulate} run: the same page layout as the forecast's, from one
 * {@link SimResult}. {@code result.json} is the simulate command's own JSON document, unchanged.
 */
public final class SimulateReport {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SimulateReport() {}

  /**
   * Writes the report directory.
   *
   * @param dir the directory (created when missing)
   * @param result the simulation
   * @param resultJson the simulate command's JSON output, written as {@code result.json}
   * @param source what was replayed (file names)
   * @param version the tool version
   * @return the files written
   */
  public static List<Path> write(
      Path dir, SimResult result, String resultJson, String source, String version) {
    JsonNode json = JSON.readTree(resultJson);
    return ReportWriter.write(dir, page(result, source), json, version);
  }

  /** The page every format renders. */
  static Page page(SimResult r, String source) {
    SimResult.Counts c = r.counts();
    SimResult.Delays d = r.delays();
    List<Page.Figure> head = new ArrayList<>();
    head.add(new Page.Figure("total cost", Fmt.usd(r.cost().total()),
        "without caching " + Fmt.usd(r.costWithoutCachePicos())));
    head.add(new Page.Figure("cache savings", Fmt.usd(r.cacheSavingsPicos()),
        r.costWithoutCachePicos() == 0 ? "" : Fmt.percent(
            r.cacheSavingsPicos() / (double) r.costWithoutCachePicos()) + " of the uncached cost"));
    head.add(new Page.Figure("calls", Fmt.count(c.callsIn()), Fmt.count(c.ok()) + " ok, "
        + Fmt.count(c.failed()) + " failed, " + Fmt.count(c.notRun()) + " not run"));
    head.add(new Page.Figure("429 responses", Fmt.count(c.rateLimited()),
        Fmt.count(c.sdkRetries() + c.polpoRetries()) + " retries"));
    head.add(new Page.Figure("added delay per call", "P95 " + Fmt.seconds(d.p95Millis()),
        "P50 " + Fmt.seconds(d.p50Millis()) + ", P99 " + Fmt.seconds(d.p99Millis())));
    head.add(new Page.Figure("time with no usable profile",
        Fmt.seconds(d.noUsableProfileMillis()), Fmt.count(r.eventCount())
            + " cooldown / billing-disable events"));
    if (r.rotation() != null) {
      head.add(new Page.Figure("cache cost of rotation", Fmt.usd(r.rotation().differencePicos()),
          "against sticky rotation (" + Fmt.usd(r.rotation().stickyCostPicos()) + ")"));
    }
    List<Charts.Rendered> charts = new ArrayList<>();
    List<SimResult.Bucket> series = r.series();
    long t0 = series.isEmpty() ? 0 : series.get(0).startMillis();
    int n = series.size();
    double[] x = new double[Math.max(1, n)];
    double[] cost = new double[Math.max(1, n)];
    double[] cumulative = new double[Math.max(1, n)];
    double[] hit = new double[Math.max(1, n)];
    double[] limited = new double[Math.max(1, n)];
    long acc = 0;
    for (int i = 0; i < n; i++) {
      SimResult.Bucket b = series.get(i);
      x[i] = (b.startMillis() - t0) / 3.6e6;
      cost[i] = Fmt.usdChart(b.costPicos());
      acc += b.costPicos();
      cumulative[i] = Fmt.usdChart(acc);
      long cached = b.cacheReadTokens() + b.cacheWriteTokens();
      hit[i] = cached == 0 ? 0 : 100.0 * b.cacheReadTokens() / cached;
      limited[i] = b.rateLimited();
    }
    String xTitle = "hours from " + (n == 0 ? "start" : Fmt.date(t0));
    charts.add(Charts.render("cost-over-time", Charts.lines("Cost per time bucket", xTitle, "USD",
        Map.of("cost", new double[][] {x, cost}))));
    charts.add(Charts.render("cumulative-cost", Charts.lines("Cumulative cost", xTitle, "USD",
        Map.of("cumulative", new double[][] {x, cumulative}))));
    Map<String, Long> parts = new LinkedHashMap<>();
    CostBreakdown b = r.cost();
    parts.put("input", b.input());
    parts.put("output", b.output());
    parts.put("cacheWrite5m", b.cacheWrite5m());
    parts.put("cacheWrite1h", b.cacheWrite1h());
    parts.put("cacheRead", b.cacheRead());
    charts.add(bars("cost-by-part", "Cost by part", parts));
    charts.add(bars("cost-by-agent", "Cost by agent", costs(r.byAgent())));
    charts.add(bars("cost-by-model", "Cost by model", costs(r.byModel())));
    charts.add(Charts.render("cache-hit", Charts.lines("Cache hit ratio per time bucket", xTitle,
        "% of cached prefix tokens read (not written)", Map.of("cache hit %", new double[][] {x,
            hit}))));
    charts.add(Charts.render("rate-limited", Charts.lines("429 responses per time bucket", xTitle,
        "429s", Map.of("429s", new double[][] {x, limited}))));
    List<String> names = new ArrayList<>();
    double[] share = new double[r.profiles().size()];
    for (int i = 0; i < r.profiles().size(); i++) {
      names.add(r.profiles().get(i).id());
      share[i] = 100 * r.profiles().get(i).shareOfProvider();
    }
    charts.add(Charts.render("profile-utilisation", Charts.bars(
        "Share of its provider's calls per credential", "% of calls", names, share, null, null)));
    List<double[]> spans = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
    double end = n == 0 ? 1 : x[n - 1] + 1;
    for (SimResult.Event e : r.events()) {
      int row = names.indexOf(e.subject());
      if (row >= 0 && !e.kind().equals("provider-cooldown")) {
        spans.add(new double[] {(e.timeMillis() - t0) / 3.6e6, (e.untilMillis() - t0) / 3.6e6,
            e.kind().equals("billing-disable") ? 1 : 0});
        rowOf.add(row);
      }
    }
    charts.add(Charts.render("profile-timeline", Charts.timeline(
        "Cooldown (orange) and billing-disable (red) periods per profile"
            + (spans.isEmpty() ? ": none" : ""), names, spans, rowOf, end)));
    List<Page.Table> tables = new ArrayList<>();
    tables.add(partTable("by-agent", "By agent", r.byAgent()));
    tables.add(partTable("by-model", "By model", r.byModel()));
    tables.add(partTable("by-profile", "By credential", r.byProfile()));
    List<Page.Row> events = new ArrayList<>();
    for (SimResult.Event e : r.events().subList(0, Math.min(200, r.events().size()))) {
      events.add(Page.Row.of(java.time.Instant.ofEpochMilli(e.timeMillis()).toString(), e.kind(),
          e.subject(), e.reason(), java.time.Instant.ofEpochMilli(e.untilMillis()).toString()));
    }
    tables.add(new Page.Table("events", "Cooldown and billing-disable events (first 200)",
        List.of("time", "kind", "subject", "reason", "until"), events));
    String subtitle = String.format(Locale.ROOT, "Replay of %s under the %s variant, %s rotation;"
        + " seed %d", source, r.scenario().variant().name().toLowerCase(Locale.ROOT).replace('_',
        '-'), r.scenario().rotation().name().toLowerCase(Locale.ROOT), r.seed());
    return new Page("polpo-check simulate", subtitle, null, r.notes(), head, charts, tables,
        "The same traces, scenario and seed reproduce this report byte for byte.");
  }

  private static Map<String, Long> costs(Map<String, SimResult.Part> parts) {
    Map<String, Long> m = new LinkedHashMap<>();
    parts.forEach((k, v) -> m.put(k.isEmpty() ? "(unknown)" : k, v.cost().total()));
    return m;
  }

  private static Charts.Rendered bars(String id, String title, Map<String, Long> m) {
    List<String> names = new ArrayList<>(m.keySet());
    double[] v = new double[names.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = Fmt.usdChart(m.get(names.get(i)));
    }
    return Charts.render(id, Charts.bars(title, "USD", names, v, null, null));
  }

  private static Page.Table partTable(String name, String title, Map<String, SimResult.Part> m) {
    List<Page.Row> rows = new ArrayList<>();
    m.forEach((k, p) -> rows.add(Page.Row.of(k.isEmpty() ? "(unknown)" : k,
        Fmt.count(p.calls()), Fmt.usd(p.cost().total()), Fmt.usd(p.cost().input()),
        Fmt.usd(p.cost().output()), Fmt.usd(p.cost().cacheWrite5m() + p.cost().cacheWrite1h()),
        Fmt.usd(p.cost().cacheRead()))));
    return new Page.Table(name, title,
        List.of("", "calls", "total", "input", "output", "cache writes", "cache reads"), rows);
  }
}
