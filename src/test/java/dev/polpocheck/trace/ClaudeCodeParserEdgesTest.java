package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects the Claude Code reader's handling of the records between a clean call and garbage:
 * which folder names the agent, a line too long to hold, JSON values that are not records, usage
 * written as {@code null}, zero-token calls, a TTL split of zeros, an absurd recorded cost, API
 * error messages, and request ids inside progress wrappers. Every expected value is read off the
 * input line by hand.
 */
class ClaudeCodeParserEdgesTest {
  private static final Path FILE = Path.of("/home/me/.claude/projects/-home-me-app/s1.jsonl");

  private static FileResult parse(String... lines) throws IOException {
    return ParserRun.lines(new ClaudeCodeParser(), FILE, lines);
  }

  private static FileResult parse(InputStream in) throws IOException {
    return ParserRun.stream(new ClaudeCodeParser(), FILE, in);
  }

  private static List<String> problems(FileResult r) {
    return ParserRun.problems(r);
  }

  /** An assistant line with usage {@code usage} and top-level fields {@code extra}. */
  private static String line(String id, String extra, String usage) {
    return "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"timestamp\":\"2026-10-01T10:00:00.000Z\","
        + extra
        + "\"message\":{\"id\":\""
        + id
        + "\",\"model\":\"claude-sonnet-4-5\",\"usage\":"
        + usage
        + "}}";
  }

  @Test
  void project_isTheFolderUnderTheNearestProjectsElseTheParent() {
    // The folder right under "projects" names the agent, also for sub-agent files deeper down.
    assertEquals("-home-me-app", ClaudeCodeParser.project(FILE));
    assertEquals(
        "-home-me-app",
        ClaudeCodeParser.project(Path.of("/home/me/.claude/projects/-home-me-app/s1/subagents/a.jsonl")));
    // The nearest "projects" above the file wins: the outer one is the user's own code folder.
    assertEquals(
        "-x", ClaudeCodeParser.project(Path.of("/srv/projects/work/.claude/projects/-x/s.jsonl")));
    // "projects" as the first name of the path still counts.
    assertEquals("app", ClaudeCodeParser.project(Path.of("/projects/app/sub/s.jsonl")));
    // A file directly in "projects" has no folder under it: its parent, "projects", is the agent.
    assertEquals("projects", ClaudeCodeParser.project(Path.of("/data/projects/s.jsonl")));
    // No "projects" at all: the parent folder; a file at the root has none.
    assertEquals("traces", ClaudeCodeParser.project(Path.of("/tmp/traces/s.jsonl")));
    assertEquals("", ClaudeCodeParser.project(Path.of("/s.jsonl")));
  }

  @Test
  void lineAboveTheCap_isOneSkippedRecordAndTheNextLineIsRead() throws IOException {
    // 64 MiB + 1 byte of 'x' (never held: the scanner drops it), then a real call on line 2.
    byte[] tail = ("\n" + line("msg_1", "", "{\"input_tokens\":3,\"output_tokens\":4}") + "\n")
        .getBytes(StandardCharsets.UTF_8);
    InputStream in = new OverlongLine((64L << 20) + 1, tail);
    FileResult r = parse(in);
    assertEquals(List.of("1: line longer than 64 MiB skipped (no usage record is that long)"),
        problems(r));
    assertEquals(2, r.records, "the dropped line counts as a record, the call as another");
    assertEquals(1, r.skipped);
    assertEquals(1, r.calls.size());
    assertEquals(3, r.calls.get(0).call().inputTokens());
  }

  @Test
  void jsonThatIsNoObject_isAProblemNotARecord_butAStringBeforeABraceIsASkippedRecord()
      throws IOException {
    FileResult r = parse("[1, 2]", "42", "\"usage\" }");
    assertEquals(
        List.of(
            "1: valid JSON but not an object: not a transcript record",
            "2: valid JSON but not an object: not a transcript record",
            "3: expected a JSON object"),
        problems(r));
    assertEquals(1, r.records);
    assertEquals(1, r.skipped);
    assertEquals(3, r.problemCount);
  }

  @Test
  void nullUsage_isCountedAsSuch_alsoInsideAProgressWrapper() throws IOException {
    FileResult r =
        parse(
            line("msg_1", "", "null"),
            "{\"type\":\"progress\",\"data\":{\"message\":{\"timestamp\":\"2026-10-01T10:00:00Z\","
                + "\"message\":{\"id\":\"msg_2\",\"model\":\"claude-haiku-4-5\",\"usage\":null}}}}",
            // a message without any usage key is neither a call nor a null usage
            "{\"type\":\"assistant\",\"message\":{\"id\":\"msg_3\",\"usage_note\":1}}");
    assertEquals(2, r.nullUsage);
    assertEquals(0, r.records);
    assertEquals(0, r.calls.size());
  }

  @Test
  void zeroTokens_isAWholeCall_andAZeroSplitReplacesTheAggregate() throws IOException {
    FileResult r =
        parse(
            line("msg_1", "", "{\"input_tokens\":0,\"output_tokens\":0}"),
            // the split says 0 + 0 were written: it wins over the aggregate of 50 (README: "A
            // usage.cache_creation TTL split replaces the aggregate")
            line(
                "msg_2",
                "",
                "{\"input_tokens\":1,\"output_tokens\":1,\"cache_creation_input_tokens\":50,"
                    + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":0,"
                    + "\"ephemeral_1h_input_tokens\":0}}"));
    assertEquals(List.of(), problems(r));
    assertEquals(2, r.calls.size());
    Call zero = r.calls.get(0).call();
    // one TTL of the split given as 0 and the other absent is still a split: 0 written
    FileResult oneSided =
        parse(
            line("msg_3", "", "{\"input_tokens\":1,\"output_tokens\":1,\"cache_creation_input_tokens\":50,"
                + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":0}}"),
            line("msg_4", "", "{\"input_tokens\":1,\"output_tokens\":1,\"cache_creation_input_tokens\":50,"
                + "\"cache_creation\":{\"ephemeral_1h_input_tokens\":0}}"));
    assertEquals(List.of(0L, 0L),
        oneSided.calls.stream().map(c -> c.call().cacheWriteTokens()).toList());
    assertEquals(0, zero.inputTokens());
    assertEquals(0, zero.outputTokens());
    Call split = r.calls.get(1).call();
    assertEquals(0, split.cacheWriteTokens());
  }

  @Test
  void recordedCostAboveAMillionDollars_isSkipped_exactlyAMillionIsKept() throws IOException {
    FileResult r =
        parse(
            line("msg_1", "\"costUSD\":1000000.01,", "{\"input_tokens\":1,\"output_tokens\":1}"),
            line("msg_2", "\"costUSD\":1000000,", "{\"input_tokens\":1,\"output_tokens\":1}"));
    assertEquals(List.of("1: costUSD is above 1000000 USD for one call"), problems(r));
    assertEquals(1, r.calls.size());
    assertEquals(2, r.records);
    assertEquals(1, r.skipped);
    // 1,000,000 USD = 10^6 * 10^12 picodollars
    assertEquals(1_000_000_000_000_000_000L, r.calls.get(0).call().recordedCostPicos());
  }

  @Test
  void apiErrorMessage_isAnErrorCall_onTheLineOrItsWrapper() throws IOException {
    FileResult r =
        parse(
            line("msg_1", "\"isApiErrorMessage\":true,", "{\"input_tokens\":1,\"output_tokens\":1}"),
            line("msg_2", "\"isApiErrorMessage\":false,", "{\"input_tokens\":1,\"output_tokens\":1}"),
            "{\"type\":\"progress\",\"isApiErrorMessage\":true,\"data\":{\"message\":{"
                + "\"timestamp\":\"2026-10-01T10:00:00Z\",\"message\":{\"id\":\"msg_3\","
                + "\"model\":\"claude-haiku-4-5\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}}}");
    assertEquals(3, r.calls.size());
    assertEquals(CallStatus.ERROR, r.calls.get(0).call().status());
    assertEquals(CallStatus.OK, r.calls.get(1).call().status());
    assertEquals(CallStatus.ERROR, r.calls.get(2).call().status(), "the wrapper's flag counts");
  }

  @Test
  void requestIdOfTheWrapper_separatesTwoCallsOfOneMessageId() throws IOException {
    // Same message id, request ids only on the outer progress lines: two billed requests (key =
    // message id + request id), not one message streamed twice.
    String wrapped =
        "{\"type\":\"progress\",\"requestId\":\"%s\",\"data\":{\"message\":{"
            + "\"timestamp\":\"2026-10-01T10:00:00Z\",\"message\":{\"id\":\"msg_9\","
            + "\"model\":\"claude-haiku-4-5\",\"usage\":{\"input_tokens\":%d,\"output_tokens\":1}}}}}";
    FileResult r = parse(String.format(wrapped, "req_a", 5), String.format(wrapped, "req_b", 7));
    assertEquals(2, r.calls.size(), problems(r).toString());
    assertEquals(0, r.deduplicated);
    // The same two lines with one request id are one call: the second (more tokens) wins.
    FileResult same = parse(String.format(wrapped, "req_a", 5), String.format(wrapped, "req_a", 7));
    assertEquals(1, same.calls.size());
    assertEquals(7, same.calls.get(0).call().inputTokens());
    assertTrue(same.deduplicated == 1);
  }

  @Test
  void wrapperCostAndNullFields_nullMeansAbsent_wrongKindsAreNamed() throws IOException {
    FileResult r =
        parse(
            // the cost on the outer progress line belongs to the wrapped message: 0.5 USD
            "{\"type\":\"progress\",\"costUSD\":0.5,\"data\":{\"message\":{"
                + "\"timestamp\":\"2026-10-01T10:00:00Z\",\"message\":{\"id\":\"msg_1\","
                + "\"model\":\"claude-haiku-4-5\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}}}",
            // a null session id falls back to the file's stem; a null geography is none
            "{\"sessionId\":null,\"isSidechain\":null,\"timestamp\":\"2026-10-01T10:00:00Z\","
                + "\"message\":{\"id\":\"msg_2\",\"model\":\"claude-haiku-4-5\",\"usage\":"
                + "{\"input_tokens\":1,\"output_tokens\":1,\"inference_geo\":null}}}",
            line("msg_3", "", "{\"input_tokens\":null,\"output_tokens\":1}"),
            line("msg_4", "\"isApiErrorMessage\":\"yes\",", "{\"input_tokens\":1,\"output_tokens\":1}"),
            line("msg_5", "", "{\"input_tokens\":1,\"output_tokens\":1,\"inference_geo\":\"us\"}"));
    assertEquals(
        List.of(
            "3: message.usage lacks input_tokens or output_tokens",
            "4: isApiErrorMessage must be true or false, found a string"),
        problems(r));
    assertEquals(3, r.calls.size());
    assertEquals(500_000_000_000L, r.calls.get(0).call().recordedCostPicos());
    Call nulls = r.calls.get(1).call();
    assertEquals("s1", nulls.session());
    assertEquals("", nulls.inferenceGeo());
    assertEquals("us", r.calls.get(2).call().inferenceGeo());
  }
}
