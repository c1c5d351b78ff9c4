package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects what a read of several trace files reports (README "Trace formats", "Never a silent
 * zero", "Deduplication"): files delivered in path order whatever order they were given in,
 * {@code records = calls + deduplicated + skipped} with every count summed over files, at most 200
 * problems kept verbatim but all counted, the per-input silent-zero check (which input, Codex
 * rollouts named, null usage, synthetic lines and bad records are not silence), detection by
 * content, and directories walked for trace files only. Counts are read off the files by hand.
 */
class TraceReaderSummaryTest {
  @TempDir Path tmp;

  private static String nativeLine(String requestId, long ts, long input) {
    return "{\"timestamp\":"
        + ts
        + ",\"session\":\"s\",\"model\":\"claude-opus-4-6\""
        + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"")
        + ",\"usage\":{\"input\":"
        + input
        + ",\"output\":1}}";
  }

  private static final String BAD_NATIVE =
      "{\"timestamp\":5,\"session\":\"s\",\"model\":\"claude-opus-4-6\",\"usage\":{\"input\":\"x\",\"output\":1}}";

  private Path file(String name, String... lines) throws IOException {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  private static ReadSummary read(List<Call> out, Path... inputs) {
    return new TraceReader(false, 1).read(List.of(inputs), out::add);
  }

  @Test
  void filesGivenOutOfOrder_areReadInPathOrder_andTheCountsAddUp() throws IOException {
    // b.jsonl: 3 records, one a duplicate of a.jsonl's req_1 (later file: dropped), one bad.
    Path b = file("b.jsonl", nativeLine("req_1", 30, 10), nativeLine(null, 40, 20), BAD_NATIVE);
    // a.jsonl: 2 records, req_1 twice in the file (the first stays: equal copies).
    Path a = file("a.jsonl", nativeLine("req_1", 10, 10), nativeLine("req_1", 20, 10));
    List<Call> calls = new ArrayList<>();
    ReadSummary s = read(calls, b, a);
    // a's req_1 (ts 10) first, then b's line without id (ts 40)
    assertEquals(List.of(10L, 40L), calls.stream().map(Call::timestampMillis).toList());
    assertEquals(2, s.files());
    assertEquals(Map.of(TraceFormat.NATIVE, 2L), s.formats());
    assertEquals(5, s.records());
    assertEquals(2, s.calls());
    assertEquals(1, s.skipped());
    assertEquals(2, s.deduplicated(), "5 records - 1 skipped - 2 calls");
    assertEquals(1, s.problemCount());
    assertEquals(b + ":3", s.problems().get(0).file() + ":" + s.problems().get(0).line());
  }

  @Test
  void moreThan200Problems_keepsTheFirst200_andCountsAll() throws IOException {
    // 150 bad lines in each of two files: 300 problems, the first 200 kept in file order.
    Path one = file("1.jsonl", Collections.nCopies(150, BAD_NATIVE).toArray(String[]::new));
    Path two =
        file(
            "2.jsonl",
            concat(nativeLine(null, 1, 1), Collections.nCopies(150, BAD_NATIVE)));
    ReadSummary s = read(new ArrayList<>(), one, two);
    assertEquals(300, s.problemCount());
    assertEquals(300, s.skipped());
    assertEquals(200, s.problems().size());
    TraceProblem last = s.problems().get(199);
    // 150 from 1.jsonl, then 50 from 2.jsonl, whose bad lines start on line 2: the 50th is line 51
    assertEquals(two + ":51", last.file() + ":" + last.line());
  }

  private static String[] concat(String first, List<String> rest) {
    List<String> l = new ArrayList<>();
    l.add(first);
    l.addAll(rest);
    return l.toArray(String[]::new);
  }

  @Test
  void nullUsageAndSyntheticLines_areCountedOverFiles_andAreNotASilentZero() throws IOException {
    String nullUsage =
        "{\"type\":\"assistant\",\"timestamp\":\"2026-10-01T10:00:00Z\",\"message\":{\"id\":\"m\","
            + "\"model\":\"claude-haiku-4-5\",\"usage\":null}}";
    String synthetic =
        "{\"type\":\"assistant\",\"timestamp\":\"2026-10-01T10:00:00Z\",\"message\":{\"id\":\"m\","
            + "\"model\":\"<synthetic>\",\"usage\":{\"input_tokens\":0,\"output_tokens\":0}}}";
    Path d = tmp.resolve("projects/p");
    file("projects/p/a.jsonl", nullUsage, nullUsage, synthetic);
    file("projects/p/b.jsonl", nullUsage, synthetic, synthetic, synthetic);
    ReadSummary s = read(new ArrayList<>(), d);
    assertEquals(3, s.nullUsage());
    assertEquals(4, s.synthetic());
    assertEquals(0, s.records());
    assertEquals(0, s.calls());
    // each kind alone in its own input is something read and reported, not silence
    read(new ArrayList<>(), file("n.jsonl", nullUsage));
    read(new ArrayList<>(), file("y.jsonl", synthetic));
  }

  @Test
  void onlyBadRecords_orOnlyProblems_areReportedNotASilentZero() throws IOException {
    ReadSummary s = read(new ArrayList<>(), file("bad.jsonl", BAD_NATIVE));
    assertEquals(1, s.skipped());
    assertEquals(0, s.calls());
    // JSON values that are not objects: problems of a transcript, no record at all
    ReadSummary p = read(new ArrayList<>(), file("values.jsonl", "[1, 2]", "3"));
    assertEquals(0, p.records());
    assertEquals(2, p.problemCount());
  }

  @Test
  void silentZero_namesTheInputThatHadNoRecord_notTheOthers() throws IOException {
    Path good = file("good.jsonl", nativeLine(null, 1, 1));
    // a transcript of user turns only: no line with usage
    Path empty = file("talk.jsonl", "{\"type\":\"user\",\"message\":{\"content\":\"hi\"}}");
    UserInputException e =
        assertThrows(UserInputException.class, () -> read(new ArrayList<>(), good, empty));
    assertEquals(empty + ": no LLM call record found; looked for " + TraceReader.FORMATS,
        e.getMessage());
  }

  @Test
  void codexRollout_isNamed_aloneOrInADirectoryWithAnotherEmptyFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("sessions"));
    file("sessions/a-notes.jsonl", "{\"type\":\"user\",\"message\":{\"content\":\"hi\"}}");
    file(
        "sessions/rollout-1.jsonl",
        "{\"timestamp\":\"2026-10-01T10:00:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"x\"}}");
    UserInputException e =
        assertThrows(UserInputException.class, () -> read(new ArrayList<>(), dir));
    assertEquals(
        dir
            + ": no LLM call record found: these are "
            + CodexRollouts.NAME
            + ", a format polpo-check does not price; looked for "
            + TraceReader.FORMATS,
        e.getMessage());
    // beside a readable transcript the rollout is only a problem naming the file
    Path withCalls = Files.createDirectories(tmp.resolve("mixed"));
    file("mixed/calls.jsonl", nativeLine(null, 1, 1));
    Path rollout =
        file(
            "mixed/rollout-2.jsonl",
            "{\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\"}}");
    ReadSummary s = read(new ArrayList<>(), withCalls);
    assertEquals(Map.of(TraceFormat.NATIVE, 1L, TraceFormat.CODEX_CLI, 1L), s.formats());
    assertEquals(rollout.toString(), s.problems().get(0).file());
  }

  @Test
  void detection_isByContent_otlpInAJsonlFile_andAPayloadlessCodexTypeIsClaudeCode()
      throws IOException {
    Path otlp =
        file(
            "export.jsonl",
            "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"traceId\": \"t\", \"spanId\": \"s\","
                + " \"startTimeUnixNano\": \"1795766400000000000\", \"attributes\": ["
                + "{\"key\": \"gen_ai.request.model\", \"value\": {\"stringValue\": \"claude-opus-4-6\"}},"
                + "{\"key\": \"gen_ai.usage.input_tokens\", \"value\": {\"intValue\": \"100\"}},"
                + "{\"key\": \"gen_ai.usage.output_tokens\", \"value\": {\"intValue\": \"7\"}}]}]}]}]}");
    assertEquals(TraceFormat.OTLP_JSON, TraceReader.detect(otlp));
    List<Call> calls = TraceReader.readAll(List.of(otlp));
    assertEquals(1, calls.size());
    // 1795766400000000000 ns = 1795766400000 ms
    assertEquals(1_795_766_400_000L, calls.get(0).timestampMillis());
    // "type":"event_msg" without a payload object is not Codex: another transcript line
    Path cc = file("cc.jsonl", "{\"type\":\"event_msg\",\"payload\":\"text\"}");
    assertEquals(TraceFormat.CLAUDE_CODE, TraceReader.detect(cc));
    Path codex = file("cx.jsonl", "{\"type\":\"turn_context\",\"payload\":{}}");
    assertEquals(TraceFormat.CODEX_CLI, TraceReader.detect(codex));
  }

  @Test
  void detection_looksAtTheFirst20NonBlankLinesOnly() throws IOException {
    // Detection reads a bounded prefix, so a huge file of unparsable lines is not scanned twice:
    // 20 lines that are not JSON, then a native line -> no format recognised, Claude Code assumed.
    List<String> lines = new ArrayList<>(Collections.nCopies(20, "not json"));
    lines.add(nativeLine(null, 1, 1));
    assertEquals(
        TraceFormat.CLAUDE_CODE, TraceReader.detect(file("late.jsonl", lines.toArray(String[]::new))));
    lines.remove(0);
    assertEquals(
        TraceFormat.NATIVE, TraceReader.detect(file("early.jsonl", lines.toArray(String[]::new))));
  }

  @Test
  void directory_walksForTraceFilesOnly_aFolderNamedLikeOneIsEntered() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("runs"));
    // a folder named like a trace file is walked into, not read as a file
    file("runs/old.jsonl/b.jsonl", nativeLine(null, 2, 1));
    file("runs/a.jsonl", nativeLine(null, 1, 1));
    file("runs/notes.txt", nativeLine(null, 3, 1));
    List<Call> calls = new ArrayList<>();
    ReadSummary s = read(calls, dir);
    assertEquals(2, s.files());
    assertEquals(List.of(1L, 2L), calls.stream().map(Call::timestampMillis).toList());
  }

  @Test
  void parse_oneFile_givesItsCallsWithTheirLines() throws IOException {
    Path f = file("p.jsonl", BAD_NATIVE, nativeLine("r1", 1, 4), nativeLine("r1", 2, 9));
    List<ParsedCall> calls = TraceReader.parse(f);
    assertEquals(1, calls.size(), "the two r1 lines are one call");
    // the copy with more tokens (9) wins and keeps the first copy's place
    assertEquals(9, calls.get(0).call().inputTokens());
    assertEquals(3, calls.get(0).line());
    assertTrue(calls.get(0).key() != 0);
  }

  @Test
  void trajectoryWithCallsButNoUsage_isReportedNotASilentZero() throws IOException {
    Path t =
        file("run/x.traj.json",
            "{\"info\": {\"model_stats\": {\"api_calls\": 2}}, \"messages\": []}");
    ReadSummary s = read(new ArrayList<>(), t);
    assertEquals(0, s.records());
    assertEquals(2, s.withoutUsage());
  }

  @Test
  void parse_aSidechainReplayInTheSameFile_isCollapsedIntoTheMainCopy() throws IOException {
    // The same message id under a new request id, once as the main line, once as a sidechain
    // replay: one call per file for readers that elect across files themselves (Spark).
    String main =
        ClaudeCodeReaderTest.line("msg_1", "req_1", 3, 10, 0, 0, false, "");
    String replay =
        ClaudeCodeReaderTest.line("msg_1", "req_9", 3, 10, 0, 0, true, "");
    assertEquals(1, TraceReader.parse(file("projects/p/a.jsonl", main, replay)).size());
    assertEquals(1, TraceReader.parse(file("projects/p/b.jsonl", replay, main)).size());
  }

  @Test
  void oneFileKeepsAtMost200ProblemsButCountsAll() {
    FileResult r = new FileResult("f.jsonl");
    for (int i = 1; i <= 201; i++) {
      r.skip(i, "bad");
    }
    assertEquals(200, r.problems.size());
    assertEquals(201, r.problemCount);
    assertEquals(201, r.skipped);
    assertEquals(1, r.firstBad.line());
  }

  @Test
  void formatIds_areTheNamesOfTheJsonOutput() {
    // inputs.formats in cost --format json (README: "formats":{"mini-swe-agent":206})
    assertEquals(
        List.of("polpo-check", "claude-code", "mini-swe-agent", "otlp-json", "codex-cli"),
        java.util.Arrays.stream(TraceFormat.values()).map(TraceFormat::id).toList());
  }
}
