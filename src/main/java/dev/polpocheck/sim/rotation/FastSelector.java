package dev.polpocheck.sim.rotation;

import java.util.Objects;

/**
 * The production selector: the same answer as {@link ReferenceSelector} for every state and time,
 * with no sorting and no allocation per call; O(log n) per selection and per state change at worst,
 * O(1) in a replay's steady state.
 *
 * <p>How it works. Each provider keeps four priority queues ({@link RunHeap}: a sorted run plus a
 * 4-ary indexed heap) over its profiles, numbered by file position, which breaks every tie as
 * Polpo's stable sort does: available OAuth profiles and available API-key profiles, both keyed by
 * {@code lastUsed}; cooling profiles keyed by {@code cooldownUntil}; disabled profiles keyed by
 * {@code disabledUntil}. Splitting "available" by type gives "OAuth first, then least recently
 * used" without a compound key. The answer is the head of the first non-empty queue in that order.
 *
 * <p>Every profile sits in the bucket it had at the provider's <em>classification time</em> — the
 * {@code now} of the provider's last selection. Buckets only ever move forward in time (disabled →
 * cooling or available, cooling → available), because an expiry is the only way a profile changes
 * bucket without a state change. So before answering at {@code now} the selector pops every
 * disabled profile whose {@code disabledUntil <= now} and every cooling profile whose {@code
 * cooldownUntil <= now} and re-files them: lazy migration, paid once per expiry. State changes
 * reported by the pool re-file the one profile at the classification time, which is never later
 * than the next selection, so the next migration corrects it. A selection at a time earlier than
 * the classification time (a clock going backwards) re-files the provider's profiles from scratch,
 * O(n log n) once. Pinned selections read the pin's state directly.
 */
public final class FastSelector implements Selector, ProfilePool.Listener {

  // Bucket numbers, in the order Polpo prefers them.
  private static final byte AVAILABLE_OAUTH = 0;
  private static final byte AVAILABLE_API_KEY = 1;
  private static final byte COOLING = 2;
  private static final byte DISABLED = 3;

  /** The heaps of one provider. */
  private static final class Buckets {
    final int[] members;

    /** Indexed by the bucket constants above. */
    final RunHeap[] heaps = new RunHeap[4];

    /** Local profile number → its current bucket. */
    final byte[] bucket;

    long classifiedAt = Long.MIN_VALUE;

    Buckets(int[] members) {
      this.members = members;
      for (int b = 0; b < heaps.length; b++) {
        heaps[b] = new RunHeap(members.length);
      }
      bucket = new byte[members.length];
    }
  }

  private final ProfilePool pool;
  private final Buckets[] providers;

  /** Creates a fast selector over {@code pool} and subscribes it to the pool's changes. */
  public FastSelector(ProfilePool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
    providers = new Buckets[pool.providerCount()];
    for (int p = 0; p < providers.length; p++) {
      Buckets buckets = new Buckets(pool.members[p]);
      providers[p] = buckets;
      for (int local = 0; local < buckets.members.length; local++) {
        file(buckets, local);
      }
    }
    pool.addListener(this);
  }

  @Override
  public ProfilePool pool() {
    return pool;
  }

  @Override
  public int select(int provider, long now, int pinnedIndex, PinKind pinKind) {
    if (provider < 0 || provider >= providers.length) {
      return -1;
    }
    Buckets buckets = providers[provider];
    if (buckets.members.length == 0) {
      return -1;
    }
    if (pinKind != PinKind.NONE
        && pinnedIndex >= 0
        && pinnedIndex < pool.size()
        && pool.providerOf[pinnedIndex] == provider
        && (pinKind == PinKind.USER
            || (!pool.isDisabled(pinnedIndex, now) && !pool.isCoolingDown(pinnedIndex, now)))) {
      return pinnedIndex;
    }
    if (now < buckets.classifiedAt) {
      refileAll(buckets, now);
    } else {
      buckets.classifiedAt = now;
      migrate(buckets, now);
    }
    RunHeap[] heaps = buckets.heaps;
    for (int b = AVAILABLE_OAUTH; b < DISABLED; b++) {
      if (heaps[b].size() > 0) {
        return buckets.members[heaps[b].peek()];
      }
    }
    // Every profile is in some bucket, so with the others empty this one is not.
    return buckets.members[heaps[DISABLED].peek()];
  }

  @Override
  public void profileChanged(int index) {
    Buckets buckets = providers[pool.providerOf[index]];
    int local = pool.localIndexOf[index];
    byte current = buckets.bucket[local];
    byte bucket = bucketAt(index, buckets.classifiedAt);
    if (bucket == current) {
      // The common case, a success on an available profile: in a replay an O(1) move to the
      // end of the bucket's sorted run.
      buckets.heaps[bucket].changeKey(local, keyIn(bucket, index));
    } else {
      buckets.heaps[current].remove(local);
      buckets.bucket[local] = bucket;
      buckets.heaps[bucket].insert(local, keyIn(bucket, index));
    }
  }

  /** Moves every profile whose disable or cooldown has ended by {@code now} to its new bucket. */
  private void migrate(Buckets buckets, long now) {
    RunHeap disabled = buckets.heaps[DISABLED];
    while (disabled.size() > 0 && disabled.peekKey() <= now) {
      file(buckets, disabled.poll());
    }
    RunHeap cooling = buckets.heaps[COOLING];
    while (cooling.size() > 0 && cooling.peekKey() <= now) {
      file(buckets, cooling.poll());
    }
  }

  private void refileAll(Buckets buckets, long now) {
    buckets.classifiedAt = now;
    for (RunHeap heap : buckets.heaps) {
      heap.clear();
    }
    for (int local = 0; local < buckets.members.length; local++) {
      file(buckets, local);
    }
  }

  /** Puts a profile that is in no heap into the bucket it has at the classification time. */
  private void file(Buckets buckets, int local) {
    int index = buckets.members[local];
    byte bucket = bucketAt(index, buckets.classifiedAt);
    buckets.bucket[local] = bucket;
    buckets.heaps[bucket].insert(local, keyIn(bucket, index));
  }

  /** Returns the bucket of profile {@code index} at {@code at}; disabled is checked first. */
  private byte bucketAt(int index, long at) {
    if (pool.isDisabled(index, at)) {
      return DISABLED;
    }
    if (pool.isCoolingDown(index, at)) {
      return COOLING;
    }
    return pool.oauth[index] ? AVAILABLE_OAUTH : AVAILABLE_API_KEY;
  }

  /** Returns the heap key of profile {@code index} in {@code bucket}. */
  private long keyIn(byte bucket, int index) {
    switch (bucket) {
      case DISABLED:
        return pool.disabledUntil[index];
      case COOLING:
        return pool.cooldownUntil[index];
      default:
        return pool.lastUsed[index];
    }
  }
}
