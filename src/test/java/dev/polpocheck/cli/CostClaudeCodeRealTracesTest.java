package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code polpo-check cost} on the 20 real Claude Code session files of {@code
 * ../shared/data/traces/claude-code-real} (Claude Code 2.1.38/2.1.39, Opus 4.6, Sonnet 4.5, Haiku
 * 4.5, every write with its 5m/1h split): exactly USD 51.7425811 over 904 billed calls, the figure
 * the corpus README computes independently from Anthropic's list prices (and ccusage 20's {@code
 * daily} report agrees). Under CI the corpus must be there: its absence fails the test.
 */
class CostClaudeCodeRealTracesTest {
  @Test
  void realClaudeCodeLogs_costExactly51_7425811() {
    Path root =
        Path.of(System.getProperty("polpocheck.shared", "../shared"), "data", "traces",
            "claude-code-real");
    RealTraces.requireOrSkip(root);
    CliRun r = CliRun.of("cost", root.toString(), "--by", "model", "--format", "json");
    assertEquals(0, r.exit(), r.all());
    JsonNode j = JsonMapper.builder().build().readTree(r.out());
    JsonNode total = j.at("/cost/total");
    assertEquals(
        0,
        new BigDecimal("51.7425811").compareTo(total.at("/costUsd/total").decimalValue()),
        total.toString());
    assertEquals(904, total.path("calls").longValue());
    assertEquals(0, total.path("unpricedCalls").longValue());
    assertEquals(0, j.at("/inputs/records/skipped").longValue());
  }
}
