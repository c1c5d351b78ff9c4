package dev.polpocheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.cost.Money;
import dev.polpocheck.forecast.RunOutcome;
import dev.polpocheck.sim.SimResult;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects the report files where people paste and load them: {@code summary.md} renders as GFM
 * tables in a real CommonMark renderer (a pull-request comment), every CSV loads as plain numbers
 * with units in the column names and intervals as two columns (a spreadsheet, pandas), "no data"
 * is an empty cell or null rather than 0 %, and capacity shows the chosen setup's headroom.
 */
class ReportOutputsTest {
  private static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create());
  private static final Pattern TABLE = Pattern.compile("<table>(.*?)</table>", Pattern.DOTALL);

  @TempDir static Path dir;
  static ForecastReport.Input forecast;
  static SimResult sim;

  @BeforeAll
  static void write() {
    forecast = ReportFixtures.oneDollarForecast();
    ForecastReport.write(dir.resolve("forecast"), forecast, "test");
    sim = SimulateReportTest.sampleDay();
    SimulateReport.write(dir.resolve("simulate"), sim, "{}", "sample day", "test");
    CapacityReport.write(dir.resolve("capacity"), ReportFixtures.sampleCapacity(), "test");
  }

  /** summary.md rendered by commonmark-java with the GFM tables extension. */
  static String rendered(String report) throws Exception {
    String md = Files.readString(dir.resolve(report).resolve("summary.md"));
    return HtmlRenderer.builder().extensions(GFM).build()
        .render(Parser.builder().extensions(GFM).build().parse(md));
  }

  static List<String> tables(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = TABLE.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static List<CSVRecord> csv(String report, String file) throws Exception {
    try (Reader r = Files.newBufferedReader(dir.resolve(report).resolve(file),
        StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)
          .getRecords();
    }
  }

  /** Every cell but the first {@code labels} of every row is a plain number or empty. */
  static void assertPlainNumbers(List<CSVRecord> rows, int labels, String what) {
    assertFalse(rows.isEmpty(), what);
    for (CSVRecord r : rows) {
      for (int i = labels; i < r.size(); i++) {
        String c = r.get(i);
        if (c.isEmpty()) {
          continue;
        }
        assertTrue(c.matches("-?[0-9]+(\\.[0-9]+)?"), what + " column " + i + ": " + c);
        assertEquals(0, new BigDecimal(c).compareTo(BigDecimal.valueOf(Double.parseDouble(c))),
            what + ": " + c);
      }
    }
  }

  @Test
  void forecastSummary_inAGfmRenderer_everyTableIsATableWithItsCells() throws Exception {
    String html = rendered("forecast");
    // input, at a glance, totals, by agent, by model, per day: each a table, none left as text
    List<String> t = tables(html);
    assertEquals(6, t.size(), html);
    assertFalse(html.contains("<p>|"), "no table fell back to pipe text: " + html);
    // each session costs exactly $1, so the P50 total is the median run's call count x_(25)
    long[] calls = forecast.result().baseline().runs().stream().mapToLong(RunOutcome::calls)
        .sorted().toArray();
    assertTrue(t.get(1).matches("(?s).*<td>P50 total cost</td>\\s*<td>\\$" + calls[24]
        + "\\.00</td>.*"), t.get(1));
    // three days from 2026-11-09, each a row of the per-day table
    assertEquals(3, t.get(5).split("<tr>", -1).length - 2, t.get(5));
    assertTrue(t.get(5).contains("<td>2026-11-11</td>"), t.get(5));
    assertTrue(t.get(5).contains("<td>no data</td>"), "no cache activity is not 0 %");
  }

  @Test
  void simulateAndCapacitySummaries_inAGfmRenderer_everyTableIsATable() throws Exception {
    String sim = rendered("simulate");
    // at a glance, by agent, by model, by credential, events
    assertEquals(5, tables(sim).size(), sim);
    assertFalse(sim.contains("<p>|"), sim);
    assertTrue(tables(sim).get(3).contains("<td>anthropic:ci</td>"), tables(sim).get(3));
    String cap = rendered("capacity");
    assertEquals(2, tables(cap).size(), cap);
    assertFalse(cap.contains("<p>|"), cap);
  }

  @Test
  void forecastCsvs_loadAsNumbersWithIntervalsAsTwoColumns() throws Exception {
    List<CSVRecord> totals = csv("forecast", "totals.csv");
    assertEquals(List.of("part", "mean_usd", "mean_ci_low_usd", "mean_ci_high_usd", "p5_usd",
        "p5_ci_low_usd", "p5_ci_high_usd", "p50_usd", "p50_ci_low_usd", "p50_ci_high_usd",
        "p95_usd", "p95_ci_low_usd", "p95_ci_high_usd"), totals.get(0).getParser()
        .getHeaderNames());
    assertPlainNumbers(totals, 1, "totals.csv");
    assertPlainNumbers(csv("forecast", "by-agent.csv"), 1, "by-agent.csv");
    assertPlainNumbers(csv("forecast", "by-model.csv"), 1, "by-model.csv");
    assertPlainNumbers(csv("forecast", "daily.csv"), 1, "daily.csv");
    long[] calls = forecast.result().baseline().runs().stream().mapToLong(RunOutcome::calls)
        .sorted().toArray();
    CSVRecord total = totals.get(0);
    assertEquals("total", total.get("part"));
    assertEquals(0, new BigDecimal(calls[24]).compareTo(new BigDecimal(total.get("p50_usd"))));
    BigDecimal lo = new BigDecimal(total.get("p50_ci_low_usd"));
    BigDecimal hi = new BigDecimal(total.get("p50_ci_high_usd"));
    assertTrue(lo.compareTo(new BigDecimal(calls[24])) <= 0
        && hi.compareTo(new BigDecimal(calls[24])) >= 0, lo + " " + hi);
    // 50 runs cannot bound P5 from below at 95 %: P(Bin(50, .05) = 0) = 0.077 > 0.025, so the
    // open side is an empty cell, not a number with a "≤" in front
    assertEquals("", total.get("p5_ci_low_usd"));
    List<CSVRecord> daily = csv("forecast", "daily.csv");
    assertEquals(List.of("date", "p5_usd", "p50_usd", "p95_usd", "cumulative_p5_usd",
        "cumulative_p50_usd", "cumulative_p95_usd", "cache_hit_ratio"), daily.get(0).getParser()
        .getHeaderNames());
    for (CSVRecord r : daily) {
      assertEquals("", r.get("cache_hit_ratio"), "billed as recorded without cache: no data");
    }
    JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("forecast/result.json")
        .toFile());
    assertTrue(json.at("/baseline/daily/0/cacheHitRatio").isNull(), "null, not 0");
  }

  @Test
  void simulateCsvs_loadAsNumbersAndAddUpToTheTotal() throws Exception {
    List<CSVRecord> rows = csv("simulate", "by-profile.csv");
    assertPlainNumbers(rows, 1, "by-profile.csv");
    BigDecimal sum = BigDecimal.ZERO;
    for (CSVRecord r : rows) {
      sum = sum.add(new BigDecimal(r.get("cost_total_usd")));
    }
    assertEquals(0, Money.toUsd(sim.cost().total()).compareTo(sum), "exact to the picodollar");
  }

  @Test
  void capacity_chosenSetup_showsItsHeadroomAsPlainNumbers() throws Exception {
    List<CSVRecord> rows = csv("capacity", "candidates.csv");
    assertEquals(List.of("setup", "role", "organisations", "tier", "profiles_per_organisation",
        "p95_added_delay_ms", "rate_429_ratio", "failed_calls", "meets",
        "ceiling_sessions_per_day", "ceiling_open", "headroom_ratio"), rows.get(0).getParser()
        .getHeaderNames());
    CSVRecord chosen = rows.stream().filter(r -> r.get("role").equals("chosen")).findFirst()
        .orElseThrow();
    // target 100 sessions/day; a setup meeting it has its ceiling bisected 3 times between the
    // 1x and 2x grid loads, so the ceiling is 100 x (1 + j/8) for j = 0..7, or open at >= 4x
    double ceiling = Double.parseDouble(chosen.get("ceiling_sessions_per_day"));
    boolean open = Boolean.parseBoolean(chosen.get("ceiling_open"));
    double eighths = (ceiling / 100 - 1) * 8;
    assertTrue(open ? ceiling == 400 : eighths >= 0 && eighths <= 7
        && Math.abs(eighths - Math.rint(eighths)) < 1e-9, "ceiling " + ceiling);
    assertEquals(ceiling / 100 - 1, Double.parseDouble(chosen.get("headroom_ratio")), 1e-6);
    String html = Files.readString(dir.resolve("capacity/report.html"));
    assertTrue(html.contains("its headroom"), "headroom figure");
    assertTrue(html.contains(String.format(java.util.Locale.ROOT, "+%.1f%%",
        (ceiling / 100 - 1) * 100)), "headroom in percent");
  }
}
