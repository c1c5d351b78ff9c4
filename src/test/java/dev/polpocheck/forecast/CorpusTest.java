package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
  void of_threeDaysAtNine_hourShapeConcentratesOnNineShrunkByTheNoise() {
    // one session at 09:10 on each of 3 days, plus one at 23:59:59 on the third day. The span
    // runs from day 0 09:00 to day 3 00:00 (63 clock hours): hours 9-23 have 3 units (days 0-2),
    // hours 0-8 have 2 (days 1-2), so every hour has the two units a noise estimate needs.
    // Rates: hour 9 has counts [1, 1, 1] (rate 1, noise 0), hour 23 [0, 0, 1] (rate 1/3), all
    // others 0. Noise of hour 23: n/(n-1) x sum((c - m)^2) / (sum e)^2 = 3/2 x (2/3) / 9 = 1/9;
    // mean noise V = (1/9) / 24 = 1/216. Mean rate m = (4/3) / 24 = 1/18; between-hour variance
    // B = ((17/18)^2 + (5/18)^2 + 22 (1/18)^2) / 23 = (336/324) / 23. Kept share k = 1 - V/B =
    // 1 - 7452/72576 = 65124/72576; weight of hour 9 = (m + k (1 - m)) / m = 1 + 17k, of an
    // empty hour 1 - k.
    List<Call> calls = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      calls.add(TestCalls.call(MONDAY + d * Corpus.DAY + 9 * Corpus.HOUR + 600_000, "s" + d, "a",
          "claude-haiku-4-5", 1, 1));
    }
    calls.add(TestCalls.call(MONDAY + 3 * Corpus.DAY - 1, "end", "a", "claude-haiku-4-5", 1, 1));
    Corpus c = Corpus.of(calls);
    double k = 65124.0 / 72576;
    double[] h = c.hourWeights();
    assertEquals(1 + 17 * k, h[9], 1e-9);
    assertEquals(1 - k, h[3], 1e-9);
    assertEquals(k, c.hourShape().kept(), 1e-12);
    assertEquals(2.625, c.spanDays(), 1e-12);
    assertEquals(4 / 2.625, c.sessionsPerDay(), 1e-12);
    assertEquals(3, c.activeDays());
    assertTrue(c.warnings().get(0).contains("day-of-week profile is flat"), c.warnings().toString());
    assertArrayEquals(Corpus.flat(7), c.dayWeights());
    assertEquals("flat: too few days to measure it", c.dayShape().describe());
  }

  @Test
  void of_twoBusyDaysInFourWeeks_dayOfWeekShapeIsFlat() {
    // 28 whole days from Monday 00:00: 40 sessions on Monday of week 1, 40 on Wednesday of week 3
    // and one on the last Sunday (bursty benchmark-like traces). Per weekday the 4 units give
    // Monday [40, 0, 0, 0] (rate 10, noise 4/3 x 1200 / 16 = 100), Wednesday the same, Sunday
    // [0, 0, 0, 1] (rate 1/4, noise 4/3 x 0.75 / 16 = 1/16), the rest 0. Mean noise V =
    // 200.0625 / 7 = 28.58; mean rate 20.25 / 7, between-weekday variance B = 141.48 / 6 = 23.58
    // < V: the weekday differences are noise, k = 0, and every weekday weighs 1 (a raw shape
    // would have given Tuesday, Thursday, Friday and Saturday no sessions at all).
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(TestCalls.call(MONDAY + 600_000 + i, "mon" + i, "a", "claude-haiku-4-5", 1, 1));
      calls.add(TestCalls.call(MONDAY + 16 * Corpus.DAY + 600_000 + i, "wed" + i, "a",
          "claude-haiku-4-5", 1, 1));
    }
    calls.add(TestCalls.call(MONDAY + 27 * Corpus.DAY + 23 * Corpus.HOUR + 600_000, "sun", "a",
        "claude-haiku-4-5", 1, 1));
    Corpus c = Corpus.of(calls);
    assertEquals(28.0, c.spanDays(), 1e-12);
    assertEquals(3, c.activeDays());
    assertArrayEquals(Corpus.flat(7), c.dayWeights());
    assertEquals(0.0, c.dayShape().kept());
    assertTrue(c.dayShape().measured());
    assertEquals("flat: the measured differences are within the noise", c.dayShape().describe());
    assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith(
        "only 3 of the 28.0 days the traces span have calls")), c.warnings().toString());
  }

  @Test
  void of_steadyWeeklyRhythm_dayOfWeekShapeKeptAsMeasured() {
    // 4 weeks of 10 sessions each weekday and 2 each weekend day, starting on the hour from
    // 00:00; the last session has a second call at 23:30 on day 27, so the span is 28 whole
    // days (every day fully exposed). No day-to-day noise within a weekday, so k = 1 and the
    // weights are the measured rates over their mean 54/7: weekdays 10 x 7/54 = 70/54, weekend
    // days 2 x 7/54 = 14/54.
    List<Call> calls = new ArrayList<>();
    for (int d = 0; d < 28; d++) {
      int n = d % 7 < 5 ? 10 : 2;
      for (int i = 0; i < n; i++) {
        calls.add(TestCalls.call(MONDAY + d * Corpus.DAY + i * Corpus.HOUR, d + "-" + i,
            "a", "claude-haiku-4-5", 1, 1));
      }
    }
    calls.add(TestCalls.call(MONDAY + 27 * Corpus.DAY + 23 * Corpus.HOUR + 1_800_000, "27-1",
        "a", "claude-haiku-4-5", 1, 1));
    Corpus c = Corpus.of(calls);
    assertEquals(28.0, c.spanDays(), 1e-12);
    double[] w = c.dayWeights();
    assertEquals(1.0, c.dayShape().kept(), 1e-12);
    assertEquals(70.0 / 54, w[0], 1e-9);
    assertEquals(14.0 / 54, w[6], 1e-9);
    assertEquals("as measured", c.dayShape().describe());
    assertEquals(28, c.activeDays());
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

  @Test
  void of_callsWithEqualStrings_keepsEqualCallsSharingOneStringObject() {
    // two sessions whose model names are equal but distinct String objects (as a parser makes)
    Call a = TestCalls.call(0, "s1", "agent", new String("claude-haiku-4-5"), 10, 1);
    Call b = TestCalls.call(60_000, "s2", "agent", new String("claude-haiku-4-5"), 20, 2);
    Corpus c = Corpus.of(List.of(a, b));
    List<Session> sessions = c.sessions("agent");
    assertEquals(List.of(a), sessions.get(0).calls());
    assertEquals(List.of(b), sessions.get(1).calls());
    assertSame(sessions.get(0).calls().get(0).model(), sessions.get(1).calls().get(0).model());
  }
}
