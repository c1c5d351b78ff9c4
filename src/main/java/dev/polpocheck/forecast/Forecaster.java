package dev.polpocheck.forecast;

import dev.polpocheck.trace.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Monte Carlo projection: draws {@code runs} future workloads from a corpus and replays each
 * under one or more setups.
 *
 * <p><b>Seeds.</b> A {@link Well19937c} seeded with the forecast's seed hands out two longs per
 * run, in run order, before any run starts: the workload seed (arrivals and bootstrap draws) and
 * the simulator seed. Each run owns its generators and writes only its own result slot, so results
 * are byte-identical whatever the number of threads. <b>Common random numbers.</b> Every setup of
 * a comparison replays the same drawn workload with the same simulator seed, so the difference
 * between two setups carries no sampling noise from the workload.
 */
public final class Forecaster {
  private Forecaster() {}

  /** Called once per finished run, from worker threads. */
  @FunctionalInterface
  public interface Progress {
    /** One more run is finished. */
    void runDone();

    /** A listener that ignores progress. */
    static Progress none() {
      return () -> {};
    }
  }

  /**
   * Runs the forecast.
   *
   * @param corpus the recorded sessions
   * @param settings horizon, rate, runs, seed, threads
   * @param setups the setups to replay; the first is the baseline, the others are compared to it
   * @param progress told after each run
   */
  public static ForecastResult run(
      Corpus corpus, ForecastSettings settings, List<WorkloadSimulator> setups, Progress progress) {
    if (setups.isEmpty()) {
      throw new IllegalArgumentException("need at least one setup");
    }
    Horizon h = settings.horizon();
    ArrivalProcess arrivals =
        ArrivalProcess.shapedLike(corpus, settings.rateFor(corpus), settings.growthPerMonth());
    WorkloadSampler sampler = new WorkloadSampler(corpus, arrivals);
    long[][] seeds = seeds(settings.seed(), settings.runs());
    RunOutcome[][] out = new RunOutcome[setups.size()][settings.runs()];
    Runnable[] tasks = new Runnable[settings.runs()];
    for (int r = 0; r < settings.runs(); r++) {
      final int run = r;
      tasks[r] = () -> {
        RandomGenerator rng = new Well19937c(seeds[run][0]);
        List<WorkloadSampler.Placed> placed = sampler.draw(h.startMillis(), h.millis(), rng);
        // streamed, not materialised: the simulator reads its input three times (order check,
        // prepass, replay) and regenerating the calls each time costs less than keeping ~1M of
        // them alive through a run (measured: reports/forecast-scaling.md). Every setup of a
        // comparison iterates the same deterministic stream, so they replay identical calls.
        Iterable<Call> calls = WorkloadSampler.calls(placed, h.endMillis());
        for (int s = 0; s < setups.size(); s++) {
          out[s][run] = setups.get(s).run(calls, h, seeds[run][1]);
        }
        progress.runDone();
      };
    }
    execute(tasks, settings.threads());
    List<ForecastResult.SetupRuns> results = new ArrayList<>();
    for (int s = 0; s < setups.size(); s++) {
      results.add(new ForecastResult.SetupRuns(setups.get(s).name(), List.of(out[s])));
    }
    List<String> warnings = new ArrayList<>(corpus.warnings());
    return new ForecastResult(settings, settings.rateFor(corpus), corpus.sessionCount(),
        corpus.spanDays(), warnings, results);
  }

  /** The per-run (workload seed, simulator seed) pairs derived from one seed. */
  static long[][] seeds(long seed, int runs) {
    RandomGenerator master = new Well19937c(seed);
    long[][] s = new long[runs][2];
    for (int r = 0; r < runs; r++) {
      s[r][0] = master.nextLong();
      s[r][1] = master.nextLong();
    }
    return s;
  }

  /** Runs the tasks on {@code threads} workers (inline for one) and rethrows the first failure. */
  static void execute(Runnable[] tasks, int threads) {
    if (threads == 1) {
      for (Runnable t : tasks) {
        t.run();
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "polpo-check-forecast");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable t : tasks) {
        futures.add(pool.submit(t));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("forecast interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }
}
