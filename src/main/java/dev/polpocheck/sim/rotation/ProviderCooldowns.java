package dev.polpocheck.sim.rotation;

import java.util.Objects;

/**
 * Polpo's in-memory provider cooldown (polpo-semantics.md §13): per provider, an error count and an
 * end time; the entry is deleted — and its count forgotten — only when {@link #isCoolingDown} finds
 * it expired or {@link #clear} is called.
 *
 * <p>Providers are the pool's provider numbers. Not thread-safe; one per simulated process.
 */
public final class ProviderCooldowns {

  private final CooldownSchedule schedule;
  private final boolean[] present;
  private final int[] errorCount;
  private final long[] until;

  /** Creates an empty table for providers 0..providerCount−1 with {@code schedule}. */
  public ProviderCooldowns(int providerCount, CooldownSchedule schedule) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    present = new boolean[providerCount];
    errorCount = new int[providerCount];
    until = new long[providerCount];
  }

  /** {@code markProviderCooldown}: counts one more error and returns the new end time. */
  public long mark(int provider, long now) {
    int count = present[provider] ? errorCount[provider] + 1 : 1;
    present[provider] = true;
    errorCount[provider] = count;
    until[provider] = now + schedule.cooldownMs(count);
    return until[provider];
  }

  /**
   * {@code isProviderInCooldown}: an entry that has expired at {@code now} ({@code now >= until})
   * is deleted, resetting its count, and the answer is false.
   */
  public boolean isCoolingDown(int provider, long now) {
    if (present[provider] && now >= until[provider]) {
      clear(provider);
    }
    return present[provider];
  }

  /** {@code clearProviderCooldown}: deletes the entry. */
  public void clear(int provider) {
    present[provider] = false;
    errorCount[provider] = 0;
    until[provider] = 0;
  }

  /** Returns the current error count of the entry, 0 when there is none. */
  public int errorCount(int provider) {
    return present[provider] ? errorCount[provider] : 0;
  }

  /** Returns the end of the entry's cooldown, 0 when there is none. */
  public long until(int provider) {
    return present[provider] ? until[provider] : 0;
  }
}
