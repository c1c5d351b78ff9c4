package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Protects the conversions every reader shares besides timestamps (FieldsTimestampTest): provider
 * inference by prefix, the session stem of a file name, half-even rounding of recorded costs and
 * fractional seconds, the range checks on both sides of each bound, and the record checks of
 * {@link Call}.
 */
class FieldsConversionsTest {

  @Test
  void inferProvider_eachPrefixCaseInsensitiveAndNothingElse() {
    assertEquals("anthropic", Fields.inferProvider("Claude-Opus-4-6"));
    assertEquals("deepseek", Fields.inferProvider("deepseek-chat"));
    assertEquals("openai", Fields.inferProvider("gpt-4o"));
    assertEquals("openai", Fields.inferProvider("o1-mini"));
    assertEquals("openai", Fields.inferProvider("o3"));
    assertEquals("openai", Fields.inferProvider("O4-mini"));
    assertEquals("google", Fields.inferProvider("gemini-2.5-pro"));
    assertEquals("xai", Fields.inferProvider("grok-4"));
    // no dash after the family, or another family: nothing is guessed
    assertEquals("", Fields.inferProvider("claude"));
    assertEquals("", Fields.inferProvider("gpt4"));
    assertEquals("", Fields.inferProvider("o2"));
    assertEquals("", Fields.inferProvider("mistral-large"));
    assertEquals("", Fields.inferProvider(""));
  }

  @Test
  void stem_dropsTheTraceExtensionsInTheirOrder() {
    assertEquals("run", Fields.stem(Path.of("/x/run.traj.json")));
    assertEquals("s1", Fields.stem(Path.of("s1.jsonl.gz")));
    assertEquals("s1", Fields.stem(Path.of("s1.jsonl")));
    assertEquals("doc", Fields.stem(Path.of("doc.json")));
    assertEquals("a", Fields.stem(Path.of("a.gz")));
    assertEquals("notes.txt", Fields.stem(Path.of("notes.txt")));
    // ".traj" is only dropped last: "x.traj.gz" -> "x.traj" -> (no .jsonl/.json) -> "x"
    assertEquals("x", Fields.stem(Path.of("x.traj.gz")));
  }

  @Test
  void usdToPicos_halfEvenToOnePicodollar() {
    assertEquals(1_250_000_000_000L, Fields.usdToPicos(new BigDecimal("1.25")));
    assertEquals(2, Fields.usdToPicos(new BigDecimal("0.0000000000015"))); // 1.5 -> 2
    assertEquals(2, Fields.usdToPicos(new BigDecimal("0.0000000000025"))); // 2.5 -> 2
    assertEquals(3, Fields.usdToPicos(new BigDecimal("0.00000000000251"))); // 2.51 -> 3
    assertEquals(0, Fields.usdToPicos(new BigDecimal("0.0000000000005"))); // 0.5 -> 0
  }

  @Test
  void wholeHalfEven_hugeNegativeExponent_isZeroAtOnce() {
    // F10: setScale(0) on 1e-999999999 would build 10^999999999 before answering
    assertEquals(0, Fields.usdToPicos(new BigDecimal("1e-999999999")));
    assertEquals(0, Fields.wholeHalfEven(new BigDecimal("0.06"))); // below 0.1: 0
    assertEquals(0, Fields.wholeHalfEven(new BigDecimal("0.5"))); // half-even: 0
    assertEquals(1, Fields.wholeHalfEven(new BigDecimal("0.51")));
    assertEquals(-2, Fields.wholeHalfEven(new BigDecimal("-1.5")));
  }

  @Test
  void secondsToMillis_halfEvenToOneMillisecond() {
    assertEquals(1_759_320_000_000L, Fields.secondsToMillis(new BigDecimal("1759320000.0005")));
    assertEquals(1_759_320_000_002L, Fields.secondsToMillis(new BigDecimal("1759320000.0015")));
    assertEquals(1_759_320_000_001L, Fields.secondsToMillis(new BigDecimal("1759320000.00051")));
  }

  @Test
  void ranges_inclusiveBoundsOnBothSides() {
    assertTrue(Fields.usdInRange(new BigDecimal("1000000")));
    assertTrue(Fields.usdInRange(new BigDecimal("-1000000")));
    assertFalse(Fields.usdInRange(new BigDecimal("1000000.000001")));
    assertFalse(Fields.usdInRange(new BigDecimal("-1000000.000001")));
    assertTrue(Fields.tokensInRange(BigDecimal.valueOf(1_000_000_000L)));
    assertFalse(Fields.tokensInRange(BigDecimal.valueOf(1_000_000_001L)));
    // 253,402,300,799,999 ms is 9999-12-31T23:59:59.999Z
    assertTrue(Fields.millisInRange(BigDecimal.ZERO));
    assertFalse(Fields.millisInRange(new BigDecimal("-0.001")));
    assertTrue(Fields.millisInRange(BigDecimal.valueOf(253_402_300_799_999L)));
    assertFalse(Fields.millisInRange(BigDecimal.valueOf(253_402_300_800_000L)));
  }

  @Test
  void call_negativeTokenCountInAnyFieldIsRejected() {
    for (int field = 0; field < 6; field++) {
      long[] t = new long[6];
      t[field] = -1;
      int which = field;
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new Call(
                      0, "s", "a", CallerRole.AGENT, "p", "m", t[0], t[1], t[2], t[3], t[4], t[5],
                      null, CallStatus.OK, -1, -1, false),
              "field " + which);
      assertEquals("token counts must not be negative", e.getMessage());
    }
    Call zero =
        new Call(0, "s", "a", CallerRole.AGENT, "p", "m", 0, 0, 0, 0, 0, 0, null, CallStatus.OK,
            -1, -1, false);
    assertFalse(zero.hasRecordedCost());
    assertEquals("", zero.inferenceGeo());
  }

  @Test
  void call_totalsAddTheirParts() {
    // 7 uncached + 11 read + (13 + 17 + 19) written = 67 prompt tokens; 49 written
    Call c =
        new Call(0, "s", "a", CallerRole.AGENT, "p", "m", 7, 5, 11, 13, 17, 19, null,
            CallStatus.OK, -1, 0, false);
    assertEquals(49, c.cacheWriteTokens());
    assertEquals(67, c.promptTokens());
    assertTrue(c.hasRecordedCost()); // a recorded 0 is a cost, -1 is none
  }
}
