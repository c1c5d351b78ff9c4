package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.UserInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that must not lose data or memory silently: an over-long line is reported and skipped
 * without being held whole, a mini-swe-agent trajectory with a response lacking usage, a truncated
 * gzip, and the generated benchmark corpus reading back exactly the billed messages it wrote, the
 * same bytes for the same seed.
 */
class TraceEdgeCasesTest {
  @TempDir Path tmp;

  @Test
  void lineScanner_lineOverTheCap_isFlaggedAndTheNextLineIsIntact() throws Exception {
    byte[] data = ("x".repeat(5000) + "\n{\"a\":1}\n").getBytes(StandardCharsets.US_ASCII);
    LineScanner s = new LineScanner(new ByteArrayInputStream(data), 1000);
    assertTrue(s.next());
    assertTrue(s.tooLong());
    assertTrue(s.next());
    assertEquals("{\"a\":1}", new String(s.bytes(), 0, s.length(), StandardCharsets.US_ASCII));
    assertEquals(2, s.lineNumber());
    assertTrue(!s.next());
  }

  @Test
  void miniSwe_fileThatIsNoTrajectory_isCountedAsSkippedAndFailsStrict() throws Exception {
    Path notObject = tmp.resolve("a.traj.json");
    Files.writeString(notObject, "[]\n");
    Path noMessages = tmp.resolve("b.traj.json");
    Files.writeString(noMessages, "{\"info\":{},\"messages\":\"x\"}\n");
    List<Call> calls = new ArrayList<>();
    ReadSummary s = new TraceReader(false, 1).read(List.of(notObject, noMessages), calls::add);
    assertEquals(0, calls.size());
    assertEquals(2, s.records());
    assertEquals(2, s.skipped());
    assertTrue(
        s.problems().get(1).toString().startsWith(noMessages + ":1: "), s.problems().toString());
    assertThrows(
        UserInputException.class,
        () -> new TraceReader(true, 1).read(List.of(noMessages), c -> {}));
  }

  @Test
  void miniSwe_responseWithoutUsage_isSkippedWithItsLine_andMissingCallsReported()
      throws Exception {
    Path f = tmp.resolve("x.traj.json");
    Files.writeString(
        f,
        "{\"info\":{\"model_stats\":{\"instance_cost\":0.1,\"api_calls\":3},\"exit_status\":\"Timeout\"},\n"
            + "\"messages\":[\n"
            + "{\"role\":\"assistant\",\"extra\":{\"timestamp\":1775802351.5,\"cost\":0.00043456,\"response\":{\"id\":\"r1\",\"model\":\"deepseek-chat\",\"usage\":{\"prompt_tokens\":1714,\"completion_tokens\":84,\"prompt_cache_hit_tokens\":320,\"prompt_cache_miss_tokens\":1394}}}},\n"
            + "{\"role\":\"assistant\",\"extra\":{\"timestamp\":1775802360,\"response\":{\"id\":\"r2\",\"model\":\"deepseek-chat\"}}}\n"
            + "],\"instance_id\":\"demo-1\"}\n");
    List<Call> calls = new ArrayList<>();
    ReadSummary s = new TraceReader(false, 1).read(List.of(f), calls::add);
    assertEquals(1, calls.size());
    Call c = calls.get(0);
    assertEquals(1394, c.inputTokens());
    assertEquals(320, c.cacheReadTokens());
    assertEquals(84, c.outputTokens());
    assertEquals(1_775_802_351_500L, c.timestampMillis());
    assertEquals(434_560_000L, c.recordedCostPicos());
    assertEquals("deepseek", c.provider());
    assertEquals(1, s.skipped());
    assertEquals(2, s.withoutUsage(), "api_calls 3, one response with usage");
    List<String> p = s.problems().stream().map(TraceProblem::toString).toList();
    assertEquals(f + ":4: messages[1].extra.response has no usage object", p.get(0));
    assertTrue(
        p.get(1).contains("2 call(s) without recorded usage, not priced (exit_status Timeout)"),
        p.get(1));
  }

  @Test
  void truncatedGzip_isReportedNotFatal() throws Exception {
    Path f = tmp.resolve("cut.jsonl.gz");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(bytes)) {
      o.write(
          ClaudeCodeReaderTest.line("m", "r", 1, 1, 0, 0, false, "")
              .repeat(50)
              .getBytes(StandardCharsets.UTF_8));
    }
    byte[] all = bytes.toByteArray();
    Files.write(f, Arrays.copyOf(all, all.length / 2));
    ReadSummary s = new TraceReader(false, 1).read(List.of(f), c -> {});
    assertTrue(
        s.problems().stream().anyMatch(p -> p.message().contains("gzip")), s.problems().toString());
  }

  @Test
  void generatedCorpus_isDeterministic_andReadsBackItsBilledMessages() throws Exception {
    ClaudeCodeCorpusGenerator.Stats a =
        ClaudeCodeCorpusGenerator.generate(tmp.resolve("a"), 7, 0.002, 200_000);
    ClaudeCodeCorpusGenerator.Stats b =
        ClaudeCodeCorpusGenerator.generate(tmp.resolve("b"), 7, 0.002, 200_000);
    assertEquals(a, b);
    assertEquals(6, a.files(), "0.002 x 3,142 files");
    List<Path> fa = TraceReader.expand(List.of(tmp.resolve("a")));
    List<Path> fb = TraceReader.expand(List.of(tmp.resolve("b")));
    for (int i = 0; i < fa.size(); i++) {
      assertTrue(Arrays.equals(Files.readAllBytes(fa.get(i)), Files.readAllBytes(fb.get(i))));
    }
    ReadSummary s = new TraceReader(false, 2).read(List.of(tmp.resolve("a")), c -> {});
    assertEquals(a.messages(), s.calls());
    assertEquals(0, s.skipped());
    assertTrue(s.deduplicated() > 0, "content-block lines and sidechain replays are collapsed");
  }
}
