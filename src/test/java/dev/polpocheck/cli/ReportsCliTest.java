package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects the report commands as a new user meets them on real-world traces: traces without the
 * optional {@code agent} (or with credential-shaped fields) still give a full report with no
 * secret in it, a what-if remapping to a misspelt model is a usage error with a did-you-mean,
 * {@code forecast --help} describes the inputs and default truthfully, redirected runs print
 * plain progress on stderr only, and SARIF written from a subdirectory stays inside {@code
 * %SRCROOT%}.
 */
class ReportsCliTest {
  /** An API-key-shaped canary: it must never appear in any output. */
  private static final String CANARY = "sk-ant-api03-" + "Zq7CanaryReportsXyZ".repeat(5);

  /** Ten days of three Sonnet sessions a day, 09:15-11:15 UTC, with {@code extra} fields. */
  private static Path traces(Path dir, String name, String extra) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      for (int s = 0; s < 3; s++) {
        lines.add(String.format(java.util.Locale.ROOT, "{\"timestamp\":\"2026-11-%02dT%02d:15:00Z\","
            + "\"session\":\"s%d-%d\",\"model\":\"claude-sonnet-4-5-20250929\"%s,\"usage\":"
            + "{\"input\":1000,\"output\":300,\"cacheRead\":20000,\"cacheWrite\":1000}}", d + 2,
            9 + s, d, s, extra));
      }
    }
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }

  private static ForecastCommandTest.Run forecast(Path cwd, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "forecast";
    System.arraycopy(args, 0, all, 1, args.length);
    return ForecastCommandTest.run(cwd, all);
  }

  @Test
  void forecastReport_tracesWithoutAgent_writesTheFullReport(@TempDir Path cwd) throws Exception {
    Path t = traces(cwd, "noagent.jsonl", "");
    ForecastCommandTest.Run r = forecast(cwd, t.toString(), "--runs", "5", "--horizon", "3d",
        "--report", "out");
    assertEquals(0, r.exit(), r.err());
    for (String f : List.of("report.html", "summary.md", "result.json", "totals.csv",
        "by-agent.csv", "by-model.csv", "daily.csv")) {
      assertTrue(Files.size(cwd.resolve("out").resolve(f)) > 0, f);
    }
    String csv = Files.readString(cwd.resolve("out/by-agent.csv"));
    assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("(none),"), csv);
    // the input's quality up front: 10 days with calls, 30 sessions, nothing skipped
    String md = Files.readString(cwd.resolve("out/summary.md"));
    assertTrue(md.contains("| active days | 10 |"), md);
    assertTrue(md.contains("| sessions | 30 |"), md);
    assertTrue(md.contains("| skipped records | 0 |"), md);
    assertTrue(md.indexOf("## Input") < md.indexOf("## At a glance"), md);
  }

  @Test
  void forecastReport_emptyAndCredentialShapedFields_fullReportWithoutTheSecret(@TempDir Path cwd)
      throws Exception {
    Path t = traces(cwd, "cred.jsonl", ",\"agent\":\"\",\"provider\":\"anthropic\",\"profile\":\""
        + CANARY + "\",\"requestId\":\"\"");
    Path t2 = traces(cwd, "cred2.jsonl", ",\"agent\":\"" + CANARY + "\"").getFileName();
    Files.writeString(cwd.resolve(t2), Files.readString(cwd.resolve(t2))
        .replace("\"session\":\"s", "\"session\":\"b"));
    ForecastCommandTest.Run r = forecast(cwd, t.toString(), t2.toString(), "--runs", "5",
        "--horizon", "3d", "--report", "out", "--backtest");
    assertEquals(0, r.exit(), r.err());
    assertFalse((r.out() + r.err()).contains(CANARY.substring(13)), "terminal output");
    List<Path> files;
    try (Stream<Path> s = Files.list(cwd.resolve("out"))) {
      files = s.toList();
    }
    assertEquals(7, files.size(), files.toString());
    for (Path f : files) {
      String text = Files.readString(f);
      assertFalse(text.contains(CANARY.substring(13)), f + " leaks the canary");
    }
    String html = Files.readString(cwd.resolve("out/report.html"));
    // the masked agent is shown by its public prefix, the empty one as "(none)": never blank
    assertTrue(html.contains("sk-ant-api03-…"), "masked label kept");
    assertTrue(html.contains("(none)"), "empty label named");
  }

  @Test
  void forecast_compareRemapsToAMisspeltModel_isAUsageErrorWithDidYouMean(@TempDir Path cwd)
      throws Exception {
    Path t = traces(cwd, "t.jsonl", "");
    Path whatIf = Files.writeString(cwd.resolve("opus.json"), "{\n  \"remap\": [\n"
        + "    {\"from\": \"anthropic:claude-sonnet-4-5\", \"to\": \"anthropic:claude-sonet-4-5\"}\n"
        + "  ]\n}\n");
    ForecastCommandTest.Run r = forecast(cwd, t.toString(), "--runs", "2", "--compare",
        whatIf.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    // line 3; the quoted target starts at column 51 of "    {"from": ..., "to": "anthropic:..."
    assertTrue(r.err().startsWith("polpo-check: error: " + whatIf + ":3:51: remap target \"anthropic:claude-sonet-4-5\""
        + " is not a model of the price catalog"), r.err());
    assertTrue(r.err().contains("did you mean \"anthropic:claude-sonnet-4-5\"?"), r.err());
    assertEquals("", r.out(), "nothing run, nothing reported");
  }

  @Test
  void forecastHelp_describesTheTraceFormatsAndTheDefaultScenario() {
    CliRun r = CliRun.of("forecast", "--help");
    assertEquals(0, r.exit());
    String help = r.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("Claude Code transcripts, mini-swe-agent trajectories"), help);
    assertTrue(help.contains("default: the simulator's default scenario"), help);
    assertFalse(help.contains("billed as recorded"), help);
    assertFalse(help.contains("Native trace JSONL files (.jsonl or .jsonl.gz)"), help);
  }

  @Test
  void forecast_redirected_progressIsPlainLinesOnStderrOnly(@TempDir Path cwd) throws Exception {
    Path t = traces(cwd, "t.jsonl", "");
    ForecastCommandTest.Run r = forecast(cwd, t.toString(), "--runs", "20", "--horizon", "2d");
    assertEquals(0, r.exit(), r.err());
    // 20 runs: a line at every tenth (2, 4, ..., 20 runs); tests are not a terminal
    List<String> lines = r.err().lines().filter(l -> l.startsWith("forecast: ")).toList();
    assertEquals(10, lines.size(), r.err());
    assertEquals("forecast: 20 of 20 runs (100%)", lines.get(9).replaceAll(", \\d.*", ""));
    assertFalse(r.err().contains("\r"), "no bar redrawn");
    assertFalse(r.out().contains(" of 20 runs"), "stdout carries results only");
  }

  @Test
  void validateSarif_fromASubdirectory_uriStaysUnderSrcRoot(@TempDir Path repo) throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve(".polpo"));
    Files.createDirectories(repo.resolve("sub"));
    Files.writeString(repo.resolve(".polpo/polpo.json"),
        "{\n  \"settings\": {\n    \"maxRetires\": 3\n  }\n}\n");
    // a real process: the working directory is what the SARIF writer resolves against
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), "dev.polpocheck.cli.Main",
        "validate", "--format", "sarif", "../.polpo/polpo.json")
        .directory(repo.resolve("sub").toFile()).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    JsonNode run = JsonMapper.builder().build().readTree(out).at("/runs/0");
    assertEquals("utf16CodeUnits", run.get("columnKind").asString());
    assertEquals(repo.toRealPath().toUri().toString(),
        run.at("/originalUriBaseIds/%SRCROOT%/uri").asString());
    JsonNode loc = run.at("/results/0/locations/0/physicalLocation/artifactLocation");
    assertEquals(".polpo/polpo.json", loc.get("uri").asString());
    assertEquals("%SRCROOT%", loc.get("uriBaseId").asString());
    assertFalse(out.contains("\"../"), "no URI escapes %SRCROOT%");
  }
}
