package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.polpocheck.Fuzzing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes every trace reader (native JSONL, Claude Code transcripts, mini-swe-agent trajectories,
 * OTLP JSON spans) on the bytes of one file. A lenient read never throws (a bad record is skipped and counted, as
 * README "Trace formats" promises), the counts add up, and no problem message — what {@code cost}
 * prints as a warning and {@code --strict} as its error — shows a planted secret. See {@link
 * Fuzzing} and README "Tests" for the long run.
 */
class TraceReadersFuzzTest {
  private static final String DICT = "/dev/polpocheck/json.dict";

  static void read(TraceFormat format, String fileName, byte[] data) {
    byte[] input = Fuzzing.planted(data);
    FileResult r = new FileResult(fileName);
    try {
      format.newParser().parse(Path.of(fileName), new ByteArrayInputStream(input), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array cannot fail to read: a parser bug
    }
    // Every record is delivered, collapsed into an earlier one, or skipped as bad.
    assertTrue(r.calls.size() + r.deduplicated + r.skipped <= r.records, counts(r));
    assertTrue(r.problems.size() <= r.problemCount, counts(r));
    assertTrue((r.firstBad == null) == (r.skipped == 0), counts(r));
    for (TraceProblem p : r.problems) {
      assertTrue(p.line() >= 0, p.toString());
      Fuzzing.assertNoSecret("trace problem", p.toString());
    }
  }

  private static String counts(FileResult r) {
    return "records="
        + r.records
        + " calls="
        + r.calls.size()
        + " dedup="
        + r.deduplicated
        + " skipped="
        + r.skipped
        + " problems="
        + r.problemCount;
  }

  static void nativeJsonl(byte[] data) {
    read(TraceFormat.NATIVE, "fuzz.jsonl", data);
  }

  static void claudeCode(byte[] data) {
    read(TraceFormat.CLAUDE_CODE, "project/fuzz.jsonl", data);
  }

  static void miniSweAgent(byte[] data) {
    read(TraceFormat.MINI_SWE_AGENT, "run/fuzz.traj.json", data);
  }

  static void otlpJson(byte[] data) {
    read(TraceFormat.OTLP_JSON, "export/fuzz.otlp.json", data);
  }

  /**
   * Found by the bounded run: four bytes 00 00 00 7B make Jackson read the file as UTF-32, and
   * the next four are no code point; Jackson gives no line (-1), which reached the problem.
   */
  @Test
  void read_trajectoryJacksonTakesForUtf32_problemConcernsTheWholeFile(@TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("run.traj.json");
    Files.write(f, new byte[] {0, 0, 0, '{', 0x0a, 0x1f, 0x22, 0x69});
    ReadSummary s = new TraceReader(false, 1).read(List.of(f), c -> {});
    assertEquals(1, s.skipped());
    TraceProblem p = s.problems().get(0);
    assertEquals(0, p.line());
    assertTrue(p.toString().startsWith(f + ": malformed JSON (truncated file?): "), p.toString());
  }

  /**
   * Found by the bounded run: an exponent beyond an int made Jackson throw NumberFormatException
   * (not a JacksonException) out of the native reader; the line is now skipped and counted like
   * any malformed line, and the next line is still read.
   */
  @Test
  void read_nativeLineWithHugeExponent_skipsThatLineOnly(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("t.jsonl");
    Files.writeString(
        f,
        "{\"timestamp\":1,\"session\":\"s\",\"model\":\"m\",\"usage\":{\"input\":1e9999999999}}\n"
            + "{\"timestamp\":2,\"session\":\"s\",\"model\":\"m\",\"usage\":{\"input\":3,\"output\":4}}\n");
    List<Call> calls = new java.util.ArrayList<>();
    ReadSummary s = new TraceReader(false, 1).read(List.of(f), calls::add);
    assertEquals(1, s.skipped());
    assertEquals(f + ":1: " + Fields.NUMBER_OUT_OF_LIMITS, s.problems().get(0).toString());
    assertEquals(1, calls.size());
    assertEquals(3, calls.get(0).inputTokens());
  }

  /**
   * Found by fuzzing: Jackson's "Unrecognized token 'X'" quoted the record's text. A key cut by a
   * line break leaves its tail on the next line without the prefix the masker recognises, so the
   * token is dropped from the message (the column still says where it is).
   */
  @Test
  void read_lineStartingWithTheTailOfACutKey_doesNotQuoteIt(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("t.jsonl");
    String tail = "Q7mX2kP4vL8tR1wY6bN3cH5dJ0gS";
    String call = "{\"timestamp\":1,\"session\":\"s\",\"model\":\"m\",\"usage\":{\"input\":1,\"output\":1}}";
    Files.writeString(
        f,
        call + "\n" + call.replace("}}", "},\"apiKey\":\"sk-ant-api03-Fz9cana\n" + tail + "\"}\n"));
    ReadSummary s = new TraceReader(false, 1).read(List.of(f), c -> {});
    assertEquals(2, s.skipped()); // line 2 (unterminated string) and line 3 (the tail)
    String second = s.problems().get(1).toString();
    assertTrue(second.startsWith(f + ":3: malformed JSON (truncated line?) at column "), second);
    assertTrue(second.contains(": Unrecognized token: was expecting "), second);
    assertTrue(!second.contains("Q7mX2kP4"), second);
  }

  /** The same number in a trajectory: the file is one bad record, not an internal error. */
  @Test
  void read_trajectoryWithHugeExponent_isOneSkippedRecord(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("run.traj.json");
    Files.writeString(f, "{\"info\": {\"model_stats\": {\"instance_cost\": 1e9999999999}}}");
    ReadSummary s = new TraceReader(false, 1).read(List.of(f), c -> {});
    assertEquals(1, s.skipped());
    assertEquals(f + ": " + Fields.NUMBER_OUT_OF_LIMITS, s.problems().get(0).toString());
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DictionaryFile(resourcePath = DICT)
  @FuzzTest(maxDuration = "10m")
  void nativeJsonl_anyBytes_callsOrProblems(byte[] data) {
    nativeJsonl(data);
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DictionaryFile(resourcePath = DICT)
  @FuzzTest(maxDuration = "10m")
  void claudeCode_anyBytes_callsOrProblems(byte[] data) {
    claudeCode(data);
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DictionaryFile(resourcePath = DICT)
  @FuzzTest(maxDuration = "10m")
  void miniSweAgent_anyBytes_callsOrProblems(byte[] data) {
    miniSweAgent(data);
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DictionaryFile(resourcePath = DICT)
  @FuzzTest(maxDuration = "10m")
  void otlpJson_anyBytes_callsOrProblems(byte[] data) {
    otlpJson(data);
  }

  @Property(tries = 300)
  void nativeJsonl_mutatedSeeds(@ForAll("nativeInputs") byte[] data) {
    Fuzzing.bounded(data, TraceReadersFuzzTest::nativeJsonl);
  }

  @Property(tries = 300)
  void claudeCode_mutatedSeeds(@ForAll("claudeInputs") byte[] data) {
    Fuzzing.bounded(data, TraceReadersFuzzTest::claudeCode);
  }

  @Property(tries = 300)
  void miniSweAgent_mutatedSeeds(@ForAll("miniSweInputs") byte[] data) {
    Fuzzing.bounded(data, TraceReadersFuzzTest::miniSweAgent);
  }

  @Property(tries = 300)
  void otlpJson_mutatedSeeds(@ForAll("otlpInputs") byte[] data) {
    Fuzzing.bounded(data, TraceReadersFuzzTest::otlpJson);
  }

  @Provide
  Arbitrary<byte[]> otlpInputs() {
    return Fuzzing.mutants(getClass(), "otlpJson_anyBytes_callsOrProblems", DICT);
  }

  @Provide
  Arbitrary<byte[]> nativeInputs() {
    return Fuzzing.mutants(getClass(), "nativeJsonl_anyBytes_callsOrProblems", DICT);
  }

  @Provide
  Arbitrary<byte[]> claudeInputs() {
    return Fuzzing.mutants(getClass(), "claudeCode_anyBytes_callsOrProblems", DICT);
  }

  @Provide
  Arbitrary<byte[]> miniSweInputs() {
    return Fuzzing.mutants(getClass(), "miniSweAgent_anyBytes_callsOrProblems", DICT);
  }
}
