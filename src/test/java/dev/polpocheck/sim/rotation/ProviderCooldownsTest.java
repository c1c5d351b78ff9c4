package dev.polpocheck.sim.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Protects the simulated provider-level cooldown (polpo-semantics.md §13): the 1/5/25/60-minute
 * escalation, deletion on an expired check (which resets the count), and escalation without bound
 * when nobody checks. Times are worked by hand from §13.
 */
class ProviderCooldownsTest {

  private static final long MINUTE = 60_000L;

  @Test
  void mark_uncheckedFailures_escalate1_5_25_60Minutes() {
    ProviderCooldowns cooldowns = new ProviderCooldowns(1, CooldownSchedule.POLPO);
    // Failures an hour apart, never checked in between: the entry is never deleted.
    assertEquals(MINUTE, cooldowns.mark(0, 0));
    assertEquals(60 * MINUTE + 5 * MINUTE, cooldowns.mark(0, 60 * MINUTE));
    assertEquals(120 * MINUTE + 25 * MINUTE, cooldowns.mark(0, 120 * MINUTE));
    assertEquals(180 * MINUTE + 60 * MINUTE, cooldowns.mark(0, 180 * MINUTE));
    assertEquals(4, cooldowns.errorCount(0));
  }

  @Test
  void isCoolingDown_atExactlyUntil_deletesEntryAndResetsCount() {
    ProviderCooldowns cooldowns = new ProviderCooldowns(1, CooldownSchedule.POLPO);
    cooldowns.mark(0, 0);
    cooldowns.mark(0, 0); // 5 minutes
    assertTrue(cooldowns.isCoolingDown(0, 5 * MINUTE - 1));
    assertFalse(cooldowns.isCoolingDown(0, 5 * MINUTE));
    assertEquals(0, cooldowns.errorCount(0));
    // Fresh entry: the next failure is the first again → 1 minute.
    assertEquals(6 * MINUTE, cooldowns.mark(0, 5 * MINUTE));
  }

  @Test
  void clear_afterFailure_endsCooldown() {
    ProviderCooldowns cooldowns = new ProviderCooldowns(2, CooldownSchedule.POLPO);
    cooldowns.mark(1, 0);
    cooldowns.clear(1);
    assertFalse(cooldowns.isCoolingDown(1, 1));
    assertEquals(0, cooldowns.until(1));
    assertFalse(cooldowns.isCoolingDown(0, 1));
  }
}
