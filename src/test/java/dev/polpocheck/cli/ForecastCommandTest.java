package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects {@code polpo-check forecast} as users and CI pipelines call it: every flag, the
 * no-argument demo that writes ./polpo-check-report/, the budget gate's exit code 1, and one-line
 * errors with exit 2 (bad flag) or 3 (bad input).
 */
class ForecastCommandTest {
  @TempDir static Path dir;
  static Path traces;


  @BeforeAll
  static void traces() throws IOException {
    traces = CliFixtures.eightDayTraces(dir);
  }

  record Run(int exit, String out, String err) {}

  static Run run(Path cwd, String... args) {
    CommandLine cl = PolpoCheckCommand.newCommandLine();
    ((ForecastCommand) cl.getSubcommands().get("forecast").getCommand()).workingDir = cwd;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run forecast(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "forecast";
    System.arraycopy(args, 0, all, 1, args.length);
    return run(dir, all);
  }

  @Test
  void forecast_noArguments_runsTheSampleAndWritesTheDemoReport(@TempDir Path cwd)
      throws Exception {
    // the demo's defaults (200 runs of 30 days at 500 sessions/day) are what a user gets; the
    // test keeps the sample, its rate and its report, and shortens the run to stay fast
    Run r = run(cwd, "forecast", "--runs", "2", "--horizon", "2d");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("500 sessions/day"), r.out());
    assertTrue(r.out().contains("report: polpo-check-report/report.html")
        || r.out().contains("report: " + cwd.resolve("polpo-check-report/report.html")), r.out());
    assertTrue(Files.exists(cwd.resolve("polpo-check-report/report.html")));
    assertTrue(Files.exists(cwd.resolve("polpo-check-report/result.json")));
  }

  @Test
  void forecast_tracesWithoutReport_writesNoFiles(@TempDir Path cwd) throws Exception {
    Run r = run(cwd, "forecast", traces.toString(), "--runs", "5", "--horizon", "2d");
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("report:"));
    try (var s = Files.list(cwd)) {
      assertEquals(0, s.count(), "never written unasked");
    }
  }

  @Test
  void forecast_everyFlag_appearsInTheResult() throws Exception {
    Path scenarioB = Files.writeString(dir.resolve("haiku.json"),
        "{\"remap\": [{\"from\": \"anthropic:*\", \"to\": \"anthropic:claude-haiku-4-5\"}]}");
    Path scenarioA = Files.writeString(dir.resolve("base.json"), "{\"rotation\": \"sticky\"}");
    Path out = dir.resolve("every-flag");
    Run r = forecast(traces.toString(), "--scenario", scenarioA.toString(),
        "--compare", scenarioB.toString(), "--horizon", "1w", "--start", "2027-01-04",
        "--sessions-per-day", "40", "--growth", "10%/month", "--runs", "12", "--seed", "77",
        "--threads", "2", "--confidence", "0.9", "--budget", "$1,000", "--fail-if-over", "p95",
        "--backtest", "--report", out.toString());
    assertEquals(0, r.exit(), r.err() + r.out());
    String text = Files.readString(out.resolve("result.json"));
    assertFalse(text.contains("E+"), "money is written as plain decimals");
    JsonNode j = JsonMapper.builder().enable(tools.jackson.databind.DeserializationFeature
        .USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(text);
    JsonNode s = j.get("settings");
    assertEquals("2027-01-04T00:00:00Z", s.get("start").asString());
    assertEquals(7, s.get("horizonDays").asInt());
    assertEquals(40.0, s.get("sessionsPerDay").asDouble());
    assertEquals(0.1, s.get("growthPerMonth").asDouble(), 1e-12);
    assertEquals(12, s.get("runs").asInt());
    assertEquals(77, s.get("seed").asLong());
    assertEquals(0.9, s.get("confidence").asDouble());
    assertEquals("base.json", j.get("baseline").get("name").asString());
    assertEquals("haiku.json", j.get("comparisons").get(0).get("name").asString());
    assertEquals(1.0, j.get("comparisons").get(0).get("probabilityCheaper").asDouble());
    assertEquals("1000", j.get("budget").get("usd").decimalValue().toPlainString());
    assertEquals("p95", j.get("gate").get("statistic").asString());
    assertEquals(2, j.get("backtest").get("heldOutDays").asInt(), "a quarter of 8 days");
    assertTrue(r.out().contains("backtest: last 2 days"), r.out());
    assertTrue(r.out().contains("Δ haiku.json"), r.out());
  }

  @Test
  void forecast_compareFile_isLaidOverTheBaselineScenario() throws Exception {
    // the baseline keeps a 1-hour cache; the what-if only says "sticky", which the baseline
    // already is: laid over the baseline it is the same setup, so on the same workloads (common
    // random numbers) the difference is exactly zero in every run. Read on its own it would fall
    // back to the default 5-minute cache and differ.
    Path base = Files.writeString(dir.resolve("sticky-1h.json"),
        "{\"rotation\": \"sticky\", \"cache\": {\"retention\": \"1h\"}}");
    Path same = Files.writeString(dir.resolve("sticky.json"), "{\"rotation\": \"sticky\"}");
    Path out = dir.resolve("layered");
    Run r = forecast(traces.toString(), "--scenario", base.toString(), "--compare",
        same.toString(), "--runs", "4", "--horizon", "2d", "--report", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode d = JsonMapper.builder().build().readTree(out.resolve("result.json").toFile())
        .get("comparisons").get(0).get("differenceUsd");
    assertEquals(0, d.get("min").decimalValue().signum());
    assertEquals(0, d.get("max").decimalValue().signum());
  }

  @Test
  void forecast_threadsOneOrTwo_sameResultJson() throws Exception {
    Path a = dir.resolve("t1");
    Path b = dir.resolve("t2");
    assertEquals(0, forecast(traces.toString(), "--runs", "6", "--horizon", "3d", "--threads",
        "1", "--report", a.toString()).exit());
    assertEquals(0, forecast(traces.toString(), "--runs", "6", "--horizon", "3d", "--threads",
        "2", "--report", b.toString()).exit());
    assertEquals(Files.readString(a.resolve("result.json")),
        Files.readString(b.resolve("result.json")));
  }

  @Test
  void forecast_budgetBelowP95_exitsOneAndSaysFail() {
    Run r = forecast(traces.toString(), "--runs", "5", "--horizon", "2d", "--budget", "1",
        "--fail-if-over", "p95");
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("budget gate: p95") && r.out().contains("FAIL"), r.out());
  }

  @Test
  void forecast_hugeBudget_exitsZero() {
    Run r = forecast(traces.toString(), "--runs", "5", "--horizon", "2d", "--budget", "1000000",
        "--fail-if-over", "mean");
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("pass"), r.out());
  }

  @Test
  void forecast_shortTraces_warnAboutTheWeeklyShape() {
    Run r = forecast(traces.toString(), "--runs", "3", "--horizon", "1d");
    assertTrue(r.out().contains("warning: the corpus spans"), r.out());
    assertTrue(r.out().contains("day-of-week profile is flat"), r.out());
  }

  @Test
  void forecast_badFlags_exitTwoWithOneLine() {
    String[][] bad = {
      {"--horizon", "30x"},
      {"--growth", "lots"},
      {"--budget", "-5"},
      {"--runs", "0"},
      {"--threads", "0"},
      {"--confidence", "1.5"},
      {"--fail-if-over", "p95"},
      {"--budget", "10", "--fail-if-over", "p100"},
      {"--start", "tomorrow"},
      {"--sessions-per-day", "-3"},
    };
    for (String[] args : bad) {
      String[] all = new String[args.length + 1];
      all[0] = traces.toString();
      System.arraycopy(args, 0, all, 1, args.length);
      Run r = forecast(all);
      assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
  }

  @Test
  void forecast_missingTraceFile_exitsThreeNamingIt() {
    Run r = forecast(dir.resolve("nope.jsonl").toString());
    assertEquals(3, r.exit());
    assertEquals("polpo-check: error: " + dir.resolve("nope.jsonl") + ": no such file or directory",
        r.err().strip());
  }

  @Test
  void forecast_traceWithoutAnyCall_exitsThreeNamingIt() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"timestamp\": 12,\n");
    Run r = forecast(bad.toString());
    assertEquals(3, r.exit());
    assertTrue(r.err().startsWith("polpo-check: error: " + bad + ": no calls in the workload"),
        r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void forecast_malformedScenario_exitsThreeWithPosition() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad-scenario.json"), "{\n  \"name\": oops\n}");
    Run r = forecast(traces.toString(), "--scenario", bad.toString(), "--runs", "2");
    assertEquals(3, r.exit());
    assertTrue(r.err().startsWith("polpo-check: error: " + bad + ":2:"), r.err());
  }

  @Test
  void forecast_badTracesAndBadScenario_reportsTheTracesFirst() throws Exception {
    // the scenario is read on a side thread while the traces are read: a run with both wrong
    // still names the traces, as when the two were read one after the other
    Path scenario = Files.writeString(dir.resolve("bad-too.json"), "{\n  \"name\": oops\n}");
    Run r = forecast(dir.resolve("nope.jsonl").toString(), "--scenario", scenario.toString());
    assertEquals(3, r.exit());
    assertEquals("polpo-check: error: " + dir.resolve("nope.jsonl") + ": no such file or directory",
        r.err().strip());
  }

  @Test
  void forecast_missingScenarioFile_exitsThreeNamingIt() {
    Path none = dir.resolve("no-scenario.json");
    Run r = forecast(traces.toString(), "--scenario", none.toString(), "--runs", "2");
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().startsWith("polpo-check: error: " + none), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void forecast_scenarioAgainstTheSchema_exitsThreeWithPosition() throws Exception {
    Path bad = Files.writeString(dir.resolve("rotation.json"), "{\n  \"rotation\": \"random\"\n}");
    Run r = forecast(traces.toString(), "--compare", bad.toString(), "--runs", "2");
    assertEquals(3, r.exit());
    assertTrue(r.err().startsWith("polpo-check: error: " + bad + ":2:"), r.err());
  }

  @Test
  void forecast_help_listsEveryFlag() {
    Run r = forecast("--help");
    assertEquals(0, r.exit());
    for (String f : List.of("--scenario", "--compare", "--horizon", "--start",
        "--sessions-per-day", "--growth", "--runs", "--seed", "--threads", "--confidence",
        "--budget", "--fail-if-over", "--backtest", "--report")) {
      assertTrue(r.out().contains(f), f);
    }
  }
}
