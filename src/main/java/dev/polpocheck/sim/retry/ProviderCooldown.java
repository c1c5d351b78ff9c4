package dev.polpocheck.sim.retry;

import java.util.HashMap;
import java.util.Map;

/**
 * Polpo's in-memory provider cooldown (polpo-semantics.md §13): a failure count per provider
 * giving 1 / 5 / 25 / 60 minutes, an entry deleted (count reset) only when someone asks whether it
 * is cooling down after it ended, and cleared by a success.
 *
 * <p>The quirk kept on purpose: in {@code queryTextWithFallback} one failure is marked twice (once
 * inside {@code queryText}, once in the fallback loop), so the first failure there cools the
 * provider for 5 minutes, not 1. Callers reproduce it by calling {@link #mark} twice.
 */
public final class ProviderCooldown {
  private static final long[] STEPS = {60_000L, 300_000L, 1_500_000L, 3_600_000L};

  private static final class Entry {
    int errorCount;
    long until;
  }

  private final Map<String, Entry> entries = new HashMap<>();

  /** {@code markProviderCooldown}: one more failure; returns the new cooldown end. */
  public long mark(String provider, long now) {
    Entry e = entries.computeIfAbsent(provider, p -> new Entry());
    e.errorCount++;
    e.until = now + STEPS[Math.min(e.errorCount - 1, STEPS.length - 1)];
    return e.until;
  }

  /** {@code isProviderInCooldown}: deletes an ended entry (resetting its count) as a side effect. */
  public boolean inCooldown(String provider, long now) {
    Entry e = entries.get(provider);
    if (e == null) {
      return false;
    }
    if (now >= e.until) {
      entries.remove(provider);
      return false;
    }
    return true;
  }

  /** {@code clearProviderCooldown}: after a success. */
  public void clear(String provider) {
    entries.remove(provider);
  }
}
