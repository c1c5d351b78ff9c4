package dev.polpocheck.spark;

import dev.polpocheck.forecast.Forecaster;
import dev.polpocheck.forecast.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Executes forecast plans' units as one Spark job: the plans are broadcast once, each task
 * replays its units and returns their outcomes, the driver puts them back in (plan, setup, run)
 * order. A forecast is one job of (run, setup) units; a capacity search's grid of several
 * candidates, or one bisection step, is one job of (candidate, run) units ({@link ForecastJob}).
 * Which partition or executor replayed a unit changes nothing in its outcome (a unit depends
 * only on the plans and its indices), so neither does the number of partitions.
 */
final class SparkEngine implements Forecaster.Engine {
  /** Spark setting naming the number of partitions of a job. */
  static final String PARTITIONS = "spark.polpocheck.partitions";

  /** Spark setting naming how many capacity candidates are measured at once. */
  static final String CANDIDATES = "spark.polpocheck.candidatesAtOnce";

  private final JavaSparkContext sc;
  private final int partitions;
  private final int candidates;

  /**
   * @param partitions partitions per job; 0: four per default-parallelism slot (units differ in
   *     length, so smaller tasks even out the cores), never more than the units
   * @param candidates capacity candidates measured at once; 0: enough for one unit per slot, at
   *     least two (the search always measures a candidate's successor, so two never waste)
   */
  SparkEngine(JavaSparkContext sc, int partitions, int candidates) {
    this.sc = sc;
    this.partitions = partitions;
    this.candidates = candidates;
  }

  /** The engine configured by the context's {@link #PARTITIONS} and {@link #CANDIDATES}. */
  static SparkEngine of(JavaSparkContext sc) {
    return new SparkEngine(sc, sc.getConf().getInt(PARTITIONS, 0),
        sc.getConf().getInt(CANDIDATES, 0));
  }

  @Override
  public RunOutcome[][] execute(Forecaster.Plan plan, Forecaster.Progress progress) {
    return executeAll(List.of(plan), progress).get(0);
  }

  /**
   * Candidates measured at once, when not set: each brings {@code runs} units, so
   * {@code ceil(slots / runs)} of them occupy every slot once, and never fewer than two. Not
   * more: the candidates past the search's answer and its successor are wasted, and while they
   * only fill slots that would otherwise idle, a second wave of them would delay the answer.
   */
  @Override
  public int candidatesAtOnce(int runs) {
    if (candidates > 0) {
      return candidates;
    }
    int slots = sc.defaultParallelism();
    return Math.max(2, (slots + runs - 1) / runs);
  }

  @Override
  public List<RunOutcome[][]> executeAll(List<Forecaster.Plan> plans,
      Forecaster.Progress progress) {
    ForecastJob job = ForecastJob.of(plans);
    int units = job.units();
    int runs = job.runs();
    List<Integer> ids = new ArrayList<>(units);
    for (int u = 0; u < units; u++) {
      ids.add(u);
    }
    int slices = Math.min(units, partitions > 0 ? partitions : 4 * sc.defaultParallelism());
    Broadcast<ForecastJob> b = sc.broadcast(job);
    List<Tuple2<Integer, RunOutcome[]>> done;
    try {
      done = sc.parallelize(ids, slices).map(u -> new Tuple2<>(u, b.value().replay(u)))
          .collect();
    } finally {
      b.destroy();
    }
    List<RunOutcome[][]> out = new ArrayList<>();
    for (int p = 0; p < plans.size(); p++) {
      out.add(new RunOutcome[plans.get(p).setups().size()][runs]);
    }
    // a unit's outcomes come in (plan, position) order of the plans holding its setup
    int[] next = new int[units / runs];
    RunOutcome[][] outcomes = new RunOutcome[units][];
    for (Tuple2<Integer, RunOutcome[]> t : done) {
      outcomes[t._1()] = t._2();
    }
    for (int p = 0; p < plans.size(); p++) {
      for (int i = 0; i < plans.get(p).setups().size(); i++) {
        int s = job.setupOf(p, i);
        for (int r = 0; r < runs; r++) {
          out.get(p)[i][r] = outcomes[s * runs + r][next[s]];
        }
        next[s]++;
      }
    }
    for (int r = 0; r < runs * plans.size(); r++) {
      progress.runDone();
    }
    return out;
  }
}
