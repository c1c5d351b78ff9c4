package dev.polpocheck.sim.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Protects the provider cooldown steps and the fallback path's double count (§13). */
class ProviderCooldownTest {
  private static final long MIN = 60_000L;

  @Test
  void fallbackPath_doubleCount_firstFailureCoolsFiveMinutes() {
    ProviderCooldown c = new ProviderCooldown();
    c.mark("anthropic", 0); // inside queryText: 1 min
    assertEquals(5 * MIN, c.mark("anthropic", 0)); // again in the fallback loop: 5 min
    assertTrue(c.inCooldown("anthropic", 5 * MIN - 1));
    assertFalse(c.inCooldown("anthropic", 5 * MIN)); // ends at exactly 5:00 and is deleted
    c.mark("anthropic", 6 * MIN);
    assertEquals(6 * MIN + 5 * MIN, c.mark("anthropic", 6 * MIN)); // reset: 5 min again
  }

  @Test
  void withoutAnyoneAsking_countEscalatesToSixtyMinutesCap() {
    ProviderCooldown c = new ProviderCooldown();
    assertEquals(MIN, c.mark("p", 0));
    assertEquals(100 * MIN + 5 * MIN, c.mark("p", 100 * MIN));
    assertEquals(200 * MIN + 25 * MIN, c.mark("p", 200 * MIN));
    assertEquals(300 * MIN + 60 * MIN, c.mark("p", 300 * MIN));
    assertEquals(400 * MIN + 60 * MIN, c.mark("p", 400 * MIN));
    c.clear("p");
    assertEquals(500 * MIN + MIN, c.mark("p", 500 * MIN));
  }
}
