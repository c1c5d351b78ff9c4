package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code polpo-check cost} on OpenTelemetry spans exported as OTLP JSON (test resources {@code
 * traces/otlp}, written from the OTel GenAI conventions and the Vercel AI SDK's attribute names):
 * cached tokens are inside {@code gen_ai.usage.input_tokens} and are not billed twice, the AI SDK's
 * outer {@code ai.streamText} span is not a second call, Anthropic's own usage in the provider
 * metadata wins (with its 1-hour split and {@code inference_geo}), a replayed span in a collector
 * export is deduplicated, and a span that breaks the convention is reported, not guessed.
 *
 * <p>The fixture's three calls, by hand ({@code --assume-1h-share 0}: unsplit writes at 5m):
 *
 * <ul>
 *   <li>Sonnet 4.5 doStream: input_tokens 6,000 of which 4,000 cache reads (ai.usage.cachedInputTokens)
 *       and 1,000 writes (anthropic.cacheCreationInputTokens), so 1,000 uncached: 1,000 x $3/M =
 *       0.003; 500 out x $15/M = 0.0075; 1,000 5m writes x $3.75/M = 0.00375; 4,000 reads x $0.30/M
 *       = 0.0012 -> 0.01545 (read as Anthropic's semantics it would be 6,000 x 3/M + ... = 0.03045).
 *   <li>Opus 4.6 doGenerate with Anthropic's usage: 200 in x $5/M = 0.001; 1,000 out x $25/M =
 *       0.025; 5,000 1h writes x $10/M = 0.05; 25,000 reads x $0.50/M = 0.0125 = 0.0885, inference
 *       in the US x 1.1 -> 0.0011 + 0.0275 + 0.055 + 0.01375 = 0.09735.
 *   <li>Haiku 4.5 chat span (plain GenAI conventions, status error): 12,000 - 10,000 reads = 2,000
 *       uncached x $1/M = 0.002; 10,000 x $0.10/M = 0.001; 300 x $5/M = 0.0015 -> 0.0045.
 * </ul>
 *
 * Total 0.01545 + 0.09735 + 0.0045 = 0.1173.
 */
class CostOtlpTest {
  @TempDir Path tmp;

  private static Path fixtures() throws Exception {
    return Path.of(CostOtlpTest.class.getResource("/traces/otlp").toURI());
  }

  private static JsonNode json(CliRun r) {
    assertEquals(0, r.exit(), r.all());
    return JsonMapper.builder().build().readTree(r.out());
  }

  @Test
  void otlpSpans_arePricedExactly_withCachedTokensInsideInput() throws Exception {
    JsonNode j =
        json(
            CliRun.of(
                "cost", fixtures().toString(), "--by", "model", "--assume-1h-share", "0",
                "--format", "json"));
    JsonNode total = j.at("/cost/total");
    assertEquals(0, new BigDecimal("0.1173").compareTo(total.at("/costUsd/total").decimalValue()),
        total.toString());
    assertEquals(3, total.path("calls").longValue());
    // 4 usage spans read (the outer ai.streamText span is not one), 1 replay deduplicated
    assertEquals(4, j.at("/inputs/records/read").longValue());
    assertEquals(1, j.at("/inputs/records/deduplicated").longValue());
    assertEquals(2, j.at("/inputs/formats/otlp-json").longValue());
    // token columns in Anthropic's semantics: uncached 1,000 + 200 + 2,000
    assertEquals(3_200, total.at("/tokens/input").longValue());
    assertEquals(39_000, total.at("/tokens/cacheRead").longValue());
  }

  @Test
  void otlpSpans_bySession_useConversationIdAndAiSdkMetadata() throws Exception {
    JsonNode j =
        json(
            CliRun.of(
                "cost", fixtures().toString(), "--by", "session", "--assume-1h-share", "0",
                "--format", "json"));
    JsonNode rows = j.at("/cost/rows");
    assertEquals(2, rows.size());
    assertEquals("conv-1", rows.get(0).path("key").asString());
    assertEquals("run-7", rows.get(1).path("key").asString());
    // run-7: 0.01545 + 0.09735
    assertEquals(
        0, new BigDecimal("0.1128").compareTo(rows.get(1).at("/costUsd/total").decimalValue()));
  }

  @Test
  void spanWhoseInputIsSmallerThanItsCacheReads_isReportedNotGuessed() throws Exception {
    Path f = tmp.resolve("bad.otlp.json");
    Files.writeString(
        f,
        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"a\",\"spanId\":\"b\","
            + "\"startTimeUnixNano\":\"1795766400000000000\",\"attributes\":["
            + "{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"claude-haiku-4-5\"}},"
            + "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"100\"}},"
            + "{\"key\":\"gen_ai.usage.cache_read.input_tokens\",\"value\":{\"intValue\":\"5000\"}},"
            + "{\"key\":\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":\"10\"}}]}]}]}]}\n");
    CliRun r = CliRun.of("cost", f.toString());
    assertEquals(0, r.exit(), r.all());
    assertTrue(
        r.out().contains("gen_ai.usage.input_tokens 100 is less than its cache reads + writes 5000"),
        r.out());
    assertTrue(r.out().contains("1 skipped"), r.out());
  }

  @Test
  void credentialPastedIntoSpanAttributes_neverReachesTheOutput() throws Exception {
    String key = "sk-ant-api03-CANARY" + "A".repeat(80) + "-AAAAAAAA";
    Path f = tmp.resolve("leak.otlp.json");
    Files.writeString(
        f,
        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"a\",\"spanId\":\"b\","
            + "\"startTimeUnixNano\":\"1795766400000000000\",\"attributes\":["
            + "{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"claude-haiku-4-5\"}},"
            + "{\"key\":\"gen_ai.conversation.id\",\"value\":{\"stringValue\":\"" + key + "\"}},"
            + "{\"key\":\"gen_ai.agent.name\",\"value\":{\"stringValue\":\"" + key + "\"}},"
            + "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"100\"}},"
            + "{\"key\":\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":\"10\"}}]}]}]}]}\n");
    for (String by : new String[] {"session", "agent"}) {
      for (String format : new String[] {"text", "json", "csv"}) {
        CliRun r = CliRun.of("cost", f.toString(), "--by", by, "--format", format);
        assertEquals(0, r.exit(), r.all());
        assertTrue(!r.all().contains("CANARYAAAA"), by + " " + format + ": " + r.all());
      }
    }
  }
}
