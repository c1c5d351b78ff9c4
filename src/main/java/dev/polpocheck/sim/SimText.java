package dev.polpocheck.sim;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.Money;
import dev.polpocheck.trace.ReadSummary;
import dev.polpocheck.trace.TraceProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The human summary of a {@link SimResult}: headline figures, tables by group, notes. */
final class SimText {
  private final SimResult r;
  private final ReadSummary read;
  private final PriceCatalog catalog;

  SimText(SimResult r, ReadSummary read, PriceCatalog catalog) {
    this.r = r;
    this.read = read;
    this.catalog = catalog;
  }

  /** The human summary. */
  String text() {
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
          .append(SimOutput.share(r.fidelity().relativeError() * 100).toPlainString())
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
        .append(" (")
        .append(catalog.describeDates())
        .append(")\n");
    return sb.toString();
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

  /** Money.format with the sign in front of the dollar ("-$1.8640"). */
  private static String format(long picos) {
    return picos < 0 ? "-" + Money.format(-picos) : Money.format(picos);
  }
}
