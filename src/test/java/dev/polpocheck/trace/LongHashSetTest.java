package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The global dedup set: a call is dropped as a duplicate only when its key was really seen before,
 * whatever the key (zero included) and however large the set grows.
 */
class LongHashSetTest {
  @Test
  void add_andContains_agreeWithAJavaSet_acrossGrowth() {
    LongHashSet set = new LongHashSet();
    Set<Long> ref = new HashSet<>();
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 50_000; i++) {
      long k = r.nextInt(30_000) * 0xC2B2AE3D27D4EB4FL;
      assertEquals(ref.add(k), set.add(k));
    }
    assertEquals(ref.size(), set.size());
    for (long k : ref) {
      assertTrue(set.contains(k));
    }
    assertFalse(set.contains(12345L));
  }

  @Test
  void zeroKey_isAnOrdinaryKey() {
    LongHashSet set = new LongHashSet();
    assertFalse(set.contains(0));
    assertTrue(set.add(0));
    assertFalse(set.add(0));
    assertTrue(set.contains(0));
    assertEquals(1, set.size());
  }

  @Test
  void hashing_separatesTheTwoParts() {
    assertFalse(Hashing.of("ab", "c") == Hashing.of("a", "bc"));
    assertEquals(Hashing.of("msg_1", "req_1"), Hashing.of("msg_1", "req_1"));
  }
}
