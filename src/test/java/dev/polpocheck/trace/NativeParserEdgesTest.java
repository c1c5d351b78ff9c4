package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects the native reader's checks at their edges (README "Trace formats", item 1, and {@code
 * schemas/trace.schema.json}): both timestamp forms, what a wrong timestamp is called, the batch
 * flag, a recorded cost of zero, the TTL split against the aggregate and against {@code
 * totalTokens}, whole-number token counts, numbers beyond the parser's limits and the 64 MiB line
 * cap. Expected values are worked out from the lines by hand.
 */
class NativeParserEdgesTest {
  private static final Path FILE = Path.of("/t/calls.jsonl");

  private static FileResult parse(String... lines) throws IOException {
    return ParserRun.lines(new NativeParser(), FILE, lines);
  }

  private static FileResult parse(InputStream in) throws IOException {
    return ParserRun.stream(new NativeParser(), FILE, in);
  }

  private static List<String> problems(FileResult r) {
    return ParserRun.problems(r);
  }

  /** A line with the given timestamp JSON, top-level extras and usage body. */
  private static String line(String ts, String extra, String usage) {
    return "{\"timestamp\":" + ts + ",\"session\":\"s\",\"model\":\"claude-opus-4-6\"" + extra
        + ",\"usage\":{" + usage + "}}";
  }

  private static final String USAGE = "\"input\":1,\"output\":1";

  @Test
  void timestamp_epochMillisOrIsoWithAnOffset_andWrongKindsNamed() throws IOException {
    FileResult r =
        parse(
            line("1764000000000", "", USAGE),
            // README example instant 2026-11-20T10:15:30.120Z written at +02:00
            line("\"2026-11-20T12:15:30.120+02:00\"", "", USAGE),
            line("{}", "", USAGE),
            line("[]", "", USAGE),
            line("true", "", USAGE),
            line("\"yesterday\"", "", USAGE));
    assertEquals(1_764_000_000_000L, r.calls.get(0).call().timestampMillis());
    assertEquals(1_795_169_730_120L, r.calls.get(1).call().timestampMillis());
    String must = "timestamp must be an ISO-8601 string or epoch milliseconds (1970 to 9999), found ";
    assertEquals(
        List.of(
            "3: " + must + "an object",
            "4: " + must + "an array",
            "5: " + must + "true",
            "6: " + must + "a string"),
        problems(r));
  }

  @Test
  void batch_trueFalseOrNull_anythingElseIsABadRecord() throws IOException {
    FileResult r =
        parse(
            line("1", ",\"batch\":true", USAGE),
            line("2", ",\"batch\":null", USAGE),
            line("3", ",\"batch\":\"yes\"", USAGE));
    assertTrue(r.calls.get(0).call().batch());
    assertFalse(r.calls.get(1).call().batch());
    assertEquals(List.of("3: batch must be true or false"), problems(r));
  }

  @Test
  void recordedCostOfZero_isARecordedCost() throws IOException {
    FileResult r = parse(line("1", "", USAGE + ",\"cost\":{\"total\":0}"));
    assertEquals(List.of(), problems(r));
    assertEquals(0, r.calls.get(0).call().recordedCostPicos());
    assertTrue(r.calls.get(0).call().hasRecordedCost());
  }

  @Test
  void ttlSplit_mustAddUpToTheAggregate_andCountsInTotalTokens() throws IOException {
    FileResult r =
        parse(
            line("1", "", USAGE + ",\"cacheWrite\":30,\"cacheWrite5m\":10,\"cacheWrite1h\":15"),
            // 1 + 2 + 4 + (8 + 16) = 31
            line(
                "2",
                "",
                "\"input\":1,\"output\":2,\"cacheRead\":4,\"cacheWrite5m\":8,\"cacheWrite1h\":16,"
                    + "\"totalTokens\":31"),
            // 1 + 2 + 4 + 8 = 15, not 14
            line(
                "3",
                "",
                "\"input\":1,\"output\":2,\"cacheRead\":4,\"cacheWrite\":8,\"totalTokens\":14"));
    assertEquals(
        List.of(
            "1: usage.cacheWrite (30) != cacheWrite5m + cacheWrite1h (25)",
            "3: usage.totalTokens (14) != input + output + cacheRead + cacheWrite (15)"),
        problems(r));
    Call split = r.calls.get(0).call();
    assertEquals(8, split.cacheWrite5mTokens());
    assertEquals(16, split.cacheWrite1hTokens());
  }

  @Test
  void tokenCounts_zeroAndWholeDecimalsAccepted_fractionsAndNegativesNot() throws IOException {
    FileResult r =
        parse(
            line("1", "", "\"input\":0,\"output\":1.0"),
            line("2", "", "\"input\":0.0,\"output\":1E+1"),
            line("3", "", "\"input\":1,\"output\":10.5"),
            line("4", "", "\"input\":-1,\"output\":1"));
    assertEquals(
        List.of("3: output must be a whole number, found 10.5", "4: input must not be negative"),
        problems(r));
    assertEquals(0, r.calls.get(0).call().inputTokens());
    assertEquals(1, r.calls.get(0).call().outputTokens());
    assertEquals(10, r.calls.get(1).call().outputTokens());
  }

  @Test
  void numberBeyondTheParsersLimits_isOneSkippedRecord() throws IOException {
    FileResult r = parse(line("1", "", "\"input\":1e9999999999,\"output\":1"), line("2", "", USAGE));
    assertEquals(List.of("1: " + Fields.NUMBER_OUT_OF_LIMITS), problems(r));
    assertEquals(2, r.records);
    assertEquals(1, r.calls.size());
  }

  @Test
  void lineAboveTheCap_isOneSkippedRecordAndTheNextLineIsRead() throws IOException {
    byte[] tail = ("\n" + line("7", "", USAGE) + "\n").getBytes(StandardCharsets.UTF_8);
    FileResult r = parse(new OverlongLine((64L << 20) + 1, tail));
    assertEquals(List.of("1: line longer than 64 MiB skipped"), problems(r));
    assertEquals(2, r.records);
    assertEquals(7, r.calls.get(0).call().timestampMillis());
  }
}
