package dev.polpocheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.cost.Money;
import dev.polpocheck.forecast.RunOutcome;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects the forecast report people open and machines read: every file of {@code --report DIR}
 * is written, the HTML is self-contained (no scripts, no external resources) with every chart
 * inline, {@code result.json} holds the figures the runs imply, CSVs parse, and the same forecast
 * writes the same bytes.
 */
class ForecastReportTest {
  private static final Pattern EXTERNAL =
      Pattern.compile("(<script|<link|<iframe|<img|\\ssrc=|@import|url\\((?!#))",
          Pattern.CASE_INSENSITIVE);

  @Test
  void write_oneDollarForecast_writesEveryFileWithTheRunsFigures(@TempDir Path dir)
      throws Exception {
    ForecastReport.Input in = ReportFixtures.oneDollarForecast();
    List<Path> files = ForecastReport.write(dir, in, "test");
    assertEquals(List.of("report.html", "summary.md", "result.json", "totals.csv", "by-agent.csv",
        "by-model.csv", "daily.csv"), files.stream().map(p -> p.getFileName().toString()).toList());

    // result.json: each session costs exactly $1, so the P50 total is the median run's call
    // count in dollars (order statistic x_(25) of 50 runs).
    JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("result.json").toFile());
    long[] calls = in.result().baseline().runs().stream().mapToLong(RunOutcome::calls).sorted()
        .toArray();
    assertEquals(1, json.get("schemaVersion").asInt());
    assertEquals("forecast", json.get("kind").asString());
    assertEquals(50, json.get("settings").get("runs").asInt());
    assertEquals(0, new BigDecimal(calls[24]).compareTo(
        json.get("baseline").get("totalUsd").get("p50").get("value").decimalValue()));
    assertEquals(3, json.get("baseline").get("daily").size());
    assertEquals("2026-11-09", json.get("baseline").get("daily").get(0).get("date").asString());
    long over = Arrays.stream(calls).filter(c -> c > 30).count();
    assertEquals(over / 50.0, json.get("budget").get("probabilityOver").asDouble(), 1e-9);
    assertEquals(calls[47] > 30, json.get("gate").get("over").asBoolean(),
        "gate on P95 = x_(48) of 50 runs");

    String html = Files.readString(dir.resolve("report.html"));
    assertFalse(EXTERNAL.matcher(html).find(), "self-contained: no scripts or external resources");
    Matcher m = Pattern.compile("<svg[^>]*data-chart=\"([a-z-]+)\"").matcher(html);
    List<String> charts = new java.util.ArrayList<>();
    while (m.find()) {
      charts.add(m.group(1));
    }
    assertEquals(List.of("cost-per-day", "cumulative-cost", "cost-by-part", "cost-by-agent",
        "cost-by-model"), charts);
    // billed as recorded, with no cache tokens and no credential profiles: those three charts
    // would be empty, so each is one sentence instead
    Matcher none = Pattern.compile("<p class=\"no-chart\" data-chart=\"([a-z-]+)\">").matcher(html);
    List<String> sentences = new java.util.ArrayList<>();
    while (none.find()) {
      sentences.add(none.group(1));
    }
    assertEquals(List.of("cache-hit", "profile-utilisation", "profile-timeline"), sentences);
    assertTrue(html.contains("Budget gate:"));
    assertFalse(html.contains("NaN"), "no chart has undefined coordinates");

    try (Reader r = Files.newBufferedReader(dir.resolve("daily.csv"), StandardCharsets.UTF_8)) {
      List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(r).getRecords();
      assertEquals(3, rows.size());
      assertEquals("2026-11-11", rows.get(2).get("date"));
      assertEquals("", rows.get(2).get("cache_hit_ratio"), "no cache activity: no data, not 0");
    }
    String md = Files.readString(dir.resolve("summary.md"));
    assertTrue(md.startsWith("# polpo-check forecast"));
    assertTrue(md.contains("| P50 total cost | $" + calls[24] + ".00 |"), md);
  }

  @Test
  void write_sameForecastTwice_sameBytes(@TempDir Path a, @TempDir Path b) throws Exception {
    ForecastReport.Input in = ReportFixtures.oneDollarForecast();
    ForecastReport.write(a, in, "test");
    ForecastReport.write(b, ReportFixtures.oneDollarForecast(), "test");
    for (String f : List.of("report.html", "summary.md", "result.json", "daily.csv")) {
      assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
    }
  }

  @Test
  void prepare_beforeAWrite_changesNoByteOfTheReport(@TempDir Path a, @TempDir Path b)
      throws Exception {
    // prepare() draws two throw-away charts through the SVG writer that every chart shares; a
    // report written after it must be the report written without it
    ForecastReport.Input in = ReportFixtures.oneDollarForecast();
    List<Path> before = ForecastReport.write(a, in, "test");
    assertTrue(ForecastReport.prepare());
    List<Path> after = ForecastReport.write(b, in, "test");
    assertEquals(before.size(), after.size());
    for (int i = 0; i < before.size(); i++) {
      assertEquals(Files.readString(before.get(i)), Files.readString(after.get(i)),
          before.get(i).getFileName().toString());
    }
  }

  @Test
  void write_intoAFile_isAUserError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    dev.polpocheck.UserInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        dev.polpocheck.UserInputException.class,
        () -> ForecastReport.write(file, ReportFixtures.oneDollarForecast(), "test"));
    assertTrue(e.getMessage().startsWith(file + ": cannot write the report"), e.getMessage());
  }

  @Test
  void terminalSummary_oneDollarForecast_showsTotalsBudgetAndGate() {
    ForecastReport.Input in = ReportFixtures.oneDollarForecast();
    String s = ForecastReport.terminalSummary(in);
    long p50 = in.result().baseline().total(0.95).p50().value() / Money.PICOS_PER_USD;
    assertTrue(s.contains("forecast: 3 days from 2026-11-09, 10 sessions/day, 50 runs, seed 9"), s);
    assertTrue(s.lines().anyMatch(l -> l.startsWith("total") && l.contains("$" + p50 + ".00")), s);
    assertTrue(s.contains("budget $30.00: P(over)"), s);
    assertTrue(s.contains("budget gate: p95"), s);
    // 50 runs cannot bound P5 from below at 95 %: P(Bin(50, .05) = 0) = 0.077 > 0.025
    assertTrue(s.contains("use --runs"), s);
  }

  @Test
  void minRunsFor_95percent_is72() {
    // P(Bin(n, 0.05) = 0) = 0.95^n must be <= 0.025: n >= ln(0.025) / ln(0.95) = 71.9
    assertEquals(72, ForecastReport.minRunsFor(0.95));
  }
}
