package dev.polpocheck.sim.rotation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Polpo 0.3.x's {@code selectProfileForProvider} transcribed literally (polpo-semantics.md §10.1,
 * {@code src/auth/profile-rotation.ts}): filter the provider's profiles in file order, honour the
 * pin, put each profile in the disabled, cooldown or available bucket, stable-sort each bucket,
 * return the first available, else the soonest cooldown, else the soonest disabled.
 *
 * <p>It sorts and allocates on every call on purpose: it is the specification the {@link
 * FastSelector} is tested against, not a hot path.
 */
public final class ReferenceSelector implements Selector {

  private final ProfilePool pool;

  /** Creates a reference selector over {@code pool}. */
  public ReferenceSelector(ProfilePool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  @Override
  public ProfilePool pool() {
    return pool;
  }

  @Override
  public int select(int provider, long now, int pinnedIndex, PinKind pinKind) {
    if (provider < 0 || provider >= pool.providerCount()) {
      return -1;
    }
    // 1. The provider's profiles, in file order.
    List<Integer> candidates = new ArrayList<>();
    for (int index = 0; index < pool.size(); index++) {
      if (pool.providerOf(index) == provider) {
        candidates.add(index);
      }
    }
    if (candidates.isEmpty()) {
      return -1;
    }
    // 2. The pin, only when it names one of these profiles.
    if (pinKind != PinKind.NONE && candidates.contains(pinnedIndex)) {
      boolean cooling = pool.isCoolingDown(pinnedIndex, now);
      boolean disabled = pool.isDisabled(pinnedIndex, now);
      if (pinKind == PinKind.USER || (!cooling && !disabled)) {
        return pinnedIndex;
      }
    }
    // 3. Buckets; disabled is checked first.
    List<Integer> available = new ArrayList<>();
    List<Integer> cooldown = new ArrayList<>();
    List<Integer> disabled = new ArrayList<>();
    for (int index : candidates) {
      if (pool.isDisabled(index, now)) {
        disabled.add(index);
      } else if (pool.isCoolingDown(index, now)) {
        cooldown.add(index);
      } else {
        available.add(index);
      }
    }
    // 4. Stable sorts (List.sort is a stable merge sort), so ties keep file order.
    available.sort(
        Comparator.<Integer>comparingInt(i -> pool.spec(i).type() == ProfileType.OAUTH ? 0 : 1)
            .thenComparingLong(pool::lastUsed));
    cooldown.sort(Comparator.comparingLong(pool::cooldownUntil));
    disabled.sort(Comparator.comparingLong(pool::disabledUntil));
    // 5. First available, else soonest cooldown, else soonest disabled.
    if (!available.isEmpty()) {
      return available.get(0);
    }
    if (!cooldown.isEmpty()) {
      return cooldown.get(0);
    }
    return disabled.get(0);
  }
}
