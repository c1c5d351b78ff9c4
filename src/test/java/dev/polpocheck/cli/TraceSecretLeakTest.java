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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects the promise that a credential never leaves polpo-check, even when a trace carries one
 * where an identifier belongs (an OAuth token logged as the session id, an API key in the model
 * or profile field): cost, simulate and forecast, in every format and in written reports, show
 * only the public prefix.
 */
class TraceSecretLeakTest {
  private static final String OAUTH = "sk-ant-oat01-" + "A".repeat(80) + "CANARYOAUTH";
  private static final String KEY = "sk-ant-api03-" + "B".repeat(80) + "CANARYKEY";

  @TempDir Path dir;

  private Path trace() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      lines.add("{\"timestamp\":" + (1_764_000_000_000L + i * 60_000L)
          + ",\"session\":\"" + OAUTH + "\",\"agent\":\"" + KEY + "\",\"role\":\"agent\","
          + "\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5\",\"profile\":\"anthropic:"
          + KEY + "\",\"status\":\"ok\",\"usage\":{\"input\":1200,\"output\":300,"
          + "\"cacheRead\":0,\"cacheWrite\":0}}");
    }
    lines.add("{\"timestamp\":1764000900000,\"session\":\"s2\",\"agent\":\"coder\","
        + "\"provider\":\"anthropic\",\"model\":\"" + KEY + "\",\"status\":\"ok\","
        + "\"usage\":{\"input\":10,\"output\":5,\"cacheRead\":0,\"cacheWrite\":0}}");
    Path p = dir.resolve("calls.jsonl");
    Files.write(p, lines, StandardCharsets.UTF_8);
    return p;
  }

  private static void assertClean(CliRun r, String what) {
    assertFalse(r.all().contains("CANARY"), what + " leaked:\n" + r.all());
  }

  private static void assertCleanDir(Path report) throws IOException {
    try (Stream<Path> files = Files.walk(report)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("CANARY"), f + " leaked a credential");
      }
    }
  }

  @Test
  void cost_everyFormatAndGrouping_showsOnlyPrefixes() throws IOException {
    Path t = trace();
    for (String by : List.of("session", "agent", "model", "profile")) {
      for (String format : List.of("text", "json", "csv")) {
        CliRun r = CliRun.of("cost", t.toString(), "--by", by, "--format", format);
        assertEquals(0, r.exit(), r.all());
        assertClean(r, "cost --by " + by + " --format " + format);
      }
    }
    CliRun bySession = CliRun.of("cost", t.toString(), "--by", "session");
    assertTrue(bySession.out().contains("sk-ant-oat01-…"), bySession.out());
  }

  @Test
  void simulate_everyFormatAndReport_showsOnlyPrefixes() throws IOException {
    Path t = trace();
    for (String format : List.of("text", "json", "csv")) {
      CliRun r = CliRun.of("simulate", t.toString(), "--format", format);
      assertEquals(0, r.exit(), r.all());
      assertClean(r, "simulate --format " + format);
    }
    Path report = dir.resolve("sim-report");
    CliRun r = CliRun.of("simulate", t.toString(), "--report", report.toString());
    assertEquals(0, r.exit(), r.all());
    assertClean(r, "simulate --report");
    assertCleanDir(report);
  }

  @Test
  void forecast_withReport_showsOnlyPrefixes() throws IOException {
    Path t = trace();
    Path report = dir.resolve("fc-report");
    CliRun r = CliRun.of("forecast", t.toString(), "--horizon", "2d", "--runs", "5",
        "--sessions-per-day", "4", "--report", report.toString());
    assertEquals(0, r.exit(), r.all());
    assertClean(r, "forecast");
    assertCleanDir(report);
  }
}
