package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polpo-check cost} on hostile input, as found in review: numbers too large for exact
 * arithmetic, secret-shaped strings in trace fields, over-long lines and unknown catalogs each give
 * one clear line (file:line for records) and the documented exit code, never an internal error, a
 * leaked secret or an uncounted record.
 */
class CostCommandBadInputTest {
  @TempDir Path tmp;

  private static final String API_KEY = "sk-ant-api03-CANARY" + "A".repeat(80) + "-AAAAAAAA";
  private static final String OAUTH = "sk-ant-oat01-CANARY" + "B".repeat(80);

  private static String nativeLine(String usage) {
    return "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"session\":\"s\",\"model\":\"claude-sonnet-4-5\","
               + "\"usage\":{"
        + usage
        + "}}";
  }

  // Sonnet 4.5, 100 input x $3/M + 10 output x $15/M = 0.0003 + 0.00015 = 0.00045 USD.
  private static final String GOOD = nativeLine("\"input\":100,\"output\":10");

  private Path file(String name, String... lines) throws Exception {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  @Test
  void cost_tokenCountsTooLargeForExactArithmetic_skipsEachRecordNamingItsLine() throws Exception {
    Path f =
        file(
            "big.jsonl",
            GOOD,
            nativeLine("\"input\":1e40,\"output\":10"),
            nativeLine("\"input\":9000000000000000000,\"output\":10"),
            nativeLine("\"input\":100000000000000,\"output\":10"),
            nativeLine("\"input\":99999999999999999999999,\"output\":10"),
            nativeLine("\"input\":1,\"output\":1,\"cost\":{\"total\":1e40}}"));
    CliRun r = CliRun.of("cost", f.toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertTrue(r.out().contains("records: 6 read, 1 priced, 0 unpriced, 5 skipped"), r.out());
    for (int line = 2; line <= 6; line++) {
      assertTrue(r.out().contains("warning: " + f + ":" + line + ": "), line + "\n" + r.out());
    }
  }

  @Test
  void cost_totalBeyondExactRange_exitsThreeWithOneLineInsteadOfInternalError() throws Exception {
    // Opus 4.1 at $15/M in and $75/M out: 10^9 + 10^9 tokens = 15,000 + 75,000 = 90,000 USD per
    // call; 120 calls = 10.8 million USD, beyond a long of picodollars (about 9.22 million USD).
    String line =
        "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"session\":\"s\",\"model\":\"claude-opus-4-1\","
            + "\"usage\":{\"input\":1000000000,\"output\":1000000000}}";
    Path f = file("sum.jsonl", java.util.Collections.nCopies(120, line).toArray(String[]::new));
    CliRun r = CliRun.of("cost", f.toString());
    assertEquals(3, r.exit(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertTrue(r.err().startsWith("polpo-check: error: a cost total exceeds"), r.err());
  }

  @Test
  void cost_claudeCodeTokenCountTooLarge_skipsTheRecordInsteadOfInternalError() throws Exception {
    Path f =
        file(
            "projects/p/s.jsonl",
            "{\"type\":\"assistant\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"sessionId\":\"s\","
                + "\"requestId\":\"r1\",\"message\":{\"id\":\"m1\",\"model\":\"claude-sonnet-4-5\","
                + "\"usage\":{\"input_tokens\":1e40,\"output_tokens\":1}}}",
            "{\"type\":\"assistant\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"sessionId\":\"s\","
                + "\"requestId\":\"r2\",\"message\":{\"id\":\"m2\",\"model\":\"claude-sonnet-4-5\","
                + "\"usage\":{\"input_tokens\":900000000000000,\"output_tokens\":1}}}",
            "{\"type\":\"assistant\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"sessionId\":\"s\","
                + "\"requestId\":\"r3\",\"costUSD\":1e40,\"message\":{\"id\":\"m3\","
                + "\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}");
    CliRun r = CliRun.of("cost", f.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("records: 3 read, 0 priced, 0 unpriced, 3 skipped"), r.out());
    assertTrue(r.out().contains("warning: " + f + ":3: "), r.out());
  }

  @Test
  void cost_strictWithOverflowingRecord_exitsThreeWithFileAndLine() throws Exception {
    Path f = file("big.jsonl", GOOD, nativeLine("\"input\":1e40,\"output\":10"));
    CliRun r = CliRun.of("cost", f.toString(), "--strict");
    assertEquals(3, r.exit());
    assertTrue(r.err().startsWith("polpo-check: error: " + f + ":2: "), r.err());
  }

  @Test
  void cost_secretShapedSessionModelAndValues_neverPrintedInAnyFormat() throws Exception {
    Path f =
        file(
            "projects/p/s.jsonl",
            "{\"type\":\"assistant\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"sessionId\":\""
                + OAUTH
                + "\",\"requestId\":\"r1\",\"message\":{\"id\":\"m1\",\"model\":\"claude-sonnet-4-5\","
                + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}",
            "{\"type\":\"assistant\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"sessionId\":\"s\","
                + "\"requestId\":\"r2\",\"message\":{\"id\":\"m2\",\"model\":\""
                + API_KEY
                + "\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}");
    Path n =
        file(
            "native.jsonl",
            nativeLine("\"input\":\"" + API_KEY + "\",\"output\":10"),
            "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"session\":\"s\",\"agent\":\""
                + OAUTH
                + "\",\"profile\":\"anthropic:"
                + API_KEY
                + "\",\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input\":1,\"output\":1}}");
    for (String by : new String[] {"session", "model", "agent", "profile"}) {
      for (String format : new String[] {"text", "json", "csv"}) {
        CliRun r =
            CliRun.of("cost", f.toString(), n.toString(), "--by", by, "--format", format);
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("CANARY"), by + "/" + format + "\n" + r.out());
        assertFalse(r.err().contains("CANARY"), by + "/" + format + "\n" + r.err());
      }
    }
  }

  @Test
  void cost_claudeCodeLineOver64MiB_isCountedAsReadAndSkipped() throws Exception {
    Path f = tmp.resolve("projects/p/huge.jsonl");
    Files.createDirectories(f.getParent());
    String pad = "x".repeat(1 << 20);
    try (var w = Files.newBufferedWriter(f)) {
      w.write("{\"type\":\"user\",\"pad\":\"");
      for (int i = 0; i < 65; i++) {
        w.write(pad);
      }
      w.write("\"}\n");
    }
    CliRun r = CliRun.of("cost", f.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("records: 1 read, 0 priced, 0 unpriced, 1 skipped"), r.out());
    assertTrue(r.out().contains("warning: " + f + ":1: line longer than 64 MiB"), r.out());
  }

  @Test
  void cost_unknownCatalogName_isAUsageErrorExitTwo() throws Exception {
    CliRun r =
        CliRun.of("cost", file("a.jsonl", GOOD).toString(), "--prices", "nosuch");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("unknown price catalog 'nosuch'"), r.err());
    assertEquals(2, CliRun.of("prices", "diff", "anthropic", "nosuch").exit());
    assertEquals(2, CliRun.of("prices", "list", "--prices", "nosuch").exit());
    assertEquals(
        2, CliRun.of("prices", "show", "claude-sonnet-4-5", "--prices", "x").exit());
  }

  @Test
  void cost_malformedLine_messageNamesColumnWithoutParserInternals() throws Exception {
    Path f =
        file("t.jsonl", GOOD, "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"usage\":{\"input\":1");
    CliRun r = CliRun.of("cost", f.toString());
    assertEquals(0, r.exit(), r.err());
    String warning =
        r.out().lines().filter(l -> l.startsWith("warning: " + f + ":2")).findFirst().orElse("");
    assertFalse(warning.isEmpty(), r.out());
    assertFalse(warning.contains("Source: REDACTED"), warning);
    assertFalse(warning.contains("StreamReadFeature"), warning);
  }

  @Test
  void cost_controlCharactersInASessionId_cannotForgeTableLinesOrEscapes() throws Exception {
    Path f =
        file(
            "ctl.jsonl",
            "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"session\":\"a\\nTOTAL 999\\u001b[31m\","
                + "\"model\":\"claude-haiku-4-5\",\"usage\":{\"input\":1000000,\"output\":0}}");
    CliRun r = CliRun.of("cost", f.toString(), "--by", "session");
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("\u001b"), r.out());
    assertEquals(1, r.out().lines().filter(l -> l.startsWith("TOTAL")).count(), r.out());
    assertTrue(r.out().contains("a\\u000aTOTAL 999\\u001b[31m"), r.out());
  }
}
