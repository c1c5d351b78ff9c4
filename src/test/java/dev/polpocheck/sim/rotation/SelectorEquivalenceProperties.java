package dev.polpocheck.sim.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Protects the promise behind {@code simulate --selector fast} (the default): the fast selector
 * picks exactly the profile Polpo's literal algorithm picks, for every pool state, pin and time.
 *
 * <p>Each try builds a random pool (mostly small, sometimes up to 5,000 profiles; mixed OAuth and
 * API keys over up to three providers; random lastUsed, cooldown and disable times on a coarse grid
 * so that ties are common) and plays a random interleaving of selections (with and without pins),
 * successes, profile errors, billing failures (one profile or the whole provider), cooldown clears,
 * state overwrites and clock moves — forward by a little, exactly onto an expiry, one millisecond
 * either side of it, and now and then backwards. Both selectors share the pool and must agree after
 * every step. The operation stream comes from a seed drawn by jqwik, and the property itself runs
 * with a fixed jqwik seed, so every run plays the same cases.
 */
class SelectorEquivalenceProperties {

  private static final long GRID = 1_000L;

  @Property(tries = 120, seed = "20261125")
  void fastSelector_randomPoolsAndOperations_agreesWithReference(
      @ForAll("poolSizes") int size, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int providers = 1 + random.nextInt(3);
    List<ProfileSpec> specs = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String provider = "p" + random.nextInt(providers);
      ProfileType type = random.nextBoolean() ? ProfileType.OAUTH : ProfileType.API_KEY;
      specs.add(new ProfileSpec(provider + ":" + i, provider, type, "org-" + random.nextInt(4)));
    }
    BillingSchedule billing =
        random.nextBoolean()
            ? BillingSchedule.POLPO
            : BillingSchedule.POLPO.withWindowRule(BillingWindowRule.SINCE_LAST_FAILURE);
    ProfilePool pool =
        new ProfilePool(specs, new CooldownSchedule(GRID, 5 * GRID, 25 * GRID), billing);
    long now = 100 * GRID;
    // Some state before the selectors exist, some after: both paths must be right.
    int before = random.nextInt(size + 1);
    for (int i = 0; i < before; i++) {
      pool.setStats(i, randomStats(random, now));
    }
    Selector reference = new ReferenceSelector(pool);
    Selector fast = new FastSelector(pool);
    for (int i = before; i < size; i++) {
      if (random.nextInt(3) == 0) {
        pool.setStats(i, randomStats(random, now));
      }
    }
    int steps = size > 500 ? 60 : 400;
    for (int step = 0; step < steps; step++) {
      int profile = random.nextInt(size);
      int op = random.nextInt(100);
      if (op < 45) {
        int provider = random.nextInt(pool.providerCount());
        PinKind pin = PinKind.values()[random.nextInt(3)];
        int pinned = random.nextInt(5) == 0 ? -1 : profile;
        int expected = reference.select(provider, now, pinned, pin);
        int actual = fast.select(provider, now, pinned, pin);
        int at = step;
        assertEquals(expected, actual, () -> "size " + size + ", seed " + seed + ", step " + at);
        if (random.nextInt(10) < 8) {
          pool.recordSuccess(actual, now);
        }
      } else if (op < 55) {
        pool.recordProfileError(profile, now);
      } else if (op < 60) {
        pool.recordBillingFailure(profile, now);
      } else if (op < 62) {
        pool.recordBillingFailureForProvider(pool.providerOf(profile), now);
      } else if (op < 65) {
        pool.clearCooldown(profile);
      } else if (op < 68) {
        pool.setStats(profile, randomStats(random, now));
      } else {
        now = nextTime(random, pool, profile, now);
      }
      if (step % 50 == 0 || op >= 68) {
        for (int p = 0; p < pool.providerCount(); p++) {
          assertEquals(reference.select(p, now), fast.select(p, now), "provider " + p);
        }
      }
    }
  }

  @Provide
  Arbitrary<Integer> poolSizes() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(1, 8)),
        Tuple.of(3, Arbitraries.integers().between(9, 64)),
        Tuple.of(2, Arbitraries.integers().between(65, 600)),
        Tuple.of(1, Arbitraries.integers().between(601, 5_000)));
  }

  /** Random stats around {@code now} on a coarse grid: many ties, many expiries near now. */
  private static ProfileStats randomStats(SplittableRandom random, long now) {
    long lastUsed = random.nextInt(3) == 0 ? 0 : now - GRID * random.nextInt(20);
    long cooldown = random.nextInt(2) == 0 ? 0 : now + GRID * (random.nextInt(20) - 5);
    long disabled = random.nextInt(3) != 0 ? 0 : now + GRID * (random.nextInt(40) - 5);
    int errors = random.nextInt(4);
    int billing = random.nextInt(3);
    long window = billing == 0 ? ProfileStats.NO_WINDOW : now - GRID * random.nextInt(30);
    return new ProfileStats(lastUsed, cooldown, errors, disabled, billing, window);
  }

  /** The next clock value: a small step, an expiry, one millisecond around one, or backwards. */
  private static long nextTime(SplittableRandom random, ProfilePool pool, int profile, long now) {
    int kind = random.nextInt(10);
    long until = random.nextBoolean() ? pool.cooldownUntil(profile) : pool.disabledUntil(profile);
    if (kind < 4) {
      return now + GRID * random.nextInt(4);
    } else if (kind < 8 && until > now) {
      long[] offsets = {0, -1, 0, 1};
      return until + offsets[kind - 4];
    } else if (kind == 9) {
      return now - GRID * random.nextInt(5);
    }
    return now + random.nextInt(3);
  }
}
