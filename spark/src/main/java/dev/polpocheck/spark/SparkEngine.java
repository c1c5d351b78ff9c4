package dev.polpocheck.spark;

import dev.polpocheck.forecast.Forecaster;
import dev.polpocheck.forecast.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Executes a forecast's (run, setup) units as one Spark job: the plan is broadcast once, each
 * task replays its units and returns their outcomes, the driver puts them back in (setup, run)
 * order. Which partition or executor replayed a unit changes nothing in its outcome (a unit
 * depends only on the plan and its indices), so neither does the number of partitions.
 */
final class SparkEngine implements Forecaster.Engine {
  /** Spark setting naming the number of partitions of a forecast job. */
  static final String PARTITIONS = "spark.polpocheck.partitions";

  private final JavaSparkContext sc;
  private final int partitions;

  /**
   * @param partitions partitions per job; 0: four per default-parallelism slot (units differ in
   *     length, so smaller tasks even out the cores), never more than the units
   */
  SparkEngine(JavaSparkContext sc, int partitions) {
    this.sc = sc;
    this.partitions = partitions;
  }

  @Override
  public RunOutcome[][] execute(Forecaster.Plan plan, Forecaster.Progress progress) {
    ForecastJob job = ForecastJob.of(plan);
    int units = job.units();
    List<Integer> ids = new ArrayList<>(units);
    for (int u = 0; u < units; u++) {
      ids.add(u);
    }
    int slices = Math.min(units, partitions > 0 ? partitions : 4 * sc.defaultParallelism());
    Broadcast<ForecastJob> b = sc.broadcast(job);
    List<Tuple2<Integer, RunOutcome>> done;
    try {
      done = sc.parallelize(ids, slices).map(u -> new Tuple2<>(u, b.value().replay(u))).collect();
    } finally {
      b.destroy();
    }
    int setups = job.setups();
    RunOutcome[][] out = new RunOutcome[setups][units / setups];
    for (Tuple2<Integer, RunOutcome> t : done) {
      out[t._1() % setups][t._1() / setups] = t._2();
    }
    for (int r = 0; r < units / setups; r++) {
      progress.runDone();
    }
    return out;
  }
}
