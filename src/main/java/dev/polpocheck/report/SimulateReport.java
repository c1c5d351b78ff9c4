package dev.polpocheck.report;

import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.cost.Money;
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
    Timeline t = Timeline.of(r.series(), r.scenario().report().seriesBucketMillis());
    String idle = "; gaps are idle periods with no call";
    if (t.millis().length == 0) {
      charts.add(Charts.none("cost-over-time", "Cost per time bucket", "No call was replayed."));
      charts.add(Charts.none("cumulative-cost", "Cumulative cost", "No call was replayed."));
    } else {
      charts.add(Charts.render("cost-over-time", Charts.overTime("Cost per time bucket" + idle,
          "USD", t.millis(), Map.of("cost", t.cost()), false, true), t.values("cost-over-time",
              "cost", t.cost(), v -> Fmt.usd(Math.round(v * Money.PICOS_PER_USD)))));
      charts.add(Charts.render("cumulative-cost", Charts.overTime("Cumulative cost", "USD",
          t.millis(), Map.of("cumulative", t.cumulative()), false, true), t.values(
              "cumulative-cost", "cumulative cost",
              t.cumulative(), v -> Fmt.usd(Math.round(v * Money.PICOS_PER_USD)))));
    }
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
    if (t.anyCache()) {
      charts.add(Charts.render("cache-hit", Charts.overTime("Cache hit ratio per time bucket"
              + "; gaps have no cache activity", "% of cached prefix tokens read (not written)",
          t.millis(), Map.of("cache hit %", t.hitPercent()), true, true), t.values("cache-hit",
              "cache hit", t.hitPercent(), v -> Fmt.percent(v / 100))));
    } else {
      charts.add(Charts.none("cache-hit", "Cache hit ratio per time bucket", "No call read or"
          + " wrote a cached prefix, so there is no cache hit ratio to show."));
    }
    if (c.rateLimited() > 0) {
      charts.add(Charts.render("rate-limited", Charts.overTime("429 responses per time bucket"
              + idle, "429s", t.millis(), Map.of("429s", t.rateLimited()), false, true),
          t.values("rate-limited", "429s", t.rateLimited(), v -> Fmt.count(Math.round(v)))));
    } else {
      charts.add(Charts.none("rate-limited", "429 responses per time bucket",
          "No call was rate-limited (no 429 response)."));
    }
    List<String> names = new ArrayList<>();
    double[] share = new double[r.profiles().size()];
    List<Page.Row> shareRows = new ArrayList<>();
    for (int i = 0; i < r.profiles().size(); i++) {
      names.add(Charts.label(r.profiles().get(i).id()));
      share[i] = 100 * r.profiles().get(i).shareOfProvider();
      shareRows.add(Page.Row.of(names.get(i), Fmt.count(r.profiles().get(i).calls()),
          Fmt.percent(share[i] / 100)));
    }
    String shareTitle = "Share of its provider's calls per credential";
    charts.add(names.isEmpty() ? Charts.none("profile-utilisation", shareTitle,
        "No credential made a call.") : Charts.render("profile-utilisation", Charts.shareBars(
            shareTitle, names, share), new Page.Table(
                "profile-utilisation", "", List.of("credential", "calls", "share"), shareRows)));
    List<long[]> spans = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
    List<Page.Row> periods = new ArrayList<>();
    for (SimResult.Event e : r.events()) {
      int row = names.indexOf(Charts.label(e.subject()));
      if (row >= 0 && !e.kind().equals("provider-cooldown")) {
        spans.add(new long[] {e.timeMillis(), e.untilMillis(),
            e.kind().equals("billing-disable") ? 1 : 0});
        rowOf.add(row);
        periods.add(Page.Row.of(names.get(row), e.kind(), Fmt.instant(e.timeMillis()),
            Fmt.instant(e.untilMillis())));
      }
    }
    String timelineTitle = "Cooldown (orange) and billing-disable (red) periods per profile";
    charts.add(spans.isEmpty() ? Charts.none("profile-timeline", timelineTitle,
        "No profile was cooled down or billing-disabled.") : Charts.render("profile-timeline",
            Charts.timeline(timelineTitle, names, spans, rowOf, t.start(), t.end()),
            new Page.Table("profile-timeline", "", List.of("profile", "kind", "from", "until"),
                periods)));
    List<Page.Table> tables = new ArrayList<>();
    tables.add(partTable("by-agent", "By agent", "agent", r.byAgent()));
    tables.add(partTable("by-model", "By model", "model", r.byModel()));
    tables.add(partTable("by-profile", "By credential", "credential", r.byProfile()));
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
    return new Page("polpo-check simulate", subtitle, null, r.notes(), List.of(), head, charts,
        tables,
        "The same traces, scenario and seed reproduce this report byte for byte.");
  }

  private static Map<String, Long> costs(Map<String, SimResult.Part> parts) {
    Map<String, Long> m = new LinkedHashMap<>();
    parts.forEach((k, v) -> m.put(Charts.label(k), v.cost().total()));
    return m;
  }

  private static Charts.Rendered bars(String id, String title, Map<String, Long> m) {
    if (m.isEmpty()) {
      return Charts.none(id, title, "No call was replayed.");
    }
    List<String> names = new ArrayList<>();
    double[] v = new double[m.size()];
    List<Page.Row> rows = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Long> e : m.entrySet()) {
      names.add(Charts.label(e.getKey()));
      v[i++] = Fmt.usdChart(e.getValue());
      rows.add(Page.Row.of(Charts.label(e.getKey()), Fmt.usd(e.getValue())));
    }
    return Charts.render(id, Charts.bars(title, "USD", names, v, null, null),
        new Page.Table(id, "", List.of("", "cost"), rows));
  }

  private static Page.Table partTable(String name, String title, String what,
      Map<String, SimResult.Part> m) {
    List<Page.Row> rows = new ArrayList<>();
    List<Page.Row> csv = new ArrayList<>();
    m.forEach((k, p) -> {
      CostBreakdown c = p.cost();
      long writes = c.cacheWrite5m() + c.cacheWrite1h();
      rows.add(Page.Row.of(Charts.label(k), Fmt.count(p.calls()), Fmt.usd(c.total()),
          Fmt.usd(c.input()), Fmt.usd(c.output()), Fmt.usd(writes), Fmt.usd(c.cacheRead())));
      csv.add(Page.Row.of(Charts.label(k), Long.toString(p.calls()), Fmt.csvUsd(c.total()),
          Fmt.csvUsd(c.input()), Fmt.csvUsd(c.output()), Fmt.csvUsd(writes),
          Fmt.csvUsd(c.cacheRead())));
    });
    return new Page.Table(name, title,
        List.of(what, "calls", "total", "input", "output", "cache writes", "cache reads"), rows,
        new Page.Csv(List.of(what, "calls", "cost_total_usd", "cost_input_usd", "cost_output_usd",
            "cost_cache_write_usd", "cost_cache_read_usd"), csv));
  }
}
