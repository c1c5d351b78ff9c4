package dev.polpocheck.sim.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @Test
  void window_opensAtFirstUseAfterTheLastClosed_notOnAFixedGrid() {
    WindowBudget w = new WindowBudget(5 * HOUR, 1_000);
    assertEquals(0, w.waitMillis(5_000, 0)); // nothing open yet: any request may open one
    assertEquals(0, w.tryConsume(1_000, 7 * HOUR)); // opens 7:00-12:00, full
    assertEquals(5 * HOUR - 1, w.waitMillis(1, 7 * HOUR + 1));
    // less than a second before the close: still told to wait a whole second
    assertEquals(1_000, w.waitMillis(1, 12 * HOUR - 10));
    assertEquals(0, w.tryConsume(1, 12 * HOUR)); // 12:00 opens the next window
    assertEquals(0, w.tryConsume(999, 12 * HOUR));
    assertEquals(17 * HOUR - 13 * HOUR, w.waitMillis(1, 13 * HOUR));
  }

  @Test
  void window_firstRequestLargerThanTheWindow_isAdmitted() {
    WindowBudget w = new WindowBudget(HOUR, 100);
    assertEquals(0, w.tryConsume(500, 0));
    assertEquals(HOUR, w.waitMillis(1, 0));
  }

  @Test
  void window_openedByAnEmptyRequest_stillAdmitsAFirstLargeOne() {
    WindowBudget w = new WindowBudget(HOUR, 100);
    assertEquals(0, w.tryConsume(0, 0)); // opens the window with nothing used
    assertEquals(0, w.waitMillis(500, 1)); // nothing used yet: a request larger than it fits
  }

  @Test
  void window_sizeMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new WindowBudget(0, 100));
    assertThrows(IllegalArgumentException.class, () -> new WindowBudget(HOUR, 0));
  }
}
