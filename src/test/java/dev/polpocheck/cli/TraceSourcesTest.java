package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace sources users really have, through {@code polpo-check cost}: never a silent zero (a
 * folder of Codex CLI rollouts or of transcripts without a single call is an error naming the
 * formats looked for), the dedup edge cases of Claude Code transcripts (the most complete copy
 * across files, the 5m/1h split on a tie, recorded costs of unpriced calls kept, {@code usage:
 * null} and {@code <synthetic>} lines counted, an empty model name named, a JSON line that is not
 * an object not called truncated), and the default folders read without TRACES.
 *
 * <p>Expected costs by hand at Sonnet 4.5's rates ($3 in, $15 out, $3.75 5m write, $6 1h write,
 * $0.30 read per MTok).
 */
class TraceSourcesTest {
  @TempDir Path tmp;

  private static String line(String id, String model, String usage, String extra) {
    return "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"timestamp\":\"2026-11-20T10:00:00.000Z\","
        + "\"requestId\":\"req_"
        + id
        + "\""
        + extra
        + ",\"message\":{\"id\":\"msg_"
        + id
        + "\""
        + (model == null ? "" : ",\"model\":\"" + model + "\"")
        + ",\"usage\":"
        + usage
        + "}}";
  }

  private Path file(String name, String... lines) throws Exception {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  private static JsonNode json(CliRun r) {
    assertEquals(0, r.exit(), r.all());
    return JsonMapper.builder().build().readTree(r.out());
  }

  private static BigDecimal total(JsonNode j) {
    return j.at("/cost/total/costUsd/total").decimalValue().stripTrailingZeros();
  }

  @Test
  void codexRollouts_areAnErrorNamingCodexAndTheFormatsLookedFor() throws Exception {
    Path codex = tmp.resolve("codex");
    Files.createDirectories(codex);
    // a real rollout's first line (shared/data/traces/codex-real, session_meta event)
    file(
        "codex/rollout-2026-02-23T12-40-23-x.jsonl",
        "{\"timestamp\":\"2026-02-23T11:40:29.275Z\",\"type\":\"session_meta\",\"payload\":{\"id\":"
            + "\"019c8a4c\",\"cli_version\":\"0.104.0-alpha.1\",\"model_provider\":\"openai\"}}",
        "{\"timestamp\":\"2026-02-23T11:40:42.097Z\",\"type\":\"event_msg\",\"payload\":{\"type\":"
            + "\"token_count\",\"info\":{\"total_token_usage\":{\"input_tokens\":17203,"
            + "\"cached_input_tokens\":3456,\"output_tokens\":358}}}}");
    CliRun r = CliRun.of("cost", codex.toString());
    assertEquals(3, r.exit(), r.all());
    assertTrue(r.err().startsWith("polpo-check: error: " + codex + ": no LLM call record found"),
        r.err());
    assertTrue(r.err().contains("Codex CLI rollouts"), r.err());
    assertTrue(r.err().contains("looked for polpo-check trace JSONL"), r.err());
    assertTrue(r.err().contains("OpenTelemetry OTLP JSON spans"), r.err());
  }

  @Test
  void realCodexLogs_areNeverASilentZero() {
    Path codex = Path.of(System.getProperty("polpocheck.shared", "../shared"),
        "data", "traces", "codex-real");
    RealTraces.requireOrSkip(codex);
    CliRun r = CliRun.of("cost", codex.toString());
    assertEquals(3, r.exit(), r.all());
    assertTrue(r.err().contains("these are Codex CLI rollouts"), r.err());
  }

  @Test
  void transcriptsWithoutAnyCall_areAnError_notZeroDollars() throws Exception {
    Path f = file("p/only-user.jsonl",
        "{\"type\":\"user\",\"sessionId\":\"s1\",\"message\":{\"role\":\"user\",\"content\":\"hi\"}}");
    CliRun r = CliRun.of("cost", f.getParent().toString());
    assertEquals(3, r.exit(), r.all());
    assertTrue(r.err().contains("no LLM call record found; looked for"), r.err());
  }

  @Test
  void codexFileBesideTranscripts_isNamedInAWarning() throws Exception {
    file("mix/a.jsonl", line("1", "claude-sonnet-4-5", "{\"input_tokens\":100,\"output_tokens\":10}",
        ""));
    file("mix/rollout.jsonl",
        "{\"timestamp\":\"2026-02-23T11:40:29.275Z\",\"type\":\"session_meta\",\"payload\":{}}");
    CliRun r = CliRun.of("cost", tmp.resolve("mix").toString());
    assertEquals(0, r.exit(), r.all());
    assertTrue(r.out().contains("rollout.jsonl: a Codex CLI rollout, not read"), r.out());
  }

  @Test
  void duplicateAcrossFiles_theMoreCompleteCopyWins_notTheFirstFile() throws Exception {
    // a.jsonl holds the streaming copy (10 output tokens), b.jsonl the final one (500):
    // 100 x 3/M + 500 x 15/M = 0.0003 + 0.0075 = 0.0078 (the first file's copy: 0.00045)
    file("d/a.jsonl", line("1", "claude-sonnet-4-5", "{\"input_tokens\":100,\"output_tokens\":10}",
        ""));
    file("d/b.jsonl", line("1", "claude-sonnet-4-5", "{\"input_tokens\":100,\"output_tokens\":500}",
        ""));
    JsonNode j = json(CliRun.of("cost", tmp.resolve("d").toString(), "--format", "json"));
    assertEquals(new BigDecimal("0.0078"), total(j));
    assertEquals(1, j.at("/inputs/records/deduplicated").longValue());
  }

  @Test
  void duplicateTie_theCopyWithTheTtlSplitWins() throws Exception {
    // same tokens; a.jsonl without the split (priced 5m with --assume-1h-share 0), b.jsonl with
    // 1,000 1-hour writes: 100 x 3/M + 10 x 15/M + 1,000 x 6/M = 0.0003 + 0.00015 + 0.006 = 0.00645
    // (the unsplit copy would give 0.0003 + 0.00015 + 0.00375 = 0.0042)
    file("t/a.jsonl", line("1", "claude-sonnet-4-5",
        "{\"input_tokens\":100,\"output_tokens\":10,\"cache_creation_input_tokens\":1000}", ""));
    file("t/b.jsonl", line("1", "claude-sonnet-4-5",
        "{\"input_tokens\":100,\"output_tokens\":10,\"cache_creation_input_tokens\":1000,"
            + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":0,\"ephemeral_1h_input_tokens\":1000}}",
        ""));
    JsonNode j = json(CliRun.of("cost", tmp.resolve("t").toString(), "--assume-1h-share", "0",
        "--format", "json"));
    assertEquals(new BigDecimal("0.00645"), total(j));
  }

  @Test
  void unpricedCallsRecordedCost_nullUsageSyntheticAndEmptyModel_areAllShown() throws Exception {
    Path f = file("u/s.jsonl",
        line("1", "claude-unknown-9", "{\"input_tokens\":100,\"output_tokens\":10}",
            ",\"costUSD\":0.5"),
        line("2", "claude-sonnet-4-5", "null", ""),
        line("3", "<synthetic>", "{\"input_tokens\":0,\"output_tokens\":0}", ""),
        line("4", null, "{\"input_tokens\":100,\"output_tokens\":10}", ""),
        "[1,2,3]");
    CliRun text = CliRun.of("cost", f.toString());
    assertEquals(0, text.exit(), text.all());
    assertTrue(text.out().contains("the traces recorded 0.50 USD for 1 of the unpriced call(s)"),
        text.out());
    assertTrue(text.out().contains("not calls: 1 line(s) with usage null, 1 <synthetic> message(s)"),
        text.out());
    assertTrue(text.out().contains("no price for (empty model name)"), text.out());
    assertTrue(text.out().contains("0 skipped"), "a JSON array line is not truncated: " + text.out());
    assertTrue(text.out().contains(":5: valid JSON but not an object"), text.out());
    JsonNode j = json(CliRun.of("cost", f.toString(), "--format", "json"));
    assertEquals(0, new BigDecimal("0.5").compareTo(
        j.at("/cost/total/unpricedRecorded/costUsd").decimalValue()));
    assertEquals(1, j.at("/inputs/records/usageNull").longValue());
    assertEquals(1, j.at("/inputs/records/synthetic").longValue());
  }

  @Test
  void noTraces_readsTheHomeClaudeProjectsFolder_andSaysWhich() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("CLAUDE_CONFIG_DIR") == null, "CLAUDE_CONFIG_DIR is set here");
    file("home/.claude/projects/p/s.jsonl",
        line("1", "claude-sonnet-4-5", "{\"input_tokens\":100,\"output_tokens\":500}", ""));
    String before = System.getProperty("user.home");
    System.setProperty("user.home", tmp.resolve("home").toString());
    try {
      CliRun r = CliRun.of("cost", "--format", "json");
      // 100 x 3/M + 500 x 15/M = 0.0078
      assertEquals(new BigDecimal("0.0078"), total(json(r)));
      assertTrue(r.err().contains("reading Claude Code transcripts in "
          + tmp.resolve("home/.claude/projects")), r.err());
      System.setProperty("user.home", tmp.resolve("empty").toString());
      CliRun none = CliRun.of("cost");
      assertEquals(3, none.exit(), none.all());
      assertTrue(none.err().contains("no TRACES given and no Claude Code projects folder found"),
          none.err());
    } finally {
      System.setProperty("user.home", before);
    }
  }

  @Test
  void noTraces_readsClaudeConfigDir() throws Exception {
    file("cfg/projects/p/s.jsonl",
        line("1", "claude-sonnet-4-5", "{\"input_tokens\":100,\"output_tokens\":500}", ""));
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.polpocheck.cli.Main");
    cmd.add("cost");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("CLAUDE_CONFIG_DIR", tmp.resolve("cfg").toString());
    pb.redirectOutput(tmp.resolve("out.txt").toFile());
    pb.redirectError(tmp.resolve("err.txt").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(tmp.resolve("err.txt"));
    assertEquals(0, p.exitValue(), err);
    assertTrue(err.contains("reading Claude Code transcripts in " + tmp.resolve("cfg/projects")
        + " (from $CLAUDE_CONFIG_DIR)"), err);
    assertTrue(Files.readString(tmp.resolve("out.txt")).lines()
        .anyMatch(l -> l.startsWith("TOTAL") && l.contains("0.01")), "0.0078 rounds to 0.01");
  }

  @Test
  void inferenceGeoUs_fromClaudeCodeAndNativeTraces_costsOnePointOne() throws Exception {
    // Opus 4.6 ($5 in, $25 out): 1,000 x 5/M + 100 x 25/M = 0.005 + 0.0025 = 0.0075, x 1.1 = 0.00825
    // for each of the two calls, the Claude Code one and the native one -> 0.0165
    file("g/cc.jsonl", line("1", "claude-opus-4-6",
        "{\"input_tokens\":1000,\"output_tokens\":100,\"inference_geo\":\"us\"}", ""));
    file("g/native.jsonl",
        "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"session\":\"n\",\"model\":\"claude-opus-4-6\","
            + "\"inferenceGeo\":\"us\",\"usage\":{\"input\":1000,\"output\":100}}");
    JsonNode j = json(CliRun.of("cost", tmp.resolve("g").toString(), "--format", "json"));
    assertEquals(new BigDecimal("0.0165"), total(j));
  }
}
