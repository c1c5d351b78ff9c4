package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.trace.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects what a forecast learns from the recorded traces: sessions per agent, the arrival rate,
 * the hour-of-day shape, and the warning when the traces are too short for a weekly shape.
 */
class CorpusTest {
  private static final long MONDAY = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();

  @Test
  void of_callsOfTwoSessions_groupsThemByAgentInTimeOrder() {
    Corpus c = Corpus.of(List.of(
        TestCalls.call(MONDAY + 2000, "s1", "coder", "claude-sonnet-4-5", 1, 1),
        TestCalls.call(MONDAY + 1000, "s1", "coder", "claude-sonnet-4-5", 1, 1),
        TestCalls.call(MONDAY + 500, "s2", "reviewer", "claude-haiku-4-5", 1, 1)));
    assertEquals(List.of("coder", "reviewer"), c.agents());
    Session s1 = c.sessions("coder").get(0);
    assertEquals(MONDAY + 1000, s1.startMillis());
    assertEquals(1000, s1.durationMillis());
    assertEquals(2, c.sessionCount());
  }

  @Test
  void of_twoDaysOnlyAtNine_hourShapeConcentratesOnNine() {
    // one session at 09:10 each day for 3 days: hour 9 is covered 3 times with 3 starts (rate
    // 1), hour 23 3 times with one start (rate 1/3), every other hour has rate 0; scaled to a
    // mean of 1 over 24 hours, hour 9 weighs 24 / (1 + 1/3) = 18.
    List<Call> calls = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      calls.add(TestCalls.call(MONDAY + d * Corpus.DAY + 9 * Corpus.HOUR + 600_000, "s" + d, "a",
          "claude-haiku-4-5", 1, 1));
    }
    calls.add(TestCalls.call(MONDAY + 3 * Corpus.DAY - 1, "end", "a", "claude-haiku-4-5", 1, 1));
    Corpus c = Corpus.of(calls);
    // the 'end' session at 23:59:59 on day 3 adds rate 1/3 to hour 23
    double[] h = c.hourWeights();
    assertEquals(24.0 * 1 / (1 + 1.0 / 3), h[9], 1e-9);
    assertEquals(0.0, h[3], 1e-12);
    // the corpus runs from the first start's hour (day 0, 09:00) to day 3 00:00: 2 d 15 h
    assertEquals(2.625, c.spanDays(), 1e-12);
    assertEquals(4 / 2.625, c.sessionsPerDay(), 1e-12);
    assertTrue(c.warnings().get(0).contains("day-of-week profile is flat"), c.warnings().toString());
    assertArrayEquals(Corpus.flat(7), c.dayWeights());
  }

  @Test
  void of_oneHourCorpus_warnsThatBothShapesAreFlat() {
    Corpus c = Corpus.of(List.of(TestCalls.call(MONDAY, "s", "a", "claude-haiku-4-5", 1, 1)));
    assertEquals(2, c.warnings().size());
    assertArrayEquals(Corpus.flat(24), c.hourWeights());
  }

  @Test
  void of_noCalls_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> Corpus.of(List.of()));
  }

  @Test
  void dayOf_monday_isZero() {
    assertEquals(0, Corpus.dayOf(MONDAY));
    assertEquals(6, Corpus.dayOf(MONDAY - 1));
  }
}
