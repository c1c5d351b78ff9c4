package dev.polpocheck.sim;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.cost.Money;
import dev.polpocheck.cost.ResultEnvelope;
import dev.polpocheck.trace.ReadSummary;
import dev.polpocheck.trace.TraceProblem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link SimResult} as text, JSON (the result envelope of {@code
 * schemas/result.schema.json} plus a {@code simulation} object) or CSV (one row per group). Money
 * is printed in USD from exact picodollars; times as ISO-8601 UTC. Output depends only on the
 * result, so equal runs print equal bytes.
 */
public final class SimOutput {
  private final SimResult r;
  private final ReadSummary read;
  private final PriceCatalog catalog;
  private final List<String> paths;
  private final int assumed1hShareBasisPoints;

  /**
   * An output of {@code result} for the traces {@code paths} read as {@code read}.
   *
   * @param assumed1hShareBasisPoints the share of unsplit recorded writes priced as 1-hour writes
   */
  public SimOutput(
      SimResult result,
      ReadSummary read,
      PriceCatalog catalog,
      List<String> paths,
      int assumed1hShareBasisPoints) {
    this.r = result;
    this.read = read;
    this.catalog = catalog;
    this.paths = List.copyOf(paths);
    this.assumed1hShareBasisPoints = assumed1hShareBasisPoints;
  }

  /** The JSON document. */
  public String json(String toolVersion) {
    ObjectNode root =
        ResultEnvelope.create(
            "simulate",
            toolVersion,
            paths,
            read,
            r.counts().ok() - r.counts().unpricedCalls(),
            r.counts().unpricedCalls(),
            0,
            catalog);
    ObjectNode assumptions = root.putObject("assumptions");
    assumptions.put("assumed1hShare", BigDecimal.valueOf(assumed1hShareBasisPoints, 4));
    assumptions(assumptions.putArray("replay"));
    ObjectNode s = root.putObject("simulate");
    s.put("seed", r.seed());
    s.put("selector", r.selector());
    s.set("scenario", ScenarioFiles.toJson(r.scenario()));
    ObjectNode c = s.putObject("calls");
    SimResult.Counts n = r.counts();
    c.put("in", n.callsIn());
    c.put("ok", n.ok());
    c.put("failed", n.failed());
    c.put("notRun", n.notRun());
    c.put("attempts", n.attempts());
    c.put("rateLimited", n.rateLimited());
    c.put("sdkRetries", n.sdkRetries());
    c.put("polpoRetries", n.polpoRetries());
    c.put("rotationsOnError", n.rotationsOnError());
    c.put("fallbacks", n.fallbacks());
    c.put("billingRejections", n.billingRejections());
    c.put("noCredential", n.noCredential());
    c.put("oversizedRequests", n.oversizedRequests());
    c.put("unpriced", n.unpricedCalls());
    c.put("overloaded", n.overloaded());
    tokens(s.putObject("tokens"), r.tokens());
    cost(s.putObject("cost"), r.cost());
    s.put("polpoRecordedCostUsd", Money.toUsd(r.polpoCostPicos()));
    s.put("costWithoutCacheUsd", Money.toUsd(r.costWithoutCachePicos()));
    s.put("cacheSavingsUsd", Money.toUsd(r.cacheSavingsPicos()));
    if (r.rotation() == null) {
      s.putNull("rotationCacheCost");
    } else {
      ObjectNode rc = s.putObject("rotationCacheCost");
      rc.put("stickyCostUsd", Money.toUsd(r.rotation().stickyCostPicos()));
      rc.put("differenceUsd", Money.toUsd(r.rotation().differencePicos()));
      rc.put("stickyCacheReadTokens", r.rotation().stickyCacheReadTokens());
      rc.put("stickyCacheWriteTokens", r.rotation().stickyCacheWriteTokens());
      rc.put("stickyOkCalls", r.rotation().stickyOkCalls());
    }
    groups(s.putObject("byAgent"), r.byAgent());
    groups(s.putObject("byModel"), r.byModel());
    groups(s.putObject("byProfile"), r.byProfile());
    groups(s.putObject("byOrganisation"), r.byOrganisation());
    ObjectNode d = s.putObject("delays");
    d.put("p50Ms", r.delays().p50Millis());
    d.put("p95Ms", r.delays().p95Millis());
    d.put("p99Ms", r.delays().p99Millis());
    d.put("maxMs", r.delays().maxMillis());
    d.put("totalMs", r.delays().totalMillis());
    d.put("delayedCalls", r.delays().delayedCalls());
    d.put("noUsableProfileMs", r.delays().noUsableProfileMillis());
    ArrayNode ev = s.putArray("events");
    for (SimResult.Event e : r.events()) {
      ObjectNode o = ev.addObject();
      o.put("time", Instant.ofEpochMilli(e.timeMillis()).toString());
      o.put("kind", e.kind());
      o.put("subject", e.subject());
      o.put("reason", e.reason());
      o.put("until", Instant.ofEpochMilli(e.untilMillis()).toString());
    }
    s.put("eventCount", r.eventCount());
    ArrayNode prof = s.putArray("profiles");
    for (SimResult.ProfileUse p : r.profiles()) {
      ObjectNode o = prof.addObject();
      o.put("id", p.id());
      o.put("provider", p.provider());
      o.put("organisation", p.organisation());
      o.put("calls", p.calls());
      o.put("shareOfProvider", share(p.shareOfProvider()));
      o.put("rateLimited", p.rateLimited());
      o.put("cooldowns", p.cooldowns());
      o.put("billingDisables", p.billingDisables());
      o.put("costUsd", Money.toUsd(p.cost().total()));
    }
    ArrayNode series = s.putArray("series");
    for (SimResult.Bucket b : r.series()) {
      ObjectNode o = series.addObject();
      o.put("start", Instant.ofEpochMilli(b.startMillis()).toString());
      o.put("calls", b.calls());
      o.put("costUsd", Money.toUsd(b.costPicos()));
      o.put("cacheReadTokens", b.cacheReadTokens());
      o.put("cacheWriteTokens", b.cacheWriteTokens());
      o.put("rateLimited", b.rateLimited());
    }
    if (r.fidelity() == null) {
      s.putNull("fidelity");
    } else {
      ObjectNode f = s.putObject("fidelity");
      f.put("callsCompared", r.fidelity().callsCompared());
      f.put("recordedReadTokens", r.fidelity().recordedReadTokens());
      f.put("simulatedReadTokens", r.fidelity().simulatedReadTokens());
      f.put("absoluteErrorTokens", r.fidelity().absoluteErrorTokens());
      f.put("relativeError", share(r.fidelity().relativeError()));
      f.put("recordedWriteTokens", r.fidelity().recordedWriteTokens());
      f.put("simulatedWriteTokens", r.fidelity().simulatedWriteTokens());
    }
    ObjectNode sp = s.putObject("systemPrefixTokens");
    r.systemPrefixTokens().forEach(sp::put);
    ArrayNode notes = s.putArray("notes");
    r.notes().forEach(notes::add);
    return ResultEnvelope.toJson(root);
  }

  /** The human summary. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    SimResult.Counts n = r.counts();
    Scenario sc = r.scenario();
    sb.append("simulate: ")
        .append(sc.variant().id())
        .append(", rotation ")
        .append(sc.rotation().name().toLowerCase())
        .append(", ")
        .append(sc.profiles().isEmpty() ? "environment keys" : sc.profiles().size() + " profile(s)")
        .append(", cache ")
        .append(sc.cache().asRecorded() ? "as recorded" : sc.cache().retention())
        .append(", seed ")
        .append(r.seed())
        .append('\n');
    sb.append("calls: ")
        .append(n.callsIn())
        .append(" in, ")
        .append(n.ok())
        .append(" ok, ")
        .append(n.failed())
        .append(" failed, ")
        .append(n.notRun())
        .append(" not run; ")
        .append(n.rateLimited())
        .append(" 429s, ")
        .append(n.sdkRetries() + n.polpoRetries())
        .append(" retries\n");
    sb.append("cost: ")
        .append(format(r.cost().total()))
        .append(" (input ")
        .append(Money.format(r.cost().input()))
        .append(", output ")
        .append(Money.format(r.cost().output()))
        .append(", 5m writes ")
        .append(Money.format(r.cost().cacheWrite5m()))
        .append(", 1h writes ")
        .append(Money.format(r.cost().cacheWrite1h()))
        .append(", reads ")
        .append(Money.format(r.cost().cacheRead()))
        .append(")\n");
    sb.append("Polpo's own costUsd would say: ")
        .append(format(r.polpoCostPicos()))
        .append(" (pi-ai formula and catalog)\n");
    sb.append("without caching: ")
        .append(Money.format(r.costWithoutCachePicos()))
        .append("; cache savings ")
        .append(format(r.cacheSavingsPicos()))
        .append('\n');
    if (r.rotation() != null) {
      sb.append("cache cost of rotation: ")
          .append(format(r.rotation().differencePicos()))
          .append(" (sticky would cost ")
          .append(format(r.rotation().stickyCostPicos()))
          .append(
              r.rotation().stickyOkCalls() == n.ok()
                  ? ""
                  : " but run " + r.rotation().stickyOkCalls() + " calls instead of " + n.ok())
          .append(")\n");
    }
    sb.append("added delay per call: p50 ")
        .append(r.delays().p50Millis())
        .append(" ms, p95 ")
        .append(r.delays().p95Millis())
        .append(" ms, p99 ")
        .append(r.delays().p99Millis())
        .append(" ms, max ")
        .append(r.delays().maxMillis())
        .append(" ms; no usable profile for ")
        .append(r.delays().noUsableProfileMillis())
        .append(" ms\n");
    if (r.fidelity() != null) {
      sb.append("cache fidelity: simulated reads ")
          .append(r.fidelity().simulatedReadTokens())
          .append(" vs recorded ")
          .append(r.fidelity().recordedReadTokens())
          .append(" (")
          .append(share(r.fidelity().relativeError() * 100).toPlainString())
          .append(" %) over ")
          .append(r.fidelity().callsCompared())
          .append(" calls\n");
    }
    table(sb, "model", r.byModel());
    table(sb, "profile", r.byProfile());
    if (r.byAgent().size() > 1) {
      table(sb, "agent", r.byAgent());
    }
    sb.append("\nevents: ").append(r.eventCount());
    int shown = 0;
    for (SimResult.Event e : r.events()) {
      if (shown++ == 20) {
        sb.append("\n  ... (all in --format json)");
        break;
      }
      sb.append("\n  ")
          .append(Instant.ofEpochMilli(e.timeMillis()))
          .append(' ')
          .append(e.kind())
          .append(' ')
          .append(e.subject())
          .append(" (")
          .append(e.reason())
          .append(") until ")
          .append(Instant.ofEpochMilli(e.untilMillis()));
    }
    sb.append('\n');
    for (String note : r.notes()) {
      sb.append("note: ").append(note).append('\n');
    }
    sb.append("records: ")
        .append(read.records())
        .append(" read, ")
        .append(read.calls())
        .append(" replayed, ")
        .append(read.skipped())
        .append(" skipped, ")
        .append(read.deduplicated())
        .append(" deduplicated");
    if (read.withoutUsage() > 0) {
      sb.append("; ").append(read.withoutUsage()).append(" call(s) recorded without usage");
    }
    sb.append('\n');
    int listed = 0;
    for (TraceProblem p : read.problems()) {
      if (listed++ == 10) {
        break;
      }
      sb.append("  ").append(p).append('\n');
    }
    if (read.problemCount() > Math.min(10, read.problems().size())) {
      sb.append("  ... ")
          .append(read.problemCount() - Math.min(10, read.problems().size()))
          .append(" more problem(s) in --format json\n");
    }
    sb.append("prices: ")
        .append(catalog.name())
        .append(" (effective ")
        .append(catalog.effectiveDate())
        .append(")\n");
    return sb.toString();
  }

  /** One CSV row per group (agent, model, profile, organisation) and a total row. */
  public String csv() {
    StringWriter out = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setRecordSeparator("\n")
                .setHeader(
                    "group",
                    "key",
                    "calls",
                    "input",
                    "output",
                    "cache_read",
                    "cache_write_5m",
                    "cache_write_1h",
                    "cost_input_usd",
                    "cost_output_usd",
                    "cost_write_5m_usd",
                    "cost_write_1h_usd",
                    "cost_read_usd",
                    "cost_usd")
                .get())) {
      row(p, "total", "", new SimResult.Part(r.counts().ok(), r.tokens(), r.cost()));
      for (Map.Entry<String, Map<String, SimResult.Part>> g :
          List.of(
              Map.entry("agent", r.byAgent()), Map.entry("model", r.byModel()),
              Map.entry("profile", r.byProfile()), Map.entry("organisation", r.byOrganisation()))) {
        for (Map.Entry<String, SimResult.Part> e : g.getValue().entrySet()) {
          row(p, g.getKey(), e.getKey(), e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void row(CSVPrinter p, String group, String key, SimResult.Part part)
      throws IOException {
    SimResult.Tokens t = part.tokens();
    CostBreakdown c = part.cost();
    p.printRecord(
        group,
        key,
        part.calls(),
        t.input(),
        t.output(),
        t.cacheRead(),
        t.cacheWrite5m(),
        t.cacheWrite1h(),
        usd(c.input()),
        usd(c.output()),
        usd(c.cacheWrite5m()),
        usd(c.cacheWrite1h()),
        usd(c.cacheRead()),
        usd(c.total()));
  }

  private void assumptions(ArrayNode a) {
    a.add(
        "calls replayed in recorded start order, a session's calls one after another, each"
            + " session shifted by the delay it accumulated; arrival times compressed "
            + r.scenario().timing().compression()
            + "x");
    a.add(
        "Polpo sends max_tokens = the model's output limit: that much OTPM is reserved per"
            + " request and the unused part returned when the response ends");
    a.add("a cache entry is readable by requests starting after the request that wrote it");
    a.add(
        "a call's prompt extends the previous call's prompt in its session; the shared system"
            + " prefix per agent is "
            + (r.scenario().cache().systemPrefixTokens() < 0
                ? "estimated from the traces (median first-call cache read)"
                : "set by the scenario"));
    a.add("a 429 or billing error costs nothing; a failed call's tokens are not priced");
  }

  private static void table(StringBuilder sb, String title, Map<String, SimResult.Part> parts) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {title, "calls", "input", "output", "cache read", "cache write", "cost"});
    for (Map.Entry<String, SimResult.Part> e : parts.entrySet()) {
      SimResult.Tokens t = e.getValue().tokens();
      rows.add(
          new String[] {
            e.getKey(),
            Long.toString(e.getValue().calls()),
            Long.toString(t.input()),
            Long.toString(t.output()),
            Long.toString(t.cacheRead()),
            Long.toString(t.cacheWrite5m() + t.cacheWrite1h()),
            Money.format(e.getValue().cost().total())
          });
    }
    int[] w = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    sb.append('\n');
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        String pad = " ".repeat(w[i] - cell.length());
        sb.append(i == 0 ? "" : "  ").append(i == 0 ? cell + pad : pad + cell);
      }
      sb.append('\n');
    }
  }

  private static void tokens(ObjectNode o, SimResult.Tokens t) {
    o.put("input", t.input());
    o.put("output", t.output());
    o.put("cacheRead", t.cacheRead());
    o.put("cacheWrite5m", t.cacheWrite5m());
    o.put("cacheWrite1h", t.cacheWrite1h());
  }

  private static void cost(ObjectNode o, CostBreakdown b) {
    o.put("input", Money.toUsd(b.input()));
    o.put("output", Money.toUsd(b.output()));
    o.put("cacheWrite5m", Money.toUsd(b.cacheWrite5m()));
    o.put("cacheWrite1h", Money.toUsd(b.cacheWrite1h()));
    o.put("cacheRead", Money.toUsd(b.cacheRead()));
    o.put("total", Money.toUsd(b.total()));
  }

  private static void groups(ObjectNode o, Map<String, SimResult.Part> parts) {
    for (Map.Entry<String, SimResult.Part> e : parts.entrySet()) {
      ObjectNode g = o.putObject(e.getKey());
      g.put("calls", e.getValue().calls());
      tokens(g.putObject("tokens"), e.getValue().tokens());
      cost(g.putObject("cost"), e.getValue().cost());
    }
  }

  /** Money.format with the sign in front of the dollar ("-$1.8640"). */
  private static String format(long picos) {
    return picos < 0 ? "-" + Money.format(-picos) : Money.format(picos);
  }

  private static String usd(long picos) {
    return Money.toUsd(picos).toPlainString();
  }

  /** A ratio with 6 decimals (printing a double directly is not stable across formats). */
  private static BigDecimal share(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN);
  }
}
