package dev.polpocheck.sim.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
  void put_negativeProfile_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new SessionPins().put(1, 0, -1));
  }
}
