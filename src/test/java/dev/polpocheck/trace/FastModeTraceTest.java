package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast-mode flag reaches the canonical call from every format that records it: Claude Code's
 * {@code message.usage.speed: "fast"} and the native trace's {@code "speed": "fast"}; other speeds
 * leave it off, a bad native value is reported with file:line, and among duplicate streamed lines
 * the one carrying {@code speed} still wins a full tie (ccusage's last tie-break).
 */
class FastModeTraceTest {
  @TempDir Path tmp;

  static String claudeLine(String msgId, String reqId, String speedField) {
    return "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"timestamp\":\"2026-11-20T10:00:00.000Z\","
        + "\"requestId\":\""
        + reqId
        + "\",\"message\":{\"id\":\""
        + msgId
        + "\",\"model\":\"claude-opus-4-8\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],"
        + "\"usage\":{\"input_tokens\":1000,\"output_tokens\":2000,"
        + "\"cache_creation_input_tokens\":7000,\"cache_read_input_tokens\":100000,"
        + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":4000,\"ephemeral_1h_input_tokens\":3000}"
        + speedField
        + "}}}";
  }

  private Path file(String name, String... lines) throws Exception {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  private static List<Call> read(ReadSummary[] sum, Path f) {
    List<Call> out = new ArrayList<>();
    sum[0] = new TraceReader(false, 1).read(List.of(f), out::add);
    return out;
  }

  @Test
  void claudeCode_speedFast_setsTheFlag_otherSpeedsDoNot() throws Exception {
    Path f =
        file(
            "projects/p/a.jsonl",
            claudeLine("msg_1", "req_1", ",\"speed\":\"fast\""),
            claudeLine("msg_2", "req_2", ",\"speed\":\"standard\""),
            claudeLine("msg_3", "req_3", ""));
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(s, f);
    assertEquals(3, calls.size());
    assertEquals(List.of(true, false, false), calls.stream().map(Call::fast).toList());
    assertEquals(4000, calls.get(0).cacheWrite5mTokens());
    assertEquals(3000, calls.get(0).cacheWrite1hTokens());
  }

  @Test
  void claudeCode_duplicateLinesTiedOnTokensAndCost_keepTheOneCarryingSpeed() throws Exception {
    // same message and request id, same tokens, no recorded cost: the line with speed wins
    // whether it comes first or second, so the fast flag survives deduplication
    for (boolean speedFirst : new boolean[] {true, false}) {
      String withSpeed = claudeLine("msg_1", "req_1", ",\"speed\":\"fast\"");
      String without = claudeLine("msg_1", "req_1", "");
      Path f =
          file(
              "projects/p/" + speedFirst + ".jsonl",
              speedFirst ? withSpeed : without,
              speedFirst ? without : withSpeed);
      ReadSummary[] s = new ReadSummary[1];
      List<Call> calls = read(s, f);
      assertEquals(1, calls.size());
      assertEquals(1, s[0].deduplicated());
      assertTrue(calls.get(0).fast(), "speed first: " + speedFirst);
    }
  }

  @Test
  void native_speedFast_setsTheFlag_standardAndAbsentDoNot() throws Exception {
    String base =
        "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"session\":\"s\",\"model\":\"claude-opus-4-8\","
            + "\"usage\":{\"input\":10,\"output\":1}";
    Path f =
        file(
            "run.jsonl",
            base + ",\"speed\":\"fast\"}",
            base + ",\"speed\":\"standard\"}",
            base + "}");
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(s, f);
    assertEquals(List.of(true, false, false), calls.stream().map(Call::fast).toList());
  }

  @Test
  void native_unknownSpeed_isSkippedAndReportedWithItsLine() throws Exception {
    String good =
        "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"session\":\"s\",\"model\":\"claude-opus-4-8\","
            + "\"usage\":{\"input\":10,\"output\":1}}";
    String bad = good.replace("\"usage\"", "\"speed\":\"turbo\",\"usage\"");
    Path f = file("run.jsonl", good, bad);
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(s, f);
    assertEquals(1, calls.size());
    assertFalse(calls.get(0).fast());
    assertEquals(1, s[0].skipped());
    assertEquals(
        f + ":2: speed must be \"fast\" or \"standard\", found \"turbo\"",
        s[0].problems().get(0).toString());
  }
}
