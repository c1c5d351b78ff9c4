package dev.polpocheck.sim;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.sim.rotation.RotationPolicy;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallColumns;
import dev.polpocheck.trace.TimeOrdered;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The replay simulator's entry point: runs recorded calls through Polpo's rotation, retry, rate
 * limits, billing-disable and prompt caching as a scenario describes, and reports cost and
 * suffering as a {@link SimResult}.
 *
 * <p>Thread-safe: a run keeps all its state in its own objects (no statics but immutable data), so
 * forecast and capacity searches may run many simulations in parallel threads. The same calls,
 * scenario, options and seed give an equal result.
 */
public final class Simulation {
  private Simulation() {}

  /**
   * Replays {@code calls} under {@code scenario} with the given seed.
   *
   * @param calls the calls, in any order (iterated twice; sorted by start time, stably, when they
   *     are not in order); {@link dev.polpocheck.trace.CallColumns} are read through two of their
   *     cursors instead, without a call record per call
   * @param scenario the setup
   * @param seed seeds every random choice (jitter, refresh failures)
   * @param options catalogs and selector
   * @return the result; when {@code scenario.report().compareSticky()} holds and profiles rotate,
   *     also the cache cost of rotation (a second run under {@code sticky})
   * @throws IllegalStateException when the run's self-check fails (an internal error)
   */
  public static SimResult run(
      Iterable<Call> calls, Scenario scenario, long seed, SimOptions options) {
    Objects.requireNonNull(calls, "calls");
    Iterable<Call> ordered = inOrder(calls);
    SimResult r = runOnce(ordered, scenario, seed, options);
    if (scenario.report().compareSticky()
        && scenario.rotation() != RotationPolicy.STICKY
        && !scenario.profiles().isEmpty()) {
      SimResult sticky =
          runOnce(ordered, scenario.withRotation(RotationPolicy.STICKY), seed, options);
      r =
          r.withRotation(
              new SimResult.RotationCost(
                  sticky.cost().total(),
                  r.cost().total() - sticky.cost().total(),
                  sticky.tokens().cacheRead(),
                  sticky.tokens().cacheWrite5m() + sticky.tokens().cacheWrite1h(),
                  sticky.counts().ok()));
    }
    return r;
  }

  /**
   * Replays {@code calls} under {@code scenario} with the bundled catalogs, the scenario's price
   * catalog ({@code "bundled"} = polpo-check's default list prices) and the fast selector.
   *
   * @throws dev.polpocheck.UserInputException when the scenario names a price file that cannot be
   *     read
   */
  public static SimResult run(Iterable<Call> calls, Scenario scenario, long seed) {
    PriceCatalog catalog =
        PriceCatalog.resolve(
            "bundled".equals(scenario.prices()) ? PriceCatalog.DEFAULT : scenario.prices());
    return run(
        calls, scenario, seed, SimOptions.withPrices(PriceLookup.of(catalog)));
  }

  /** One run, without the sticky comparison; calls must be in start-time order. */
  static SimResult runOnce(
      Iterable<Call> ordered, Scenario scenario, long seed, SimOptions options) {
    ToDoubleFunction<Call> factor = c -> factor(scenario, c);
    Prepass pre =
        ordered instanceof CallColumns columns && columns.sessions() != null
            ? Prepass.of(columns, factor)
            : Prepass.scan(NumberedCalls.cursor(ordered), factor);
    return new Engine(scenario, options, seed, pre).run(NumberedCalls.cursor(ordered));
  }

  /**
   * Replays {@code calls} {@code times} times in a row (the throughput harness for benchmarks);
   * returns the last result.
   */
  public static SimResult replay(
      List<Call> calls, Scenario scenario, long seed, SimOptions options, int times) {
    Iterable<Call> ordered = inOrder(calls);
    SimResult last = null;
    for (int i = 0; i < times; i++) {
      last = runOnce(ordered, scenario, seed, options);
    }
    return last;
  }

  private static double factor(Scenario s, Call c) {
    for (Scenario.Remap r : s.remaps()) {
      if (r.matches(c.provider(), c.model())) {
        return r.tokenFactor();
      }
    }
    return 1.0;
  }

  /**
   * The calls in start-time order: as given when they are, else a stably sorted copy. Calls marked
   * {@link TimeOrdered} are not checked here (a whole pass); the engine still fails on a call
   * earlier than its predecessor.
   */
  private static Iterable<Call> inOrder(Iterable<Call> calls) {
    if (calls instanceof TimeOrdered) {
      return calls;
    }
    long last = Long.MIN_VALUE;
    for (Call c : calls) {
      if (c.timestampMillis() < last) {
        List<Call> copy = new ArrayList<>();
        calls.forEach(copy::add);
        copy.sort(Comparator.comparingLong(Call::timestampMillis));
        return copy;
      }
      last = c.timestampMillis();
    }
    return calls;
  }
}
