package dev.polpocheck.sim.rotation;

import static dev.polpocheck.sim.rotation.ProfileType.API_KEY;
import static dev.polpocheck.sim.rotation.ProfileType.OAUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Protects the rotation policies a user compares in {@code simulate}: Polpo's per-turn rotation,
 * OpenClaw's per-session stickiness (anthropic-and-peers.md §7.2) and a single credential.
 * Sequences are worked by hand from the LRU rule with a success recorded at each fetch.
 */
class RotationPolicyTest {

  private static final long MINUTE = 60_000L;

  @Test
  void polpo_consecutiveTurnsOfOneSession_rotateAcrossProfiles() {
    ProfilePool pool = Pools.anthropic(OAUTH, OAUTH);
    Rotation rotation = RotationPolicy.POLPO.create(SelectorKind.FAST.create(pool));
    assertEquals(0, fetch(pool, rotation, 7, 1));
    assertEquals(1, fetch(pool, rotation, 7, 2));
    assertEquals(0, fetch(pool, rotation, 7, 3));
  }

  @Test
  void sticky_consecutiveTurns_keepTheFirstProfile() {
    ProfilePool pool = Pools.anthropic(OAUTH, OAUTH);
    Rotation rotation = RotationPolicy.STICKY.create(SelectorKind.FAST.create(pool));
    assertEquals(0, fetch(pool, rotation, 7, 1));
    assertEquals(0, fetch(pool, rotation, 7, 2));
    // Another session starts with the least recently used profile: p1 (never used).
    assertEquals(1, fetch(pool, rotation, 8, 3));
    assertEquals(0, fetch(pool, rotation, 7, 4));
  }

  @Test
  void sticky_pinnedProfileCoolsDown_movesAndStaysOnTheNewProfile() {
    ProfilePool pool = Pools.anthropic(OAUTH, OAUTH);
    Rotation rotation = RotationPolicy.STICKY.create(SelectorKind.REFERENCE.create(pool));
    assertEquals(0, fetch(pool, rotation, 7, 1));
    pool.recordProfileError(0, 2);
    assertEquals(1, fetch(pool, rotation, 7, 3));
    // p0's cooldown has ended, yet the session stays on p1.
    assertEquals(1, fetch(pool, rotation, 7, 3 + 2 * MINUTE));
  }

  @Test
  void sticky_endedSession_forgetsItsPin() {
    ProfilePool pool = Pools.anthropic(OAUTH, OAUTH);
    Rotation rotation = RotationPolicy.STICKY.create(SelectorKind.FAST.create(pool));
    assertEquals(0, fetch(pool, rotation, 7, 1));
    rotation.endSession(7);
    // Unpinned again: LRU gives p1 (never used).
    assertEquals(1, fetch(pool, rotation, 7, 2));
  }

  @Test
  void single_firstProfileCoolingDown_isStillUsed() {
    ProfilePool pool = Pools.anthropic(API_KEY, OAUTH);
    Rotation rotation = RotationPolicy.SINGLE.create(SelectorKind.FAST.create(pool));
    pool.recordProfileError(0, 0);
    assertEquals(0, rotation.choose(0, 1, 1));
    assertEquals(-1, rotation.choose(1, 1, 1));
  }

  private static int fetch(ProfilePool pool, Rotation rotation, int session, long now) {
    int chosen = rotation.choose(0, session, now);
    pool.recordSuccess(chosen, now);
    return chosen;
  }
}
