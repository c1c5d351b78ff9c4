package dev.polpocheck.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import dev.polpocheck.trace.ReadSummary;
import dev.polpocheck.trace.TraceFormat;
import dev.polpocheck.trace.TraceProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three forms of a cost report — text table, JSON and CSV — for one small workload whose every
 * number is worked out by hand below, so each token total, each cost category, the recorded
 * comparison, the read counts and the terminal escaping are visible in the output.
 *
 * <p>Workload (grouped by session, UTC, since 2026-10-01, 1-hour share of unsplit writes 25 %):
 *
 * <ul>
 *   <li>s1: claude-sonnet-4-5, 1000 input, 200 output, 5000 cache read, 300 5-minute writes, 400
 *       1-hour writes, 800 unsplit writes; recorded $0.015.
 *   <li>a session id holding ESC [2J (clear screen), model acme:mystery-1 (no price): 7 input, 3
 *       output.
 *   <li>one s1 call on 2026-09-30 23:59:59 UTC, before --since: counted as outside the dates.
 * </ul>
 *
 * <p>Sonnet 4.5 list prices (platform.claude.com/docs/en/about-claude/pricing): $3 input, $15
 * output, $3.75 5-minute write, $6 1-hour write, $0.30 read per million tokens = 3,000,000,
 * 15,000,000, 3,750,000, 6,000,000 and 300,000 picodollars per token. The 800 unsplit writes split
 * as round(800 x 0.25) = 200 at the 1-hour rate and 600 at the 5-minute rate, so s1 costs:
 * input 1000 x 3e6 = 3.0e9; output 200 x 15e6 = 3.0e9; 5m (300 + 600) x 3.75e6 = 3.375e9; 1h (400
 * + 200) x 6e6 = 3.6e9; read 5000 x 3e5 = 1.5e9; total 14.475e9 pp = $0.014475. Against the
 * recorded $0.015 the difference is 0.014475 - 0.015 = -$0.000525.
 */
class CostOutputTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String ESC_SESSION = "s2\u001b[2J";
  private static final PriceCatalog CATALOG = PriceCatalog.builtin("anthropic");

  private static Call call(
      String iso,
      String session,
      String provider,
      String model,
      long in,
      long out,
      long read,
      long w5m,
      long w1h,
      long unsplit,
      long recordedPicos) {
    return new Call(
        Instant.parse(iso).toEpochMilli(),
        session,
        "dev",
        CallerRole.AGENT,
        provider,
        model,
        in,
        out,
        read,
        w5m,
        w1h,
        unsplit,
        null,
        CallStatus.OK,
        -1,
        recordedPicos,
        false);
  }

  private static CostOutput output() {
    Ledger l =
        new Ledger(CATALOG, GroupBy.SESSION, ZoneId.of("UTC"), LocalDate.of(2026, 10, 1), null, 2500);
    l.accept(
        call(
            "2026-10-01T10:00:00Z",
            "s1",
            "anthropic",
            "claude-sonnet-4-5",
            1000,
            200,
            5000,
            300,
            400,
            800,
            15_000_000_000L));
    l.accept(call("2026-10-01T11:00:00Z", ESC_SESSION, "acme", "mystery-1", 7, 3, 0, 0, 0, 0, -1));
    l.accept(
        call("2026-09-30T23:59:59Z", "s1", "anthropic", "claude-sonnet-4-5", 1, 1, 0, 0, 0, 0, -1));
    ReadSummary read =
        new ReadSummary(
            1,
            Map.of(TraceFormat.NATIVE, 1L),
            5,
            3,
            1,
            1,
            2,
            1,
            List.of(new TraceProblem("t.jsonl", 4, "bad \u0007 bell")),
            0,
            0);
    return new CostOutput(
        l.report(), read, CATALOG, List.of("t.jsonl"), 2500, "UTC", "2026-10-01", null);
  }

  @Test
  void text_tableRowsTotalsAndFooter_asWorkedOut() {
    String[] lines = output().text().split("\n", -1);
    // Column widths are the widest cell: the escaped session id "s2\u001b[2J" is 11 characters,
    // the headers are wider than every number; the first column is left-aligned, the rest right.
    String f = "%-11s  %5s  %5s  %6s  %14s  %14s  %13s  %10s  %8s  %12s  %10s";
    assertEquals(
        String.format(
            Locale.ROOT,
            f,
            "session",
            "calls",
            "input",
            "output",
            "cache write 5m",
            "cache write 1h",
            "cache write ?",
            "cache read",
            "cost USD",
            "recorded USD",
            "difference"),
        lines[0]);
    String rule =
        String.join(
            "  ",
            "-".repeat(11),
            "-".repeat(5),
            "-".repeat(5),
            "-".repeat(6),
            "-".repeat(14),
            "-".repeat(14),
            "-".repeat(13),
            "-".repeat(10),
            "-".repeat(8),
            "-".repeat(12),
            "-".repeat(10));
    assertEquals(rule, lines[1]);
    // $0.014475 shows as 0.01 and the recorded $0.015 as 0.02 (cents, half-even: 1 is odd).
    assertEquals(
        String.format(
            Locale.ROOT,
            f,
            "s1",
            "1",
            "1,000",
            "200",
            "300",
            "400",
            "800",
            "5,000",
            "0.01",
            "0.02",
            "-0.000525"),
        lines[2]);
    assertEquals(
        String.format(
            Locale.ROOT, f, "s2\\u001b[2J", "1", "7", "3", "0", "0", "0", "0", "0.00", "", ""),
        lines[3]);
    assertEquals(rule, lines[4]);
    assertEquals(
        String.format(
            Locale.ROOT,
            f,
            "TOTAL",
            "2",
            "1,007",
            "203",
            "300",
            "400",
            "800",
            "5,000",
            "0.01",
            "0.02",
            "-0.000525"),
        lines[5]);
    assertEquals("", lines[6]);
    assertTrue(lines[7].startsWith("prices: anthropic (effective "), lines[7]);
    assertEquals(
        "assumed 1-hour share of unsplit cache writes (\"cache write ?\"): 0.25"
            + " (--assume-1h-share)",
        lines[8]);
    assertEquals("time zone: UTC, dates 2026-10-01 to ...", lines[9]);
    // 2 delivered calls in the dates - 1 without a price = 1 priced.
    assertEquals(
        "records: 5 read, 1 priced, 1 unpriced, 1 skipped, 1 deduplicated, 1 outside the dates;"
            + " 2 call(s) recorded without usage, not priced (1 files)",
        lines[10]);
    assertEquals(
        "no price for acme:mystery-1 in 'anthropic': 1 call(s) counted without cost", lines[11]);
    assertEquals("warning: t.jsonl:4: bad \\u0007 bell", lines[12]);
    assertEquals("", lines[13]);
    assertEquals(14, lines.length);
  }

  @Test
  void text_moreProblemsThanShown_saysHowManyMoreAndWhereToFindThem() {
    Ledger l = new Ledger(CATALOG, GroupBy.DAY, ZoneId.of("UTC"), null, null, 0);
    List<TraceProblem> twelve =
        java.util.stream.IntStream.rangeClosed(1, 12)
            .mapToObj(i -> new TraceProblem("t.jsonl", i, "bad " + i))
            .toList();
    ReadSummary read = new ReadSummary(1, Map.of(), 12, 0, 0, 12, 0, 15, twelve, 0, 0);
    String text =
        new CostOutput(l.report(), read, CATALOG, List.of("t.jsonl"), 0, "UTC", null, "2026-12-31")
            .text();
    // 10 of the 12 kept problems are printed; 15 counted - 10 shown = 5 more.
    assertTrue(text.contains("warning: t.jsonl:10: bad 10\n"), text);
    assertTrue(!text.contains("t.jsonl:11:"), text);
    assertTrue(text.contains("\n... 5 more problem(s); --format json lists up to 200\n"), text);
    assertTrue(text.contains("time zone: UTC, dates ... to 2026-12-31\n"), text);
    // No recorded cost anywhere: no recorded columns; nothing outside the dates, none without usage.
    assertTrue(text.startsWith("day    calls  input  output"), text); // "TOTAL" is 5 wide
    assertTrue(text.contains("\nrecords: 12 read, 0 priced, 0 unpriced, 12 skipped, 0 deduplicated (1 files)\n"), text);
  }

  @Test
  void json_everyTokenTotalCostCategoryAndCount_asWorkedOut() throws Exception {
    JsonNode root = MAPPER.readTree(output().json("9.9"));
    assertEquals("cost", root.path("command").asString());
    assertEquals("9.9", root.path("tool").path("version").asString());
    JsonNode a = root.path("assumptions");
    assertDecimal("0.25", a.path("assumed1hShare"));
    assertEquals("UTC", a.path("timezone").asString());
    assertEquals("2026-10-01", a.path("since").asString());
    assertTrue(a.path("until").isNull());
    JsonNode rec = root.path("inputs").path("records");
    assertEquals(5, rec.path("read").asLong());
    assertEquals(1, rec.path("priced").asLong());
    assertEquals(1, rec.path("unpriced").asLong());
    assertEquals(1, rec.path("skipped").asLong());
    assertEquals(1, rec.path("deduplicated").asLong());
    assertEquals(2, rec.path("withoutUsage").asLong());
    assertEquals(1, rec.path("outsideRange").asLong());
    assertEquals(1, root.path("inputs").path("formats").path("polpo-check").asLong());
    assertEquals(
        "t.jsonl:4: bad \u0007 bell", root.path("inputs").path("problems").get(0).asString());

    JsonNode cost = root.path("cost");
    assertEquals("session", cost.path("groupBy").asString());
    JsonNode s1 = cost.path("rows").get(0);
    assertEquals("s1", s1.path("key").asString());
    assertTrue(s1.path("block").isMissingNode());
    JsonNode tok = s1.path("tokens");
    assertEquals(1000, tok.path("input").asLong());
    assertEquals(200, tok.path("output").asLong());
    assertEquals(5000, tok.path("cacheRead").asLong());
    assertEquals(300, tok.path("cacheWrite5m").asLong());
    assertEquals(400, tok.path("cacheWrite1h").asLong());
    assertEquals(800, tok.path("cacheWriteUnsplit").asLong());
    assertEquals(1000 + 200 + 5000 + 300 + 400 + 800, tok.path("total").asLong());
    JsonNode usd = s1.path("costUsd");
    assertDecimal("0.003", usd.path("input"));
    assertDecimal("0.003", usd.path("output"));
    assertDecimal("0.003375", usd.path("cacheWrite5m"));
    assertDecimal("0.0036", usd.path("cacheWrite1h"));
    assertDecimal("0.0015", usd.path("cacheRead"));
    assertDecimal("0.014475", usd.path("total"));
    JsonNode recorded = s1.path("recorded");
    assertEquals(1, recorded.path("calls").asLong());
    assertDecimal("0.015", recorded.path("costUsd"));
    assertDecimal("0.014475", recorded.path("computedUsd"));
    assertDecimal("-0.000525", recorded.path("differenceUsd"));
    assertEquals("[\"claude-sonnet-4-5\"]", s1.path("models").toString());

    JsonNode s2 = cost.path("rows").get(1);
    assertEquals(ESC_SESSION, s2.path("key").asString(), "JSON quotes control characters");
    assertTrue(s2.path("recorded").isNull());
    assertEquals(1, s2.path("unpricedCalls").asLong());
    assertDecimal("0", s2.path("costUsd").path("total"));

    JsonNode total = cost.path("total");
    assertEquals(2, total.path("calls").asLong());
    assertEquals(1, total.path("unpricedCalls").asLong());
    assertEquals(1007, total.path("tokens").path("input").asLong());
    assertEquals(203, total.path("tokens").path("output").asLong());
    assertEquals(7700 + 10, total.path("tokens").path("total").asLong());
    assertEquals(1, cost.path("unpricedModels").path("acme:mystery-1").asLong());
  }

  @Test
  void csv_rowsAndTotal_exactDecimalsWithCatalogAndShare() {
    String prices = CATALOG.name() + "@" + CATALOG.effectiveDate();
    String[] lines = output().csv().split("\r\n", -1);
    assertEquals(
        "key,calls,unpriced_calls,input_tokens,output_tokens,cache_read_tokens,"
            + "cache_write_5m_tokens,cache_write_1h_tokens,cache_write_unsplit_tokens,"
            + "cost_input_usd,cost_output_usd,cost_cache_write_5m_usd,cost_cache_write_1h_usd,"
            + "cost_cache_read_usd,cost_total_usd,recorded_calls,recorded_cost_usd,difference_usd,"
            + "prices,assumed_1h_share",
        lines[0]);
    assertEquals(
        "s1,1,0,1000,200,5000,300,400,800,0.003,0.003,0.003375,0.0036,0.0015,0.014475,1,0.015,"
            + "-0.000525,"
            + prices
            + ",0.25",
        lines[1]);
    // CSV has no escape for ESC and goes to the terminal without --output: escaped as in the table.
    assertEquals("s2\\u001b[2J,1,1,7,3,0,0,0,0,0,0,0,0,0,0,0,,," + prices + ",0.25", lines[2]);
    assertEquals(
        "TOTAL,2,1,1007,203,5000,300,400,800,0.003,0.003,0.003375,0.0036,0.0015,0.014475,1,0.015,"
            + "-0.000525,"
            + prices
            + ",0.25",
        lines[3]);
    assertEquals("", lines[4]);
  }

  @Test
  void terminalSafe_escapesC0DelAndC1ControlsOnly() {
    // C0 (U+0000..U+001F), DEL (U+007F) and C1 (U+0080..U+009F) are escaped; their neighbours
    // space (U+0020), '~' (U+007E) and U+00A0 (no-break space) are printed as they are.
    assertEquals(
        "a\\u0000\\u001f \\u007f~\\u0080\\u009f\u00a0z",
        CostOutput.terminalSafe("a\u0000\u001f \u007f~\u0080\u009f\u00a0z"));
    assertEquals("plain", CostOutput.terminalSafe("plain"));
    assertEquals("\\u001b[31mred", CostOutput.terminalSafe("\u001b[31mred"));
  }

  private static void assertDecimal(String expected, JsonNode n) {
    assertTrue(n.isNumber(), () -> "not a number: " + n);
    assertEquals(0, new BigDecimal(expected).compareTo(n.decimalValue()), () -> n.toString());
  }
}
