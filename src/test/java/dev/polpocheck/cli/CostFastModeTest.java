package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code polpo-check cost --format json} on a Claude Code transcript with fast-mode requests: an
 * Opus 4.8 fast request (before its removal on 2026-11-30) is billed at the fast rates, an Opus 4.6
 * fast request at 6 x (Anthropic's fast-mode page); {@code prices list --format json} shows the
 * fast tier in force today where the catalog has one.
 */
class CostFastModeTest {
  @TempDir Path tmp;

  private static String line(String id, String model, String speed) {
    return "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"timestamp\":\"2026-11-20T10:00:00.000Z\","
        + "\"requestId\":\"req_"
        + id
        + "\",\"message\":{\"id\":\"msg_"
        + id
        + "\",\"model\":\""
        + model
        + "\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],"
        + "\"usage\":{\"input_tokens\":1000,\"output_tokens\":2000,"
        + "\"cache_creation_input_tokens\":7000,\"cache_read_input_tokens\":100000,"
        + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":4000,\"ephemeral_1h_input_tokens\":3000}"
        + speed
        + "}}}";
  }

  private JsonNode costJson(String... lines) throws Exception {
    Path f = tmp.resolve("projects/p/a.jsonl");
    Files.createDirectories(f.getParent());
    Files.writeString(f, String.join("\n", lines) + "\n");
    CliRun r = CliRun.of("cost", f.toString(), "--format", "json");
    assertEquals(0, r.exit(), r.err());
    return JsonMapper.builder().build().readTree(r.out());
  }

  @Test
  void claudeCodeSpeedFast_onOpus48_isBilledAtTheFastRates() throws Exception {
    // fast $10 in / $50 out, 5m write $12.50, 1h write $20, read $1 per MTok:
    // 1,000 x 10/M = 0.01; 2,000 x 50/M = 0.10; 4,000 x 12.5/M = 0.05; 3,000 x 20/M = 0.06;
    // 100,000 x 1/M = 0.10 -> 0.32
    JsonNode j = costJson(line("1", "claude-opus-4-8", ",\"speed\":\"fast\""));
    assertEquals("0.32", j.at("/cost/total/costUsd/total").decimalValue().toPlainString());
  }

  @Test
  void claudeCodeSpeedFast_onOpus46_isBilledAtSixTimes() throws Exception {
    // 4.6 fast (prompt 108,000 <= 200K): $30 / $150, 5m 1.25 x 30 = $37.50, 1h 2 x 30 = $60, read
    // 0.1 x 30 = $3: 1,000 x 30/M = 0.03; 2,000 x 150/M = 0.30; 4,000 x 37.5/M = 0.15;
    // 3,000 x 60/M = 0.18; 100,000 x 3/M = 0.30 -> 0.96. The 4.8 standard call:
    // 0.005 + 0.05 + 0.025 + 0.03 + 0.05 = 0.16. Total 1.12.
    JsonNode j =
        costJson(
            line("1", "claude-opus-4-6", ",\"speed\":\"fast\""),
            line("2", "claude-opus-4-8", ",\"speed\":\"standard\""));
    assertEquals("1.12", j.at("/cost/total/costUsd/total").decimalValue().toPlainString());
    assertEquals(2, j.at("/inputs/records/priced").longValue());
  }

  @Test
  void pricesListJson_showsTodaysFastTiers() throws Exception {
    CliRun r = CliRun.of("prices", "list", "--prices", "anthropic", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode models = JsonMapper.builder().build().readTree(r.out()).get(0).get("models");
    JsonNode opus5 = null;
    JsonNode opus48 = null;
    JsonNode opus47 = null;
    for (JsonNode m : models) {
      String id = m.path("model").asString();
      if ("claude-opus-5".equals(id)) {
        opus5 = m;
      } else if ("claude-opus-4-8".equals(id)) {
        opus48 = m;
      } else if ("claude-opus-4-7".equals(id)) {
        opus47 = m;
      }
    }
    // Anthropic's published fast rates for Opus 5: $10 in / $50 out per MTok
    assertEquals(0, opus5.at("/fast/input").decimalValue().compareTo(new BigDecimal(10)));
    assertEquals(0, opus5.at("/fast/output").decimalValue().compareTo(new BigDecimal(50)));
    assertFalse(opus48.has("fast"), "Opus 4.8's fast mode was removed on 2026-11-30");
    assertFalse(opus47.has("fast"), "Opus 4.7's fast mode was removed on 2026-07-24");
  }
}
