package dev.polpocheck.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * cost on Spark gives polpo-check cost's totals on the same files: the total, the calls and every
 * model's cost, read back from the Parquet tables.
 */
class CostOnSparkTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  @Test
  void claudeCodeRealTraces_sameTotalsAsTheCli() throws Exception {
    Path traces = SparkRuns.shared().resolve("data/traces/claude-code-real");
    Map<String, BigDecimal> byModel = sameAsCli(traces);
    // the CLI's total on these transcripts, as issue #15 states it (USD 51.7425811)
    assertEquals(0, new BigDecimal("51.7425811").compareTo(sum(byModel)), byModel.toString());
  }

  @Test
  void miniSweAgentTrajectories_sameTotalsAsTheCli() throws Exception {
    sameAsCli(SparkRuns.shared().resolve("data/traces/mini-swe-agent"));
  }

  @Test
  void byTimezoneSinceUntil_sameRowsAsTheCliWithTheSameFlags() throws Exception {
    // Kiritimati is UTC+14: the transcripts' UTC days 2026-02-10..12 (all their calls after
    // 10:00 UTC) become local days 11..13, and the range (given in both date spellings) drops
    // local day 13, so the total is below the unfiltered USD 51.7425811 and every row must still
    // be the CLI's under the same flags
    Path traces = SparkRuns.shared().resolve("data/traces/claude-code-real");
    String[] flags = {"--timezone", "Pacific/Kiritimati", "--since", "2026-02-11", "--until",
        "20260212"};
    Path out = tmp.resolve("flags");
    StringWriter err = new StringWriter();
    String[] args = new String[] {"cost", traces.toUri().toString(), "--output", out.toString(),
        "--by", "week,month,day,profile"};
    assertEquals(0, run(err, concat(args, flags)), err.toString());
    BigDecimal total = null;
    for (String by : new String[] {"week", "month", "day", "profile"}) {
      SparkRuns.Run cli = SparkRuns.cli(concat(new String[] {"cost", traces.toString(), "--by",
          by, "--format", "json"}, flags));
      assertEquals(0, cli.code(), cli.err());
      JsonNode cost = JSON.readTree(cli.out()).get("cost");
      Map<String, BigDecimal> expected = new TreeMap<>();
      for (JsonNode r : cost.get("rows")) {
        expected.put(r.get("key").asString(),
            r.get("costUsd").get("total").decimalValue().stripTrailingZeros());
      }
      assertEquals(expected, table(out, by), by);
      total = cost.get("total").get("costUsd").get("total").decimalValue();
    }
    assertTrue(total.compareTo(BigDecimal.ZERO) > 0
        && total.compareTo(new BigDecimal("51.7425811")) < 0, total.toString());
    JsonNode summary = JSON.readTree(Files.readString(out.resolve("summary.json")));
    assertEquals(0, total.compareTo(new BigDecimal(summary.get("costUsd").asString())));
    assertEquals("Pacific/Kiritimati", summary.get("timezone").asString());
    assertEquals("2026-02-12", summary.get("until").asString());
    assertTrue(!Files.exists(out.resolve("parquet/by=model")), "only the tables asked for");
  }

  @Test
  void strictOnABadRecord_theCliErrorLineExit3() throws Exception {
    // line 2 of b.jsonl and line 1 of c.jsonl are not JSON: the CLI with --strict stops on the
    // first in path order; so must the Spark job, in the same words, whichever task ends first
    Path dir = Files.createDirectories(tmp.resolve("bad"));
    Files.writeString(dir.resolve("a.jsonl"), ASSISTANT.formatted("s0", "msg_0"));
    Path file = Files.writeString(dir.resolve("b.jsonl"), ASSISTANT.formatted("s1", "msg_1")
        + "{not json\n");
    Files.writeString(dir.resolve("c.jsonl"), "{not json either\n");
    SparkRuns.Run cli = SparkRuns.cli("cost", dir.toString(), "--strict");
    assertEquals(3, cli.code(), cli.err());
    StringWriter err = new StringWriter();
    assertEquals(3, run(err, "cost", dir.toString(), "--strict", "--output",
        tmp.resolve("out").toString()));
    assertTrue(cli.err().contains(file + ":2"), cli.err());
    assertEquals(cli.err().strip(), err.toString().strip());
    assertEquals(1, err.toString().lines().count(), err.toString());
    // without --strict the bad lines are skipped and counted, the good calls priced, as by the
    // CLI: two bad lines (b.jsonl:2, c.jsonl:1) skipped, the records read the CLI's own count
    SparkRuns.Run lenient = SparkRuns.cli("cost", dir.toString());
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("records: (\\d+) read, .* (\\d+) skipped").matcher(lenient.out());
    assertTrue(m.find(), lenient.out());
    assertEquals("2", m.group(2), lenient.out());
    StringWriter out = new StringWriter();
    assertEquals(0, SparkMain.cost(SparkRuns.spark(), new String[] {dir.toString(), "--output",
        tmp.resolve("out").toString()}, new PrintWriter(out), new PrintWriter(new StringWriter())));
    assertTrue(out.toString().contains("; " + m.group(1) + " records read, 2 skipped)"),
        out.toString());
  }

  @Test
  void flagsThatCannotApply_refusedWithOneLineExit2() {
    String[][] cases = {
      {"--by", "day,block"}, {"--threads", "4"}, {"--format", "json"},
      {"--since", "2026-02-12", "--until", "2026-02-11"}, {"--timezone", "Mars/Olympus"},
      {"--by", "weekday"}};
    String[] expected = {"--by block does not apply on Spark", "--threads does not apply on",
        "--format json does not apply on", "--since 2026-02-12 is after --until 2026-02-11",
        "--timezone 'Mars/Olympus' is not a time zone id", "--by 'weekday': expected day"};
    for (int i = 0; i < cases.length; i++) {
      StringWriter err = new StringWriter();
      int code = run(err, concat(new String[] {"cost", tmp.toString(), "--output",
          tmp.resolve("out").toString()}, cases[i]));
      assertEquals(2, code, err.toString());
      assertTrue(err.toString().startsWith("polpo-check: error: " + expected[i]),
          err.toString());
      assertEquals(1, err.toString().lines().count(), err.toString());
    }
  }

  @Test
  void codexRollouts_refusedLikeTheCli_nothingWritten() throws Exception {
    // Never a silent zero: Codex CLI rollouts hold no record of a format polpo-check prices, so
    // the CLI exits 3 naming the format (TraceReader.refuseSilentZero); the Spark job must say
    // the same line, not write empty tables.
    Path codex = SparkRuns.shared().resolve("data/traces/codex-real");
    SparkRuns.Run cli = SparkRuns.cli("cost", codex.toString());
    assertEquals(3, cli.code(), cli.err());
    assertTrue(cli.err().contains("a format polpo-check does not price"), cli.err());
    StringWriter err = new StringWriter();
    Path out = tmp.resolve("codex-out");
    assertEquals(3, run(err, "cost", codex.toString(), "--output", out.toString()));
    assertEquals(cli.err().strip(), err.toString().strip());
    assertFalse(Files.exists(out.resolve("parquet")), "no table written");
    // one input with calls beside it does not excuse the other
    Path claude = SparkRuns.shared().resolve("data/traces/claude-code-real");
    StringWriter both = new StringWriter();
    assertEquals(3, run(both, "cost", claude.toString(), codex.toString(), "--output",
        tmp.resolve("both-out").toString()));
    assertTrue(both.toString().startsWith("polpo-check: error: " + codex + ": no LLM call"),
        both.toString());
  }

  @Test
  void missingInput_oneLineErrorExit3() {
    StringWriter err = new StringWriter();
    int code = run(err, "cost", tmp.resolve("nope").toUri().toString(), "--output",
        tmp.resolve("out").toString());
    assertEquals(3, code);
    assertTrue(err.toString().matches("polpo-check: error: \\S*nope: no such file or directory\\R"),
        err.toString());
  }

  @Test
  void unknownPriceCatalog_usageErrorExit2() {
    StringWriter err = new StringWriter();
    int code = run(err, "cost", tmp.toString(), "--prices", "lisst", "--output",
        tmp.resolve("out").toString());
    assertEquals(2, code);
    assertTrue(err.toString().startsWith("polpo-check: error: "), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
  }

  @Test
  void credentialInASessionId_maskedInEveryTable() throws Exception {
    // an Anthropic API key's shape (sk-ant-api03- + 93 characters + AA) as a session id
    String body = "Zq8xW" + "k".repeat(80) + "Tp0Lm3Nv" + "AA";
    String canary = "sk-ant-api03-" + body;
    Path dir = Files.createDirectories(tmp.resolve("traces/proj"));
    Files.writeString(dir.resolve("t.jsonl"), "{\"type\":\"assistant\",\"sessionId\":\""
        + canary + "\",\"timestamp\":\"2026-11-20T10:00:00.000Z\",\"requestId\":\"req_1\","
        + "\"message\":{\"id\":\"msg_1\",\"model\":\"claude-sonnet-4-5\",\"content\":[],"
        + "\"usage\":{\"input_tokens\":1000,\"output_tokens\":2000}}}\n");
    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    assertEquals(0, run(err, "cost", tmp.resolve("traces").toString(), "--output",
        out.toString(), "--by", "day,week,month,session,agent,model,profile",
        "--timezone", "Europe/Rome", "--since", "2026-11-20"), err.toString());
    assertTrue(Files.isRegularFile(out.resolve("summary.json")));
    assertTrue(Files.isDirectory(out.resolve("csv/by=profile")));
    String piece = body.substring(0, 8);
    try (java.util.stream.Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertTrue(!text.contains(piece), f.toString());
      }
    }
    Row session = SparkRuns.spark().read().parquet(out.resolve("parquet").toString())
        .where("by = 'session'").first();
    assertEquals("sk-ant-api03-…", session.getAs("key"));
  }

  /** One Claude Code assistant record of session %s with message id %s. */
  private static final String ASSISTANT = "{\"type\":\"assistant\",\"sessionId\":\"%s\","
      + "\"timestamp\":\"2026-11-20T10:00:00.000Z\",\"requestId\":\"req_1\","
      + "\"message\":{\"id\":\"%s\",\"model\":\"claude-sonnet-4-5\",\"content\":[],"
      + "\"usage\":{\"input_tokens\":1000,\"output_tokens\":2000}}}\n";

  private static String[] concat(String[] a, String[] b) {
    String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /** A written table's cost per key, from the Parquet copy. */
  private static Map<String, BigDecimal> table(Path out, String by) {
    Map<String, BigDecimal> m = new TreeMap<>();
    for (Row r : SparkRuns.spark().read().parquet(out.resolve("parquet").toString())
        .where("by = '" + by + "'").collectAsList()) {
      m.put(r.getAs("key"), ((BigDecimal) r.getAs("cost_usd")).stripTrailingZeros());
    }
    return m;
  }

  /** Runs both on {@code traces}; asserts equal totals; returns the CLI's cost per model. */
  private Map<String, BigDecimal> sameAsCli(Path traces) throws Exception {
    SparkRuns.Run cli = SparkRuns.cli("cost", traces.toString(), "--by", "model", "--format",
        "json");
    assertEquals(0, cli.code(), cli.err());
    JsonNode cost = JSON.readTree(cli.out()).get("cost");
    Map<String, BigDecimal> expected = new TreeMap<>();
    for (JsonNode r : cost.get("rows")) {
      expected.put(r.get("key").asString(), r.get("costUsd").get("total").decimalValue());
    }
    assertTrue(expected.size() >= 1);

    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    // file:// URI: the job reads through Hadoop's file system, as it would hdfs:// or s3a://
    assertEquals(0, run(err, "cost", traces.toUri().toString(), "--output", out.toString()),
        err.toString());
    JsonNode summary = JSON.readTree(Files.readString(out.resolve("summary.json")));
    JsonNode total = cost.get("total");
    assertEquals(total.get("calls").asLong(), summary.get("calls").asLong());
    assertEquals(0, total.get("costUsd").get("total").decimalValue()
        .compareTo(new BigDecimal(summary.get("costUsd").asString())));

    Map<String, BigDecimal> actual = new TreeMap<>();
    for (Row r : SparkRuns.spark().read().parquet(out.resolve("parquet").toString())
        .where("by = 'model'").collectAsList()) {
      actual.put(r.getAs("key"), ((BigDecimal) r.getAs("cost_usd")).stripTrailingZeros());
    }
    Map<String, BigDecimal> exp = new TreeMap<>();
    expected.forEach((k, v) -> exp.put(k, v.stripTrailingZeros()));
    assertEquals(exp, actual);
    // every grouping sums to the same total
    for (String by : new String[] {"day", "agent", "session"}) {
      long picos = 0;
      for (Row r : SparkRuns.spark().read().parquet(out.resolve("parquet").toString())
          .where("by = '" + by + "'").collectAsList()) {
        picos += (Long) r.getAs("cost_picos");
      }
      assertEquals(summary.get("costPicos").asLong(), picos, by);
    }
    assertTrue(Files.isDirectory(out.resolve("json/by=session")));
    assertTrue(Files.isDirectory(out.resolve("csv/by=day")));
    return expected;
  }

  private static BigDecimal sum(Map<String, BigDecimal> m) {
    return m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static int run(StringWriter err, String... args) {
    return SparkMain.cost(SparkRuns.spark(), java.util.Arrays.copyOfRange(args, 1, args.length),
        new PrintWriter(new StringWriter()), new PrintWriter(err));
  }
}
