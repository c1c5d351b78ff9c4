package dev.polpocheck.sim.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Protects subscription windows: running out is a wait until the window closes. */
class WindowBudgetTest {
  private static final long HOUR = 3_600_000L;

  @Test
  void window_exhausted_waitsUntilItCloses() {
    WindowBudget w = new WindowBudget(5 * HOUR, 1_000);
    assertEquals(0, w.tryConsume(600, 0));
    assertEquals(4 * HOUR, w.tryConsume(500, HOUR)); // 600 + 500 > 1,000; window ends at 5 h
    assertEquals(0, w.tryConsume(400, HOUR)); // exactly 1,000 fits
    assertEquals(0, w.tryConsume(500, 5 * HOUR)); // a new window opens at 5:00:00
  }
}
