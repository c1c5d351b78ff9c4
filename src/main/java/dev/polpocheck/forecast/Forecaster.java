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
   * Where a forecast's units of work run: {@link #LOCAL} threads for the CLI, a cluster for
   * {@code polpo-check-spark}. A unit is one run under one setup ({@link Plan#replay}); whatever
   * runs them, the outcomes are the same, so the result is too.
   */
  @FunctionalInterface
  public interface Engine {
    /**
     * Replays every (run, setup) unit of the plan.
     *
     * @return the outcomes, {@code [setup][run]}
     */
    RunOutcome[][] execute(Plan plan, Progress progress);

    /**
     * Replays several plans of one corpus (a capacity search's candidates at their loads); one
     * after the other unless the engine can run them at once.
     *
     * @return each plan's outcomes, {@code [plan][setup][run]}
     */
    default List<RunOutcome[][]> executeAll(List<Plan> plans, Progress progress) {
      List<RunOutcome[][]> out = new ArrayList<>();
      for (Plan p : plans) {
        out.add(execute(p, progress));
      }
      return out;
    }

    /**
     * How many capacity candidates a search measures at once ({@link CapacitySearch}): 1, no
     * work beyond the strictly sequential search's, where the cores are already busy with one
     * candidate's runs; more where a cluster would otherwise wait for one candidate at a time.
     *
     * @param runs the runs measured per candidate and load
     */
    default int candidatesAtOnce(int runs) {
      return 1;
    }
  }

  /** Runs the units on {@link ForecastSettings#threads()} local threads. */
  public static final Engine LOCAL = Forecaster::executeLocally;

  /**
   * Everything a forecast's units need. Each unit draws its run's workload afresh from the
   * corpus with the run's seeds, so a unit depends on nothing but the plan and its (run, setup).
   *
   * @param corpus the recorded sessions
   * @param settings horizon, rate, runs, seed
   * @param setups the setups replayed, baseline first
   */
  public record Plan(Corpus corpus, ForecastSettings settings, List<WorkloadSimulator> setups) {
    public Plan {
      setups = List.copyOf(setups);
    }

    /** The sampler every run draws from (stateless between draws: one can serve all units). */
    public WorkloadSampler sampler() {
      return new WorkloadSampler(corpus, ArrivalProcess.shapedLike(
          corpus, settings.rateFor(corpus), settings.growthPerMonth()));
    }

    /** The per-run (workload seed, simulator seed) pairs, in run order. */
    public long[][] seeds() {
      return Forecaster.seeds(settings.seed(), settings.runs());
    }

    /** Run {@code run}'s workload: drawn with its workload seed, cut at the horizon's end. */
    Iterable<Call> workload(WorkloadSampler sampler, long[] runSeeds) {
      Horizon h = settings.horizon();
      RandomGenerator rng = new Well19937c(runSeeds[0]);
      List<WorkloadSampler.Placed> placed = sampler.draw(h.startMillis(), h.millis(), rng);
      // merged once into int columns, not materialised as ~1M calls: the simulator reads them
      // twice (prepass, replay) through a cursor that builds no call records (measured:
      // reports/forecast-scaling.md). Every setup of a comparison reads the same columns, so
      // they replay identical calls.
      return WorkloadSampler.calls(placed, h.endMillis());
    }

    /**
     * One unit: run {@code run} replayed under setup {@code setup}.
     *
     * @param sampler {@link #sampler()}, built once and shared
     * @param seeds {@link #seeds()}, computed once and shared
     */
    public RunOutcome replay(WorkloadSampler sampler, long[][] seeds, int run, int setup) {
      return setups.get(setup).run(workload(sampler, seeds[run]), settings.horizon(),
          seeds[run][1]);
    }
  }

  /**
   * Runs the forecast on local threads.
   *
   * @param corpus the recorded sessions
   * @param settings horizon, rate, runs, seed, threads
   * @param setups the setups to replay; the first is the baseline, the others are compared to it
   * @param progress told after each run
   */
  public static ForecastResult run(
      Corpus corpus, ForecastSettings settings, List<WorkloadSimulator> setups, Progress progress) {
    return run(corpus, settings, setups, progress, LOCAL);
  }

  /** Runs the forecast, its units executed by {@code engine}. */
  public static ForecastResult run(Corpus corpus, ForecastSettings settings,
      List<WorkloadSimulator> setups, Progress progress, Engine engine) {
    if (setups.isEmpty()) {
      throw new IllegalArgumentException("need at least one setup");
    }
    RunOutcome[][] out = engine.execute(new Plan(corpus, settings, setups), progress);
    List<ForecastResult.SetupRuns> results = new ArrayList<>();
    for (int s = 0; s < setups.size(); s++) {
      results.add(new ForecastResult.SetupRuns(setups.get(s).name(), List.of(out[s])));
    }
    List<String> warnings = new ArrayList<>(corpus.warnings());
    return new ForecastResult(settings, settings.rateFor(corpus), corpus.sessionCount(),
        corpus.spanDays(), warnings, results);
  }

  /**
   * The local engine: one task per run, which draws the run's workload once and replays it
   * under every setup (common random numbers, class comment).
   */
  private static RunOutcome[][] executeLocally(Plan plan, Progress progress) {
    ForecastSettings settings = plan.settings();
    List<WorkloadSimulator> setups = plan.setups();
    WorkloadSampler sampler = plan.sampler();
    long[][] seeds = plan.seeds();
    RunOutcome[][] out = new RunOutcome[setups.size()][settings.runs()];
    Runnable[] tasks = new Runnable[settings.runs()];
    for (int r = 0; r < settings.runs(); r++) {
      final int run = r;
      tasks[r] = () -> {
        Iterable<Call> calls = plan.workload(sampler, seeds[run]);
        for (int s = 0; s < setups.size(); s++) {
          out[s][run] = setups.get(s).run(calls, settings.horizon(), seeds[run][1]);
        }
        progress.runDone();
      };
    }
    execute(tasks, settings.threads());
    return out;
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
