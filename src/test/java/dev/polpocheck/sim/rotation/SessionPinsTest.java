package dev.polpocheck.sim.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Protects sticky rotation on long replays: pins are found per (session, provider), and ending
 * sessions returns the memory, so a replay of many sessions keeps only the open ones.
 */
class SessionPinsTest {

  @Test
  void put_thenGet_returnsPinPerSessionAndProvider() {
    SessionPins pins = new SessionPins();
    pins.put(1, 0, 5);
    pins.put(1, 1, 6);
    pins.put(-2, 0, 7);
    assertEquals(5, pins.get(1, 0));
    assertEquals(6, pins.get(1, 1));
    assertEquals(7, pins.get(-2, 0));
    assertEquals(-1, pins.get(2, 0));
    pins.put(1, 0, 9);
    assertEquals(9, pins.get(1, 0));
    assertEquals(3, pins.size());
  }

  @Test
  void endSession_manySessions_emptiesTheTableAndKeepsOthersReachable() {
    SessionPins pins = new SessionPins();
    for (int s = 0; s < 10_000; s++) {
      pins.put(s, s % 3, s % 100);
    }
    // End every session but the multiples of 1000; the survivors must still be found even
    // though their probe runs were shifted by the deletions.
    for (int s = 0; s < 10_000; s++) {
      if (s % 1000 != 0) {
        pins.endSession(s, 3);
      }
    }
    assertEquals(10, pins.size());
    for (int s = 0; s < 10_000; s += 1000) {
      assertEquals(s % 100, pins.get(s, s % 3));
    }
    assertEquals(-1, pins.get(1, 1));
  }

  @Test
  void endSession_afterAPeakOfOpenSessions_shrinksTheTable() {
    SessionPins pins = new SessionPins();
    for (int s = 0; s < 4_096; s++) {
      pins.put(s, 0, 1);
    }
    // 4,096 pins at most half full → at least 8,192 slots.
    int peak = pins.capacity();
    assertTrue(peak >= 8_192, "capacity at the peak: " + peak);
    for (int s = 0; s < 4_096; s++) {
      pins.endSession(s, 1);
    }
    assertEquals(0, pins.size());
    // Halving whenever an eighth full or less goes all the way down to the minimum of 16.
    assertEquals(16, pins.capacity());
  }

  @Test
  void put_negativeProfile_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new SessionPins().put(1, 0, -1));
  }
}
