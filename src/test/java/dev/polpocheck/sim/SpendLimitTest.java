package dev.polpocheck.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which limit refuses a request, by hand, in picodollars (1 USD = 10^12). */
class SpendLimitTest {
  private static final long USD = 1_000_000_000_000L;
  // 2026-04-10T00:00:00Z and 2026-05-01T00:00:00Z
  private static final long APRIL = 1_775_779_200_000L;
  private static final long MAY = 1_777_593_600_000L;

  @Test
  void noLimits_isNotTracked() {
    assertFalse(new SpendLimit(-1, -1, -1).tracked());
    assertTrue(new SpendLimit(-1, 100 * USD, -1).tracked());
  }

  @Test
  void consoleLimitBelowTheTierCap_isReachedFirst() {
    SpendLimit s = new SpendLimit(50 * USD, 100 * USD, -1);
    s.add(49 * USD, APRIL);
    assertEquals(SpendLimit.Refusal.NONE, s.refusal(APRIL));
    s.add(USD, APRIL); // exactly $50: reached
    assertEquals(SpendLimit.Refusal.SPEND_LIMIT, s.refusal(APRIL));
    s.add(60 * USD, APRIL); // $110: both reached, the lower ($50 limit) answers
    assertEquals(SpendLimit.Refusal.SPEND_LIMIT, s.refusal(APRIL));
  }

  @Test
  void tierCapBelowTheConsoleLimit_answersWithTheCap() {
    SpendLimit s = new SpendLimit(500 * USD, 100 * USD, -1);
    s.add(100 * USD, APRIL);
    assertEquals(SpendLimit.Refusal.TIER_CAP, s.refusal(APRIL));
  }

  @Test
  void newMonth_startsTheMonthlyLimitsOverButNotTheCredit() {
    SpendLimit monthly = new SpendLimit(-1, 100 * USD, -1);
    monthly.add(100 * USD, APRIL);
    assertEquals(SpendLimit.Refusal.TIER_CAP, monthly.refusal(APRIL));
    assertEquals(SpendLimit.Refusal.NONE, monthly.refusal(MAY));
    SpendLimit credit = new SpendLimit(-1, 100 * USD, 30 * USD);
    credit.add(30 * USD, APRIL);
    assertEquals(SpendLimit.Refusal.CREDIT, credit.refusal(APRIL));
    assertEquals(SpendLimit.Refusal.CREDIT, credit.refusal(MAY));
  }

  @Test
  void monthBoundary_lastMillisecondOfAprilStillCountsApril() {
    SpendLimit s = new SpendLimit(-1, 100 * USD, -1);
    s.add(60 * USD, APRIL);
    s.add(40 * USD, MAY - 1); // 2026-04-30T23:59:59.999Z: April's spend reaches the $100 cap
    assertEquals(SpendLimit.Refusal.TIER_CAP, s.refusal(MAY - 1));
    assertEquals(SpendLimit.Refusal.NONE, s.refusal(MAY));
    s.add(100 * USD, MAY);
    assertEquals(SpendLimit.Refusal.TIER_CAP, s.refusal(MAY + 1));
  }

  @Test
  void spendBilledInALaterMonth_countsForThatMonthOnly() {
    // a batch request submitted in April is billed at its completion in May, before the replay's
    // clock has left April: April's spend stays 0, May's holds it whatever the order of look-ups
    SpendLimit s = new SpendLimit(50 * USD, -1, -1);
    s.add(60 * USD, MAY);
    assertEquals(SpendLimit.Refusal.NONE, s.refusal(APRIL));
    s.add(10 * USD, APRIL);
    assertEquals(SpendLimit.Refusal.NONE, s.refusal(APRIL));
    assertEquals(SpendLimit.Refusal.SPEND_LIMIT, s.refusal(MAY));
    s.add(40 * USD, APRIL); // April: 10 + 40 = $50, reached
    assertEquals(SpendLimit.Refusal.SPEND_LIMIT, s.refusal(APRIL));
  }
}
