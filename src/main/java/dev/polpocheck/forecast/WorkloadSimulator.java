package dev.polpocheck.forecast;

import dev.polpocheck.trace.Call;

/**
 * Replays one workload under one setup and says what it cost and suffered; the forecast runs it
 * once per Monte Carlo run. Implementations must be deterministic in {@code (calls, seed)} and
 * safe to call from several threads at once (no shared mutable state between runs).
 */
public interface WorkloadSimulator {
  /**
   * Runs the calls (time-ordered) over the horizon.
   *
   * @param calls the workload, in time order
   * @param horizon the period the results are bucketed into
   * @param seed the run's seed for every random choice of the simulator
   */
  RunOutcome run(Iterable<Call> calls, Horizon horizon, long seed);

  /** A short name for reports ("sample scenario", "sticky rotation", a file name). */
  String name();
}
