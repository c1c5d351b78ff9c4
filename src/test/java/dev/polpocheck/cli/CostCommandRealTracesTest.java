package dev.polpocheck.cli;

import dev.polpocheck.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a user sees running {@code polpo-check cost} on the 206 real mini-swe-agent runs: the total
 * the agents recorded (13.263509728 USD, trace README), recorded vs computed within 1e-9 USD, and
 * the 12 calls without usage reported, not priced.
 */
class CostCommandRealTracesTest {
  @Test
  void miniSweTraces_bySession_matchRecordedCostsAndReportCallsWithoutUsage() {
    Path root = SharedData.require("data", "traces", "mini-swe-agent");
    CommandLine cl = PolpoCheckCommand.newCommandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertEquals(
        0,
        cl.execute(
            "cost",
            root.toString(),
            "--prices",
            "deepseek",
            "--by",
            "session",
            "--format",
            "json"));
    JsonNode j = JsonMapper.builder().build().readTree(out.toString());
    JsonNode total = j.at("/cost/total");
    assertEquals(
        0, new BigDecimal("13.263509728").compareTo(total.at("/costUsd/total").decimalValue()));
    assertTrue(
        total.at("/recorded/differenceUsd").decimalValue().abs().compareTo(new BigDecimal("1e-9"))
            <= 0,
        total.toString());
    assertEquals(16_232, total.path("calls").longValue());
    assertEquals(16_232, total.at("/recorded/calls").longValue());
    assertEquals(12, j.at("/inputs/records/withoutUsage").longValue());
    // one row per run with calls: 5 deepseek_reasoner_dev runs (api_calls 1, Timeout or
    // InternalServerError) recorded no response at all, so 206 - 5 = 201 sessions
    assertEquals(201, j.at("/cost/rows").size());
    assertTrue(j.at("/cost/rows/0/key").asString().startsWith("deepseek_bench1/"));
    assertEquals("deepseek", j.at("/prices/catalog").asString());
  }
}
