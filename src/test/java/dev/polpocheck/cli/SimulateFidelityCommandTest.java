package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code simulate --format json} on hand-worked traces where the replay departs from the recording:
 * a call that fails or is not run is still an input record with a price, and fast-mode calls are
 * compared with fast-mode rates when caching is taken away.
 */
class SimulateFidelityCommandTest {
  @TempDir Path dir;

  private JsonNode simulate(String lines) throws Exception {
    Path f = dir.resolve("run.jsonl");
    Files.writeString(f, lines);
    CliRun r = CliRun.of("simulate", f.toString(), "--format", "json");
    assertEquals(0, r.exit(), r.err());
    return JsonMapper.builder().build().readTree(r.out());
  }

  @Test
  void recordsPriced_countsEveryInputRecordWithAPrice_notOnlyTheCallsThatRan() throws Exception {
    // the first turn's 210,000-token prompt is over Sonnet 4.5's 200,000 window (400, the run
    // ends), the second is not run: 0 ok, yet both records have a price
    JsonNode j =
        simulate(
            """
            {"timestamp": "2026-04-10T10:00:00Z", "session": "s1", "agent": "coder", "provider": "anthropic", "model": "claude-sonnet-4-5", "usage": {"input": 210000, "output": 100}}
            {"timestamp": "2026-04-10T10:01:00Z", "session": "s1", "agent": "coder", "provider": "anthropic", "model": "claude-sonnet-4-5", "usage": {"input": 3000, "output": 100}}
            """);
    assertEquals(0, j.get("simulate").get("calls").get("ok").asLong());
    assertEquals(1, j.get("simulate").get("calls").get("failed").asLong());
    assertEquals(2, j.get("inputs").get("records").get("priced").asLong());
    assertEquals(0, j.get("inputs").get("records").get("unpriced").asLong());
  }

  @Test
  void fastMode_withoutCachingAndSavings_useTheFastRates() throws Exception {
    // Opus 5 fast mode (Opus 4.8's fast mode ended 30 Nov 2026): $10 input, $50 output, $12.50
    // 5-minute write, $1 read per MTok.
    // Turn 1: writes 5,000 ($0.0625) + 100 out ($0.005); turn 2: reads 5,000 ($0.005), writes
    // 5,000 ($0.0625) + 100 out ($0.005): $0.14. Without caching at the same fast rates:
    // 15,000 x $10 + 200 x $50 per MTok = $0.16, so caching saved $0.02. (At standard rates the
    // baseline would be $0.08 and the "savings" -$0.06.)
    JsonNode j =
        simulate(
            """
            {"timestamp": "2026-12-01T10:00:00Z", "session": "s1", "agent": "coder", "provider": "anthropic", "model": "claude-opus-5", "speed": "fast", "usage": {"input": 5000, "output": 100}}
            {"timestamp": "2026-12-01T10:01:00Z", "session": "s1", "agent": "coder", "provider": "anthropic", "model": "claude-opus-5", "speed": "fast", "usage": {"input": 10000, "output": 100}}
            """);
    JsonNode s = j.get("simulate");
    assertEquals("0.14", s.get("cost").get("total").asString());
    assertEquals("0.16", s.get("costWithoutCacheUsd").asString());
    assertEquals("0.02", s.get("cacheSavingsUsd").asString());
  }

  @Test
  void opus48FastCalls_arePricedAtTheRowInForceAtTheirTime_acrossTheThirtiethOfNovember()
      throws Exception {
    // Opus 4.8's fast mode ($10 / $50, 5-minute write $12.50 per MTok) ends 2026-11-30
    // (https://code.claude.com/docs/en/fast-mode); from then a fast request bills at the
    // standard $5 / $25, write $6.25. Two sessions two days apart, each one turn writing its
    // 5,000-token prompt:
    //   29 Nov: 5,000 x $12.50 + 100 x $50 per MTok = $0.0625 + $0.005  = $0.0675
    //    1 Dec: 5,000 x $6.25  + 100 x $25 per MTok = $0.03125 + $0.0025 = $0.03375
    // total $0.10125; without caching $0.055 + $0.0275 = $0.0825, so caching "saved" -$0.01875.
    // (Priced at today's row both calls bill at standard rates: $0.0675 in all.)
    JsonNode j =
        simulate(
            """
            {"timestamp": "2026-11-29T10:00:00Z", "session": "s1", "agent": "coder", "provider": "anthropic", "model": "claude-opus-4-8", "speed": "fast", "usage": {"input": 5000, "output": 100}}
            {"timestamp": "2026-12-01T10:00:00Z", "session": "s2", "agent": "coder", "provider": "anthropic", "model": "claude-opus-4-8", "speed": "fast", "usage": {"input": 5000, "output": 100}}
            """);
    JsonNode s = j.get("simulate");
    assertEquals("0.10125", s.get("cost").get("total").asString());
    assertEquals("0.0825", s.get("costWithoutCacheUsd").asString());
    assertEquals("-0.01875", s.get("cacheSavingsUsd").asString());
  }
}
