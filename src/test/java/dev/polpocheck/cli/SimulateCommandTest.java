package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects {@code polpo-check simulate} as users run it: it works with no scenario, prints the
 * hand-worked cost, gives byte-identical JSON for the same input and seed, writes CSV, and turns
 * bad scenarios, flags and paths into one line and the right exit code.
 */
class SimulateCommandTest {
  @TempDir Path dir;

  private Path traces() throws Exception {
    Path f = dir.resolve("run.jsonl");
    Files.writeString(
        f,
        """
        {"timestamp": "2026-04-10T10:00:00Z", "session": "s1", "agent": "coder", "provider": "anthropic", "model": "claude-sonnet-4-5", "usage": {"input": 2000, "output": 100}}
        {"timestamp": "2026-04-10T10:01:00Z", "session": "s1", "agent": "coder", "provider": "anthropic", "model": "claude-sonnet-4-5", "usage": {"input": 3000, "output": 100}}
        """);
    return f;
  }

  @Test
  void simulate_noScenario_printsSummaryWithHandWorkedCost() throws Exception {
    CliRun r = CliRun.of("simulate", traces().toString(), "--format", "json");
    assertEquals(0, r.exit(), r.err());
    // turn 1 writes 2,000 tokens, turn 2 reads them and writes 1,000 (5-minute TTL, Sonnet 4.5):
    // 3,000 x $3.75 + 2,000 x $0.30 + 200 x $15 per MTok = $0.01125 + $0.0006 + $0.003
    assertTrue(r.out().contains("\"total\" : 0.01485"), r.out());
    assertTrue(r.out().contains("\"command\" : \"simulate\""), r.out());
    assertTrue(r.out().contains("\"variant\" : \"polpo-code\""), r.out());
  }

  @Test
  void simulate_json_followsTheSharedResultEnvelope() throws Exception {
    CliRun r = CliRun.of("simulate", traces().toString(), "--format", "json");
    Path basedir = Path.of(System.getProperty("polpocheck.basedir", "."));
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(basedir.resolve("schemas/result.schema.json")));
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertEquals(List.of(), schema.validate(json));
    assertEquals("simulate", json.get("command").asString());
    assertEquals(2, json.get("simulate").get("calls").get("ok").asLong());
    assertEquals("0.8", json.get("assumptions").get("assumed1hShare").asString());
  }

  @Test
  void simulate_text_saysPlainlyWhatTheCodeVariantCannotDo() throws Exception {
    CliRun r = CliRun.of("simulate", traces().toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().startsWith("simulate: polpo-code, rotation polpo, environment keys"), r.out());
    assertTrue(r.out().contains("calls: 2 in, 2 ok, 0 failed, 0 not run"), r.out());
    assertTrue(r.out().contains("a 429 never rotates a credential"), r.out());
  }

  @Test
  void simulate_sameInputAndSeed_byteIdenticalJson() throws Exception {
    Path scenario = dir.resolve("s.json");
    Files.writeString(
        scenario,
        """
        {"profiles": [
          {"id": "a", "provider": "anthropic", "type": "oauth", "organisation": "x", "tier": "tier1",
           "tokenLifetimeMinutes": 0.5, "refreshFailureRate": 0.5},
          {"id": "b", "provider": "anthropic", "type": "api_key", "organisation": "y", "tier": "tier1"}]}
        """);
    String t = traces().toString();
    CliRun a =
        CliRun.of(
            "simulate", t, "--scenario", scenario.toString(), "--format", "json", "--seed", "5");
    CliRun b =
        CliRun.of(
            "simulate",
            t,
            "--scenario",
            scenario.toString(),
            "--format",
            "json",
            "--seed",
            "5",
            "--selector",
            "reference");
    assertEquals(0, a.exit(), a.err());
    assertEquals(
        a.out().replace("\"selector\" : \"fast\"", ""),
        b.out().replace("\"selector\" : \"reference\"", ""));
    assertEquals(
        a.out(),
        CliRun.of(
                "simulate", t, "--scenario", scenario.toString(), "--format", "json", "--seed", "5")
            .out());
  }

  @Test
  void simulate_csv_hasHeaderTotalAndGroupRows() throws Exception {
    CliRun r = CliRun.of("simulate", traces().toString(), "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].startsWith("group,key,calls,"), lines[0]);
    assertTrue(lines[1].startsWith("total,,2,0,200,2000,3000,0,"), lines[1]);
    assertTrue(lines[1].endsWith(",0.01485"), lines[1]);
  }

  @Test
  void simulate_badScenario_exit3WithFileLineColumn() throws Exception {
    Path scenario = dir.resolve("bad.json");
    Files.writeString(scenario, "{\n  \"variant\": \"polpo-dogs\"\n}\n");
    CliRun r =
        CliRun.of("simulate", traces().toString(), "--scenario", scenario.toString());
    assertEquals(3, r.exit());
    assertTrue(r.err().startsWith("polpo-check: error: " + scenario + ":2:14: "), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void simulate_workspaceRateLimits_areReadAndEchoed_anUnknownModelClassIsExit3() throws Exception {
    Path scenario = dir.resolve("ws.json");
    Files.writeString(
        scenario,
        """
        {"profiles": [{"id": "a", "provider": "anthropic", "type": "api_key", "organisation": "o",
                       "tier": "tier4", "workspace": "w"}],
         "organisations": {"o": {"workspaces": {"w": {"rateLimits": {"SONNET_4": {"rpm": 50}}}}}},
         "timing": {"batchCompletionMinutes": 30}}
        """);
    CliRun ok =
        CliRun.of("simulate", traces().toString(), "--scenario", scenario.toString(), "--format",
            "json");
    assertEquals(0, ok.exit(), ok.err());
    String flat = ok.out().replaceAll("\\s+", "");
    assertTrue(flat.contains("\"rateLimits\":{\"SONNET_4\":{\"rpm\":50}}"), ok.out());
    assertTrue(flat.contains("\"batchCompletionMinutes\":30.0"), ok.out());
    Files.writeString(
        scenario,
        "{\"organisations\": {\"o\": {\"workspaces\": {\"w\": {\"rateLimits\":\n"
            + "  {\"SONNET_9\": {\"rpm\": 50}}}}}}}\n");
    CliRun bad = CliRun.of("simulate", traces().toString(), "--scenario", scenario.toString());
    assertEquals(3, bad.exit());
    assertTrue(bad.err().startsWith("polpo-check: error: " + scenario + ":"), bad.err());
    assertTrue(bad.err().contains("SONNET_9"), bad.err());
    assertFalse(bad.err().contains("\tat "), bad.err());
  }

  @Test
  void simulate_badTraceLine_isSkippedCountedAndShown() throws Exception {
    Path f = traces();
    Files.writeString(f, Files.readString(f) + "{\"timestamp\": 5, \"session\": \"s2\"}\n");
    CliRun r = CliRun.of("simulate", f.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("records: 3 read, 2 replayed, 1 skipped"), r.out());
    assertTrue(r.out().contains("run.jsonl:3"), r.out());
  }

  @Test
  void simulate_unknownSelector_isUsageError() throws Exception {
    CliRun r = CliRun.of("simulate", traces().toString(), "--selector", "magic");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("expected fast or reference"), r.err());
  }

  @Test
  void simulate_missingTraceFile_exit3() {
    CliRun r = CliRun.of("simulate", dir.resolve("nope.jsonl").toString());
    assertEquals(3, r.exit());
    assertTrue(r.err().contains("nope.jsonl"), r.err());
  }

  @Test
  void simulate_fastModeCall_isReplayedAtTheFastTier() throws Exception {
    // Two Opus 5 calls of 400 uncached input and 200 output tokens (below Opus 5's 512-token
    // minimum, so nothing is cached), one marked fast. The simulator prices at today's catalog
    // rows (Opus 4.8's fast mode ended 2026-11-30; Opus 5's is $10/$50). Standard: 400 x $5/M +
    // 200 x $25/M = $0.002 + $0.005 = $0.007; fast: 400 x $10/M + 200 x $50/M = $0.004 + $0.01 =
    // $0.014. Total $0.021, of which input $0.002 + $0.004 = $0.006 and output $0.015.
    Path t = dir.resolve("fast.jsonl");
    Files.writeString(t,
        "{\"timestamp\":1764000000000,\"session\":\"a\",\"agent\":\"coder\","
            + "\"provider\":\"anthropic\",\"model\":\"claude-opus-5\",\"speed\":\"fast\","
            + "\"usage\":{\"input\":400,\"output\":200,\"cacheRead\":0,\"cacheWrite\":0}}\n"
            + "{\"timestamp\":1764000060000,\"session\":\"b\",\"agent\":\"coder\","
            + "\"provider\":\"anthropic\",\"model\":\"claude-opus-5\","
            + "\"usage\":{\"input\":400,\"output\":200,\"cacheRead\":0,\"cacheWrite\":0}}\n");
    CliRun r = CliRun.of("simulate", t.toString());
    assertEquals(0, r.exit(), r.all());
    assertTrue(r.out().contains("cost: $0.0210 (input $0.0060, output $0.0150,"), r.out());
  }
}
