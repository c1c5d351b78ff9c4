package dev.polpocheck.sim.rotation;

import java.util.Arrays;

/**
 * The per-profile transient cooldown: the n-th consecutive error cools the profile down for step
 * {@code min(n, steps)} of the schedule (polpo-semantics.md §11).
 */
public final class CooldownSchedule {

  /** Polpo 0.3.x and OpenClaw: 1, 5, 25 and then 60 minutes for every later error. */
  public static final CooldownSchedule POLPO =
      new CooldownSchedule(60_000L, 300_000L, 1_500_000L, 3_600_000L);

  private final long[] stepsMs;

  /**
   * Creates a schedule from its steps in milliseconds; the last step repeats.
   *
   * @throws IllegalArgumentException when there is no step or a step is not positive
   */
  public CooldownSchedule(long... stepsMs) {
    if (stepsMs.length == 0) {
      throw new IllegalArgumentException("a cooldown schedule needs at least one step");
    }
    for (long step : stepsMs) {
      if (step <= 0) {
        throw new IllegalArgumentException("cooldown steps must be positive, got " + step);
      }
    }
    this.stepsMs = stepsMs.clone();
  }

  /** Returns the cooldown after the {@code errorCount}-th consecutive error (1-based). */
  public long cooldownMs(int errorCount) {
    int step = Math.max(1, errorCount) - 1;
    return stepsMs[Math.min(step, stepsMs.length - 1)];
  }

  /** Returns a copy of the steps in milliseconds. */
  public long[] stepsMs() {
    return stepsMs.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CooldownSchedule that && Arrays.equals(stepsMs, that.stepsMs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(stepsMs);
  }

  @Override
  public String toString() {
    return "CooldownSchedule" + Arrays.toString(stepsMs);
  }
}
