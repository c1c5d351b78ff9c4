package dev.polpocheck.cost;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.config.SecretScanner;
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
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a cost report as a text table, JSON ({@code schemas/result.schema.json}) or CSV. Money in
 * JSON and CSV is the exact decimal in USD; the text table rounds to cents for reading and never
 * feeds a sum.
 */
public final class CostOutput {
  private final LedgerReport report;
  private final ReadSummary read;
  private final PriceCatalog catalog;
  private final List<String> paths;
  private final int share1hBasisPoints;
  private final String timezone;
  private final String since;
  private final String until;

  /**
   * A writer for one report.
   *
   * @param report the ledger's result
   * @param read the reader's summary
   * @param catalog the prices used
   * @param paths trace paths as given
   * @param share1hBasisPoints the assumed 1-hour share of unsplit cache writes
   * @param timezone the report's time zone id
   * @param since the first date, or null
   * @param until the last date, or null
   */
  public CostOutput(
      LedgerReport report,
      ReadSummary read,
      PriceCatalog catalog,
      List<String> paths,
      int share1hBasisPoints,
      String timezone,
      String since,
      String until) {
    this.report = report;
    this.read = read;
    this.catalog = catalog;
    this.paths = List.copyOf(paths);
    this.share1hBasisPoints = share1hBasisPoints;
    this.timezone = timezone;
    this.since = since;
    this.until = until;
  }

  /** Calls priced: delivered, inside the date range, with a price. */
  public long priced() {
    return report.total().calls() - report.total().unpriced();
  }

  private BigDecimal share() {
    return BigDecimal.valueOf(share1hBasisPoints, 4).stripTrailingZeros();
  }

  /** The JSON result. */
  public String json(String toolVersion) {
    ObjectNode root =
        ResultEnvelope.create(
            "cost",
            toolVersion,
            paths,
            read,
            priced(),
            report.total().unpriced(),
            report.outsideRange(),
            catalog);
    ObjectNode a = root.putObject("assumptions");
    a.put("assumed1hShare", share());
    a.put("timezone", timezone);
    if (since == null) {
      a.putNull("since");
    } else {
      a.put("since", since);
    }
    if (until == null) {
      a.putNull("until");
    } else {
      a.put("until", until);
    }
    ObjectNode cost = root.putObject("cost");
    cost.put("groupBy", report.by().name().toLowerCase());
    ArrayNode rows = cost.putArray("rows");
    for (LedgerReport.Row r : report.rows()) {
      ObjectNode o = rows.addObject();
      o.put("key", SecretScanner.redact(r.key()));
      if (r.blockStartMillis() >= 0) {
        ObjectNode b = o.putObject("block");
        b.put("start", Instant.ofEpochMilli(r.blockStartMillis()).toString());
        b.put("end", Instant.ofEpochMilli(r.blockEndMillis()).toString());
        b.put("lastCall", Instant.ofEpochMilli(r.lastCallMillis()).toString());
      }
      totals(o, r.totals());
    }
    totals(cost.putObject("total"), report.total());
    ObjectNode un = cost.putObject("unpricedModels");
    report.unpricedModels().forEach((k, v) -> un.put(SecretScanner.redact(k), v));
    return ResultEnvelope.toJson(root);
  }

  private static void totals(ObjectNode o, Totals t) {
    o.put("calls", t.calls());
    o.put("unpricedCalls", t.unpriced());
    if (t.unpricedRecordedCalls() > 0) {
      ObjectNode ur = o.putObject("unpricedRecorded");
      ur.put("calls", t.unpricedRecordedCalls());
      ur.put("costUsd", Money.toUsd(t.unpricedRecordedPicos()));
    }
    ArrayNode m = o.putArray("models");
    t.models().forEach(x -> m.add(SecretScanner.redact(x)));
    ObjectNode tok = o.putObject("tokens");
    tok.put("input", t.input());
    tok.put("output", t.output());
    tok.put("cacheRead", t.cacheRead());
    tok.put("cacheWrite5m", t.cacheWrite5m());
    tok.put("cacheWrite1h", t.cacheWrite1h());
    tok.put("cacheWriteUnsplit", t.cacheWriteUnsplit());
    tok.put("total", t.totalTokens());
    ObjectNode c = o.putObject("costUsd");
    CostBreakdown b = t.cost();
    c.put("input", Money.toUsd(b.input()));
    c.put("output", Money.toUsd(b.output()));
    c.put("cacheWrite5m", Money.toUsd(b.cacheWrite5m()));
    c.put("cacheWrite1h", Money.toUsd(b.cacheWrite1h()));
    c.put("cacheRead", Money.toUsd(b.cacheRead()));
    c.put("total", Money.toUsd(b.total()));
    if (t.recordedCalls() > 0) {
      ObjectNode r = o.putObject("recorded");
      r.put("calls", t.recordedCalls());
      r.put("costUsd", Money.toUsd(t.recordedPicos()));
      r.put("computedUsd", Money.toUsd(t.computedOfRecordedPicos()));
      r.put("differenceUsd", Money.toUsd(t.differencePicos()));
    } else {
      o.putNull("recorded");
    }
  }

  private static final String[] CSV_HEADER = {
    "key",
    "calls",
    "unpriced_calls",
    "input_tokens",
    "output_tokens",
    "cache_read_tokens",
    "cache_write_5m_tokens",
    "cache_write_1h_tokens",
    "cache_write_unsplit_tokens",
    "cost_input_usd",
    "cost_output_usd",
    "cost_cache_write_5m_usd",
    "cost_cache_write_1h_usd",
    "cost_cache_read_usd",
    "cost_total_usd",
    "recorded_calls",
    "recorded_cost_usd",
    "difference_usd",
    "prices",
    "assumed_1h_share"
  };

  /**
   * The CSV table: one row per group, then a "TOTAL" row; money as exact USD decimals; every row
   * names the catalog (with its date) and the assumed 1-hour share, so a CSV file alone says how it
   * was priced.
   */
  public String csv() {
    StringWriter w = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
      for (LedgerReport.Row r : report.rows()) {
        // Escaped as in the table: CSV has no escape for ESC, and the CSV goes to the terminal
        // when no --output is given.
        p.printRecord(
            withContext(csvRow(terminalSafe(SecretScanner.redact(r.key())), r.totals())));
      }
      p.printRecord(withContext(csvRow("TOTAL", report.total())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private List<Object> withContext(List<Object> row) {
    row.add(catalog.name() + "@" + catalog.effectiveDate());
    row.add(share().toPlainString());
    return row;
  }

  private static List<Object> csvRow(String key, Totals t) {
    CostBreakdown b = t.cost();
    List<Object> l = new ArrayList<>();
    l.add(key);
    l.add(t.calls());
    l.add(t.unpriced());
    l.add(t.input());
    l.add(t.output());
    l.add(t.cacheRead());
    l.add(t.cacheWrite5m());
    l.add(t.cacheWrite1h());
    l.add(t.cacheWriteUnsplit());
    for (long v :
        new long[] {
          b.input(), b.output(), b.cacheWrite5m(), b.cacheWrite1h(), b.cacheRead(), b.total()
        }) {
      l.add(Money.toUsd(v).toPlainString());
    }
    l.add(t.recordedCalls());
    l.add(t.recordedCalls() > 0 ? Money.toUsd(t.recordedPicos()).toPlainString() : "");
    l.add(t.recordedCalls() > 0 ? Money.toUsd(t.differencePicos()).toPlainString() : "");
    return l;
  }

  /** The human table with the catalog, the assumptions and the read counts underneath. */
  public String text() {
    boolean recorded = report.total().recordedCalls() > 0;
    List<String[]> rows = new ArrayList<>();
    List<String> head =
        new ArrayList<>(
            List.of(
                report.by().name().toLowerCase(),
                "calls",
                "input",
                "output",
                "cache write 5m",
                "cache write 1h",
                "cache write ?",
                "cache read",
                "cost USD"));
    if (recorded) {
      head.add("recorded USD");
      head.add("difference");
    }
    rows.add(head.toArray(new String[0]));
    for (LedgerReport.Row r : report.rows()) {
      rows.add(textRow(terminalSafe(SecretScanner.redact(r.key())), r.totals(), recorded));
    }
    rows.add(textRow("TOTAL", report.total(), recorded));
    int[] width = new int[head.size()];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < rows.size(); k++) {
      String[] r = rows.get(k);
      if (k == rows.size() - 1) {
        sb.append(rule(width)).append('\n');
      }
      for (int i = 0; i < r.length; i++) {
        String cell = i == 0 ? pad(r[i], width[i], false) : pad(r[i], width[i], true);
        sb.append(i == 0 ? "" : "  ").append(cell);
      }
      sb.append('\n');
      if (k == 0) {
        sb.append(rule(width)).append('\n');
      }
    }
    long priced = priced();
    sb.append('\n')
        .append("prices: ")
        .append(catalog.name())
        .append(" (")
        .append(catalog.describeDates())
        .append(
            catalog.warnings().isEmpty()
                ? ""
                : "; "
                    + catalog.warnings().size()
                    + " rate(s) break Anthropic's multipliers, see 'polpo-check prices list"
                    + " --prices "
                    + catalog.name()
                    + "'")
        .append(")\n")
        .append("assumed 1-hour share of unsplit cache writes (\"cache write ?\"): ")
        .append(share().toPlainString())
        .append(" (--assume-1h-share)\n")
        .append("time zone: ")
        .append(timezone);
    if (since != null || until != null) {
      sb.append(", dates ")
          .append(since == null ? "..." : since)
          .append(" to ")
          .append(until == null ? "..." : until);
    }
    sb.append('\n')
        .append("records: ")
        .append(read.records())
        .append(" read, ")
        .append(priced)
        .append(" priced, ")
        .append(report.total().unpriced())
        .append(" unpriced, ")
        .append(read.skipped())
        .append(" skipped, ")
        .append(read.deduplicated())
        .append(" deduplicated");
    if (report.outsideRange() > 0) {
      sb.append(", ").append(report.outsideRange()).append(" outside the dates");
    }
    if (read.withoutUsage() > 0) {
      sb.append("; ")
          .append(read.withoutUsage())
          .append(" call(s) recorded without usage, not priced");
    }
    if (read.nullUsage() > 0 || read.synthetic() > 0) {
      sb.append("; not calls: ")
          .append(read.nullUsage())
          .append(" line(s) with usage null, ")
          .append(read.synthetic())
          .append(" <synthetic> message(s)");
    }
    sb.append(" (").append(read.files()).append(" files)\n");
    for (Map.Entry<String, Long> e : report.unpricedModels().entrySet()) {
      sb.append("no price for ")
          .append(terminalSafe(SecretScanner.redact(e.getKey())))
          .append(" in '")
          .append(catalog.name())
          .append("': ")
          .append(e.getValue())
          .append(" call(s) counted without cost\n");
    }
    if (report.total().unpricedRecordedCalls() > 0) {
      sb.append("the traces recorded ")
          .append(usd(report.total().unpricedRecordedPicos()))
          .append(" USD for ")
          .append(report.total().unpricedRecordedCalls())
          .append(" of the unpriced call(s) (costUSD; not in the computed total)\n");
    }
    int shown = 0;
    for (TraceProblem p : read.problems()) {
      if (shown++ == 10) {
        break;
      }
      sb.append("warning: ").append(terminalSafe(p.toString())).append('\n');
    }
    if (read.problemCount() > Math.min(10, read.problems().size())) {
      sb.append("... ")
          .append(read.problemCount() - Math.min(10, read.problems().size()))
          .append(" more problem(s); --format json lists up to ")
          .append(ReadSummary.MAX_PROBLEMS)
          .append('\n');
    }
    return sb.toString();
  }

  private static String[] textRow(String key, Totals t, boolean recorded) {
    List<String> l =
        new ArrayList<>(
            List.of(
                key,
                n(t.calls()),
                n(t.input()),
                n(t.output()),
                n(t.cacheWrite5m()),
                n(t.cacheWrite1h()),
                n(t.cacheWriteUnsplit()),
                n(t.cacheRead()),
                usd(t.cost().total())));
    if (recorded) {
      l.add(t.recordedCalls() > 0 ? usd(t.recordedPicos()) : "");
      l.add(
          t.recordedCalls() > 0
              ? Money.toUsd(t.differencePicos()).setScale(6, RoundingMode.HALF_EVEN).toPlainString()
              : "");
    }
    return l.toArray(new String[0]);
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  private static String usd(long picos) {
    return String.format(
        Locale.ROOT, "%,.2f", Money.toUsd(picos).setScale(2, RoundingMode.HALF_EVEN));
  }

  private static String pad(String s, int w, boolean right) {
    String fill = " ".repeat(w - s.length());
    return right ? fill + s : s + fill;
  }

  private static String rule(int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
    }
    return sb.toString();
  }

  /**
   * Text for the terminal table: control characters read from a trace (a newline or an escape
   * sequence in a session id) are shown as Java escapes ({@code \\u001b} for ESC), so they can
   * neither forge table lines nor drive the terminal. The CSV uses it too; JSON escapes them itself.
   */
  static String terminalSafe(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
      if (control && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (control) {
          sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
