package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.UserInputException;
import dev.polpocheck.trace.Call;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects reading a forecast's trace files: a written call reads back equal, and a bad line is
 * reported with its file, line and column instead of a stack trace.
 */
class NativeTraceLinesTest {

  @Test
  void parse_writtenLine_readsBackTheSameCall() {
    Call c = SampleWorkload.generate(3).get(0);
    List<Call> back = NativeTraceLines.parse(NativeTraceLines.toLine(c) + "\n\n", "x.jsonl");
    assertEquals(List.of(c), back);
  }

  @Test
  void parse_truncatedLine_namesFileLineAndColumn() {
    String good = NativeTraceLines.toLine(SampleWorkload.generate(3).get(0));
    UserInputException e = assertThrows(UserInputException.class,
        () -> NativeTraceLines.parse(good + "\n{\"timestamp\": \"2026", "t.jsonl"));
    assertTrue(e.getMessage().startsWith("t.jsonl:2:"), e.getMessage());
  }

  @Test
  void parse_missingUsage_saysWhichField() {
    UserInputException e = assertThrows(UserInputException.class, () -> NativeTraceLines.parse(
        "{\"timestamp\":\"2026-11-02T00:00:00Z\",\"session\":\"s\",\"provider\":\"anthropic\","
            + "\"model\":\"m\"}", "t.jsonl"));
    assertEquals("t.jsonl:1:1: missing field 'usage'", e.getMessage());
  }

  @Test
  void parse_negativeTokens_isRejected() {
    UserInputException e = assertThrows(UserInputException.class, () -> NativeTraceLines.parse(
        "{\"timestamp\":\"2026-11-02T00:00:00Z\",\"session\":\"s\",\"provider\":\"anthropic\","
            + "\"model\":\"m\",\"usage\":{\"input_tokens\":-5}}", "t.jsonl"));
    assertTrue(e.getMessage().contains("'input_tokens' must be a whole number >= 0"));
  }

  @Test
  void parse_badTimestamp_isAUserError() {
    UserInputException e = assertThrows(UserInputException.class, () -> NativeTraceLines.parse(
        "{\"timestamp\":\"yesterday\",\"session\":\"s\",\"provider\":\"anthropic\","
            + "\"model\":\"m\",\"usage\":{}}", "t.jsonl"));
    assertTrue(e.getMessage().startsWith("t.jsonl:1:1: bad field value"), e.getMessage());
  }
}
