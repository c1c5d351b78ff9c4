package dev.polpocheck.sim.rotation;

import static dev.polpocheck.sim.rotation.ProfileType.API_KEY;
import static dev.polpocheck.sim.rotation.ProfileType.OAUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects the cooldown and billing-disable timelines the simulator reports: Polpo 0.3.x's {@code
 * recordProfileSuccess}, {@code recordProfileError}, {@code recordBillingFailure} and {@code
 * clearProfileCooldown} (polpo-semantics.md §10.2, §11, §12). Expected times are the schedules of
 * §11/§12 worked by hand; the billing steps match Polpo's test "doubles backoff on subsequent
 * billing failures" and the window table of §12.
 */
class ProfilePoolTest {

  private static final long MINUTE = 60_000L;
  private static final long HOUR = 3_600_000L;

  @Test
  void recordProfileError_consecutiveErrors_coolDown1_5_25_60_60Minutes() {
    ProfilePool pool = Pools.anthropic(OAUTH);
    long[] expectedMinutes = {1, 5, 25, 60, 60};
    long now = 1_000_000;
    for (int n = 0; n < expectedMinutes.length; n++) {
      long until = pool.recordProfileError(0, now);
      assertEquals(now + expectedMinutes[n] * MINUTE, until, "error " + (n + 1));
      assertEquals(until, pool.cooldownUntil(0));
      assertEquals(n + 1, pool.stats(0).errorCount());
      now = until;
    }
  }

  @Test
  void recordSuccess_afterErrors_resetsCooldownAndCount() {
    ProfilePool pool = Pools.anthropic(OAUTH);
    pool.recordProfileError(0, 0);
    pool.recordProfileError(0, 0);
    pool.recordSuccess(0, 10);
    ProfileStats stats = pool.stats(0);
    assertEquals(10, stats.lastUsed());
    assertEquals(0, stats.cooldownUntil());
    assertEquals(0, stats.errorCount());
    assertFalse(pool.isCoolingDown(0, 11));
    // The count started over: the next error cools for 1 minute again, not 25.
    assertEquals(20 + MINUTE, pool.recordProfileError(0, 20));
  }

  @Test
  void recordSuccess_whileBillingDisabled_leavesBillingStateAlone() {
    ProfilePool pool = Pools.anthropic(OAUTH);
    pool.recordBillingFailure(0, 0);
    pool.recordSuccess(0, HOUR);
    ProfileStats stats = pool.stats(0);
    assertEquals(5 * HOUR, stats.disabledUntil());
    assertEquals(1, stats.billingErrorCount());
    assertEquals(0, stats.failureWindowStart());
    assertTrue(pool.isDisabled(0, HOUR));
    // The count survives the success: the next failure is the second of the window → 10 h.
    assertEquals(2 * HOUR + 10 * HOUR, pool.recordBillingFailure(0, 2 * HOUR));
  }

  @Test
  void recordBillingFailure_consecutiveFailures_disable5_10_20_24_24Hours() {
    ProfilePool pool = Pools.anthropic(OAUTH);
    long[] expectedHours = {5, 10, 20, 24, 24};
    for (int n = 0; n < expectedHours.length; n++) {
      long now = n * MINUTE;
      assertEquals(now + expectedHours[n] * HOUR, pool.recordBillingFailure(0, now));
    }
  }

  @Test
  void recordBillingFailure_anchoredWindow_followsPolpoTable() {
    // §12: failures at 0, 5, 15, 35, 40 h → 5, 10, 20, then reset at 35 h (35 > 0 + 24) → 5,
    // then 10 (window now starts at 35 h).
    ProfilePool pool = Pools.anthropic(OAUTH);
    long[][] rows = {{0, 5, 0}, {5, 10, 0}, {15, 20, 0}, {35, 5, 35}, {40, 10, 35}};
    for (long[] row : rows) {
      long now = row[0] * HOUR;
      assertEquals(now + row[1] * HOUR, pool.recordBillingFailure(0, now), "failure at " + row[0]);
      assertEquals(row[2] * HOUR, pool.stats(0).failureWindowStart());
    }
  }

  @Test
  void recordBillingFailure_sinceLastFailureRule_followsDocsColumn() {
    // The docs' reading of the same table: at 35 h only 20 h passed since the last failure, so
    // the count goes on: 5, 10, 20, 24, 24.
    ProfilePool pool = docsPool();
    long[][] rows = {{0, 5}, {5, 10}, {15, 20}, {35, 24}, {40, 24}};
    for (long[] row : rows) {
      long now = row[0] * HOUR;
      assertEquals(now + row[1] * HOUR, pool.recordBillingFailure(0, now), "failure at " + row[0]);
    }
  }

  @Test
  void recordBillingFailure_exactly24HoursAfterWindowStart_doesNotReset() {
    ProfilePool pool = Pools.anthropic(OAUTH);
    pool.recordBillingFailure(0, 0);
    // 24 h − 0 > 24 h is false: second failure of the window → 10 h.
    assertEquals(24 * HOUR + 10 * HOUR, pool.recordBillingFailure(0, 24 * HOUR));
  }

  @Test
  void recordBillingFailure_oneMillisecondPast24Hours_resets() {
    ProfilePool pool = Pools.anthropic(OAUTH);
    pool.recordBillingFailure(0, 0);
    long now = 24 * HOUR + 1;
    assertEquals(now + 5 * HOUR, pool.recordBillingFailure(0, now));
    assertEquals(now, pool.stats(0).failureWindowStart());
    assertEquals(1, pool.stats(0).billingErrorCount());
  }

  @Test
  void recordBillingFailure_rulesDisagree_whenFailuresAreSpacedUnder24Hours() {
    // Failures at 0, 20, 44 h. Anchored: 44 − 0 > 24 → reset → 5 h. Since-last: 44 − 20 = 24,
    // not > 24 → third failure → 20 h.
    ProfilePool anchored = Pools.anthropic(OAUTH);
    ProfilePool sinceLast = docsPool();
    for (long hours : new long[] {0, 20}) {
      anchored.recordBillingFailure(0, hours * HOUR);
      sinceLast.recordBillingFailure(0, hours * HOUR);
    }
    assertEquals(44 * HOUR + 5 * HOUR, anchored.recordBillingFailure(0, 44 * HOUR));
    assertEquals(44 * HOUR + 20 * HOUR, sinceLast.recordBillingFailure(0, 44 * HOUR));
  }

  @Test
  void recordBillingFailureForProvider_disablesEveryProfileOfThatProviderOnly() {
    ProfilePool pool =
        new ProfilePool(
            List.of(
                new ProfileSpec("anthropic:a", "anthropic", OAUTH, "org-a"),
                new ProfileSpec("openai:b", "openai", API_KEY, "org-b"),
                new ProfileSpec("anthropic:c", "anthropic", API_KEY, "org-c")));
    pool.recordBillingFailureForProvider(pool.providerIndex("anthropic"), HOUR);
    assertEquals(6 * HOUR, pool.disabledUntil(0));
    assertEquals(0, pool.disabledUntil(1));
    assertEquals(6 * HOUR, pool.disabledUntil(2));
  }

  @Test
  void clearCooldown_afterErrorsAndBillingFailures_resetsEverythingButLastUsed() {
    ProfilePool pool = Pools.anthropic(OAUTH);
    pool.recordSuccess(0, 5);
    pool.recordProfileError(0, 10);
    pool.recordBillingFailure(0, 10);
    pool.recordBillingFailure(0, 20);
    pool.clearCooldown(0);
    assertEquals(new ProfileStats(5, 0, 0, 0, 0, ProfileStats.NO_WINDOW), pool.stats(0));
    // Fresh schedules afterwards: 1 minute, 5 hours.
    assertEquals(30 + MINUTE, pool.recordProfileError(0, 30));
    assertEquals(30 + 5 * HOUR, pool.recordBillingFailure(0, 30));
  }

  @Test
  void constructor_duplicateProfileId_isRejected() {
    List<ProfileSpec> specs =
        List.of(
            new ProfileSpec("anthropic:a", "anthropic", OAUTH, "org"),
            new ProfileSpec("anthropic:a", "anthropic", API_KEY, "org"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ProfilePool(specs));
    assertTrue(e.getMessage().contains("anthropic:a"));
  }

  @Test
  void constructor_providersNumberedByFirstAppearance_profilesInFileOrder() {
    ProfilePool pool =
        new ProfilePool(
            List.of(
                new ProfileSpec("openai:x", "openai", API_KEY, "o"),
                new ProfileSpec("anthropic:a", "anthropic", OAUTH, "o"),
                new ProfileSpec("openai:y", "openai", OAUTH, "o")));
    assertEquals(2, pool.providerCount());
    assertEquals(0, pool.providerIndex("openai"));
    assertEquals(1, pool.providerIndex("anthropic"));
    assertEquals(2, pool.profileCount(0));
    assertEquals(0, pool.profileOf(0, 0));
    assertEquals(2, pool.profileOf(0, 1));
    assertEquals(2, pool.indexOf("openai:y"));
    assertEquals(-1, pool.indexOf("openai:z"));
  }

  @Test
  void recordProfileError_customScheduleExhausted_repeatsLastStep() {
    ProfilePool pool =
        new ProfilePool(
            List.of(new ProfileSpec("anthropic:a", "anthropic", OAUTH, "o")),
            new CooldownSchedule(10, 20),
            BillingSchedule.POLPO);
    assertEquals(10, pool.recordProfileError(0, 0));
    assertEquals(20, pool.recordProfileError(0, 0));
    assertEquals(20, pool.recordProfileError(0, 0));
  }

  @Test
  void schedules_nonPositiveSteps_areRejected() {
    assertThrows(IllegalArgumentException.class, CooldownSchedule::new);
    assertThrows(IllegalArgumentException.class, () -> new CooldownSchedule(60_000, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new BillingSchedule(0, HOUR, HOUR, BillingWindowRule.SINCE_LAST_FAILURE));
  }

  @Test
  void billingSchedule_manyFailures_staysAtCapWithoutOverflow() {
    assertEquals(24 * HOUR, BillingSchedule.POLPO.disableMs(1_000));
    assertEquals(24 * HOUR, BillingSchedule.POLPO.disableMs(Integer.MAX_VALUE));
  }

  private static ProfilePool docsPool() {
    return new ProfilePool(
        List.of(new ProfileSpec("anthropic:a", "anthropic", OAUTH, "o")),
        CooldownSchedule.POLPO,
        BillingSchedule.POLPO.withWindowRule(BillingWindowRule.SINCE_LAST_FAILURE));
  }
}
