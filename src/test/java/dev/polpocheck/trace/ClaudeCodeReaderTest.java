package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.UserInputException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading Claude Code transcripts the way Anthropic bills them: one call per (message id, request
 * id) keeping the most complete streamed line, sidechain replays dropped, endpoints without request
 * ids, duplicates across files, TTL splits, and bad lines reported with file:line instead of
 * silently lost (regressions of ccusage #389, #797/#888, #976, #994).
 */
class ClaudeCodeReaderTest {
  @TempDir Path tmp;

  static String line(
      String msgId,
      String reqId,
      long in,
      long out,
      long write,
      long read,
      boolean sidechain,
      String extraUsage) {
    return "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"timestamp\":\"2026-10-01T10:00:00.000Z\","
        + (sidechain ? "\"isSidechain\":true," : "\"isSidechain\":false,")
        + (reqId == null ? "" : "\"requestId\":\"" + reqId + "\",")
        + "\"message\":{"
        + (msgId == null ? "" : "\"id\":\"" + msgId + "\",")
        + "\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],"
        + "\"usage\":{\"input_tokens\":"
        + in
        + ",\"output_tokens\":"
        + out
        + ",\"cache_creation_input_tokens\":"
        + write
        + ",\"cache_read_input_tokens\":"
        + read
        + extraUsage
        + "}}}";
  }

  private Path file(String name, String... lines) throws Exception {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  private static List<Call> read(List<Call> out, ReadSummary[] sum, Path... files) {
    sum[0] = new TraceReader(false, 2).read(List.of(files), out::add);
    return out;
  }

  @Test
  void contentBlockLines_ofOneMessage_countOnce_keepingTheFinalOutputTokens() throws Exception {
    Path f =
        file(
            "projects/p/a.jsonl",
            line("msg_1", "req_1", 3, 1, 100, 5000, false, ""),
            line("msg_1", "req_1", 3, 1, 100, 5000, false, ""),
            line("msg_1", "req_1", 3, 417, 100, 5000, false, ""));
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(new ArrayList<>(), s, f);
    assertEquals(1, calls.size());
    assertEquals(417, calls.get(0).outputTokens(), "the most complete line wins, not the first");
    assertEquals(3, s[0].records());
    assertEquals(2, s[0].deduplicated());
  }

  @Test
  void sameMessageId_differentRequestIds_bothNonSidechain_areTwoCalls() throws Exception {
    Path f =
        file(
            "projects/p/a.jsonl",
            line("msg_1", "req_1", 3, 10, 0, 0, false, ""),
            line("msg_1", "req_2", 3, 10, 0, 0, false, ""));
    ReadSummary[] s = new ReadSummary[1];
    assertEquals(2, read(new ArrayList<>(), s, f).size());
  }

  @Test
  void sidechainReplay_underNewRequestId_isDroppedInFavourOfTheMainLine() throws Exception {
    Path f =
        file(
            "projects/p/a.jsonl",
            line("msg_1", "req_9", 3, 50, 0, 0, true, ""),
            line("msg_1", "req_1", 3, 10, 0, 0, false, ""));
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(new ArrayList<>(), s, f);
    assertEquals(1, calls.size());
    assertEquals(1, s[0].deduplicated());
    // The main line wins although the replay has more tokens (ccusage's order: non-sidechain
    // first, then more tokens).
    assertEquals(10, calls.get(0).outputTokens());
  }

  @Test
  void sidechainReplay_inALaterFile_isDropped() throws Exception {
    file("projects/p/a.jsonl", line("msg_1", "req_1", 3, 10, 0, 0, false, ""));
    file("projects/p/a/subagents/agent-1.jsonl", line("msg_1", "req_7", 3, 50, 0, 0, true, ""));
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(new ArrayList<>(), s, tmp.resolve("projects"));
    assertEquals(1, calls.size());
    // "a.jsonl" sorts before "a/subagents/..." ('.' is 0x2E, '/' 0x2F): the main line was
    // delivered first and the replay, with more tokens, is still the one dropped.
    assertEquals(10, calls.get(0).outputTokens());
    assertEquals(1, s[0].deduplicated());
  }

  @Test
  void mainLine_inALaterFile_afterItsSidechainReplay_isNotCountedTwice() throws Exception {
    file("projects/p/a.jsonl", line("msg_1", "req_7", 3, 10, 0, 0, true, ""));
    file("projects/p/b.jsonl", line("msg_1", "req_1", 3, 12, 0, 0, false, ""));
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(new ArrayList<>(), s, tmp.resolve("projects"));
    assertEquals(1, calls.size());
    assertEquals(1, s[0].deduplicated());
    // Across files the more complete copy wins, not the first file: b.jsonl's main line (12
    // output tokens) replaces the replay delivered first from a.jsonl (10).
    assertEquals(12, calls.get(0).outputTokens());
  }

  @Test
  void missingRequestId_dedupsOnMessageIdAlone() throws Exception {
    Path f =
        file(
            "projects/p/a.jsonl",
            line("msg_1", null, 3, 5, 0, 0, false, ""),
            line("msg_1", null, 3, 50, 0, 0, false, ""));
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(new ArrayList<>(), s, f);
    assertEquals(1, calls.size());
    assertEquals(50, calls.get(0).outputTokens());
  }

  @Test
  void missingMessageId_cannotBeDeduplicated_andEachLineCounts() throws Exception {
    Path f =
        file(
            "projects/p/a.jsonl",
            line(null, "req_1", 3, 5, 0, 0, false, ""),
            line(null, "req_1", 3, 5, 0, 0, false, ""));
    ReadSummary[] s = new ReadSummary[1];
    assertEquals(2, read(new ArrayList<>(), s, f).size());
  }

  @Test
  void duplicateAcrossFiles_isCountedOnce_moreCompleteCopyWins() throws Exception {
    Path a = file("projects/p/a.jsonl", line("msg_1", "req_1", 3, 10, 0, 0, false, ""));
    Path b = file("projects/p/b.jsonl", line("msg_1", "req_1", 3, 12, 0, 0, false, ""));
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(new ArrayList<>(), s, b, a);
    assertEquals(1, calls.size());
    assertEquals(1, s[0].deduplicated());
    // Given as (b, a): the copy with more tokens (b's 12) wins whatever the order.
    assertEquals(12, calls.get(0).outputTokens());
    assertEquals("p", calls.get(0).agent(), "agent is the project directory");
  }

  @Test
  void ttlSplit_replacesTheAggregate_andItsAbsenceLeavesWritesUnsplit() throws Exception {
    Path f =
        file(
            "projects/p/a.jsonl",
            line(
                "msg_1",
                "req_1",
                3,
                10,
                900,
                0,
                false,
                ",\"cache_creation\":{\"ephemeral_5m_input_tokens\":100,\"ephemeral_1h_input_tokens\":800}"),
            line("msg_2", "req_2", 3, 10, 900, 0, false, ""));
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(new ArrayList<>(), s, f);
    assertEquals(100, calls.get(0).cacheWrite5mTokens());
    assertEquals(800, calls.get(0).cacheWrite1hTokens());
    assertEquals(0, calls.get(0).cacheWriteUnsplitTokens());
    assertEquals(900, calls.get(1).cacheWriteUnsplitTokens());
  }

  @Test
  void nonUsageLines_areIgnored_agentProgressWrapper_isRead_syntheticSkipped() throws Exception {
    Path f =
        file(
            "projects/p/a.jsonl",
            "{\"type\":\"file-history-snapshot\",\"messageId\":\"x\",\"snapshot\":{}}",
            "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"what is usage?\"}}",
            "{\"type\":\"progress\",\"sessionId\":\"s9\",\"data\":{\"message\":{\"timestamp\":\"2026-10-02T00:00:00Z\","
                + "\"requestId\":\"req_w\",\"message\":{\"id\":\"msg_w\",\"model\":\"claude-haiku-4-5\","
                + "\"usage\":{\"input_tokens\":7,\"output_tokens\":8}}}}}",
            "{\"type\":\"assistant\",\"timestamp\":\"2026-10-02T00:00:00Z\",\"message\":{\"id\":\"m\",\"model\":\"<synthetic>\","
                + "\"usage\":{\"input_tokens\":0,\"output_tokens\":0}}}");
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(new ArrayList<>(), s, f);
    assertEquals(1, calls.size());
    assertEquals("claude-haiku-4-5", calls.get(0).model());
    assertEquals("s9", calls.get(0).session());
    assertEquals(0, s[0].problemCount());
  }

  @Test
  void badRecords_areReportedWithFileAndLine_countedAndSkipped() throws Exception {
    Path f =
        file(
            "projects/p/a.jsonl",
            line("msg_1", "req_1", 3, 10, 0, 0, false, ""),
            line("msg_2", "req_2", 3, 10, 0, 0, false, "").substring(0, 120),
            line("msg_3", "req_3", 3, 10, 0, 0, false, "")
                .replace("\"output_tokens\":10", "\"output_tokens\":\"10\""),
            line("msg_4", "req_4", 3, 10, 0, 0, false, "").replace("\"output_tokens\":10,", ""),
            line("msg_5", "req_5", 3, 10, 0, 0, false, "")
                .replace("2026-10-01T10:00:00.000Z", "yesterday"),
            "{\"type\":\"assistant\",\"message\":{\"usage\":{\"input_tokens\":1,,\"output_tokens\":2}}}");
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(new ArrayList<>(), s, f);
    assertEquals(1, calls.size());
    assertEquals(6, s[0].records());
    assertEquals(5, s[0].skipped());
    List<String> p = s[0].problems().stream().map(TraceProblem::toString).toList();
    assertEquals(f + ":2: truncated line (does not end with '}')", p.get(0));
    assertEquals(f + ":3: usage.output_tokens must be a whole number, found a string", p.get(1));
    assertEquals(f + ":4: message.usage lacks input_tokens or output_tokens", p.get(2));
    assertEquals(f + ":5: timestamp is not ISO-8601: yesterday", p.get(3));
    // {"type":"assistant", (20) "message":{ (31) "usage":{ (40) "input_tokens":1, (57) -> ',' at 58
    assertTrue(p.get(4).startsWith(f + ":6: malformed JSON at column 58"), p.get(4));
  }

  @Test
  void wholeFloatTokenCounts_areAccepted_fractionalOnesReported() throws Exception {
    Path f =
        file(
            "projects/p/a.jsonl",
            line("msg_1", "req_1", 3, 10, 0, 0, false, "")
                .replace("\"output_tokens\":10", "\"output_tokens\":10.0"),
            line("msg_2", "req_2", 3, 10, 0, 0, false, "")
                .replace("\"output_tokens\":10", "\"output_tokens\":10.5"));
    ReadSummary[] s = new ReadSummary[1];
    List<Call> calls = read(new ArrayList<>(), s, f);
    assertEquals(1, calls.size());
    assertEquals(10, calls.get(0).outputTokens());
    assertEquals(
        f + ":2: usage.output_tokens must be a whole number, found 10.5",
        s[0].problems().get(0).toString());
  }

  @Test
  void strict_badRecord_failsWithFileAndLine() throws Exception {
    Path f =
        file(
            "projects/p/a.jsonl", line("msg_1", "req_1", 3, 10, 0, 0, false, "").substring(0, 100));
    UserInputException e =
        assertThrows(
            UserInputException.class, () -> new TraceReader(true, 1).read(List.of(f), c -> {}));
    assertTrue(e.getMessage().startsWith(f + ":1: truncated line"), e.getMessage());
  }

  @Test
  void gzippedTranscript_isReadLikeThePlainOne() throws Exception {
    Path f = tmp.resolve("projects/p/z.jsonl.gz");
    Files.createDirectories(f.getParent());
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
      o.write(
          (line("msg_1", "req_1", 3, 10, 0, 0, false, "") + "\n").getBytes(StandardCharsets.UTF_8));
    }
    ReadSummary[] s = new ReadSummary[1];
    assertEquals(1, read(new ArrayList<>(), s, tmp).size());
    assertEquals(1L, s[0].formats().get(TraceFormat.CLAUDE_CODE));
  }

  @Test
  void missingPath_isAUserError() {
    UserInputException e =
        assertThrows(
            UserInputException.class,
            () -> new TraceReader().read(List.of(tmp.resolve("nope")), c -> {}));
    assertEquals(tmp.resolve("nope") + ": no such file or directory", e.getMessage());
  }

  @Test
  void directoryWithoutTraceFiles_isAUserError() throws Exception {
    Files.createDirectories(tmp.resolve("empty/sub"));
    Files.writeString(tmp.resolve("empty/sub/notes.txt"), "x");
    UserInputException e =
        assertThrows(
            UserInputException.class,
            () -> new TraceReader().read(List.of(tmp.resolve("empty")), c -> {}));
    assertTrue(
        e.getMessage().startsWith(tmp.resolve("empty") + ": no trace files"), e.getMessage());
  }

  @Test
  void results_doNotDependOnTheThreadCount() throws Exception {
    for (int i = 0; i < 9; i++) {
      file(
          "projects/p/f" + i + ".jsonl",
          line("msg_" + (i % 4), "req_" + (i % 4), i, 10 + i, 0, 0, false, ""));
    }
    List<Call> one = new ArrayList<>();
    List<Call> four = new ArrayList<>();
    ReadSummary a = new TraceReader(false, 1).read(List.of(tmp), one::add);
    ReadSummary b = new TraceReader(false, 4).read(List.of(tmp), four::add);
    assertEquals(one, four);
    assertEquals(a, b);
    assertEquals(4, one.size());
  }
}
