package dev.polpocheck.sim.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Protects the two schedules as values and at the edge of 64-bit arithmetic: a cooldown schedule
 * equals another with the same steps (scenarios and their Spark copies are compared by value),
 * hands out copies of its steps and names them; the billing schedule's doubling stops at the cap
 * exactly where {@code backoff × 2^k} would no longer fit a long.
 */
class SchedulesTest {

  @Test
  void cooldownSchedule_isAValueOfItsSteps() {
    CooldownSchedule a = new CooldownSchedule(60_000L, 300_000L, 1_500_000L, 3_600_000L);
    assertEquals(CooldownSchedule.POLPO, a);
    assertEquals(CooldownSchedule.POLPO.hashCode(), a.hashCode());
    assertNotEquals(new CooldownSchedule(60_000L, 300_000L), a);
    assertNotEquals((Object) "CooldownSchedule[60000, 300000, 1500000, 3600000]", a);
    assertEquals("CooldownSchedule[60000, 300000, 1500000, 3600000]", a.toString());
    long[] steps = a.stepsMs();
    steps[0] = 1;
    assertEquals(60_000L, a.stepsMs()[0], "the steps handed out are a copy");
    assertEquals(60_000L, a.cooldownMs(1));
  }

  @Test
  void billingSchedule_doublesUpToTheLastProductThatFitsALong_thenTheCap() {
    BillingSchedule one = new BillingSchedule(1, Long.MAX_VALUE, 1, BillingWindowRule.ANCHORED_AT_FIRST_FAILURE);
    // 62 doublings of 1 = 2^62 = 4611686018427387904 would still fit, but the schedule caps from
    // the 63rd failure (62 doublings) on: its guard is "62 doublings or more"
    assertEquals(1L << 61, one.disableMs(62));
    assertEquals(Long.MAX_VALUE, one.disableMs(63));
    // backoff 3: 3 x 2^61 = 6917529027641081856 fits (3 <= MAX >> 61 = 3); 3 x 2^62 does not
    BillingSchedule three = new BillingSchedule(3, Long.MAX_VALUE, 1, BillingWindowRule.ANCHORED_AT_FIRST_FAILURE);
    assertEquals(6_917_529_027_641_081_856L, three.disableMs(62));
    assertEquals(Long.MAX_VALUE, three.disableMs(63));
  }
}
