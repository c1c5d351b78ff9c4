package dev.polpocheck.spark;

import dev.polpocheck.cli.PolpoCheckCommand;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of {@code polpo-check-spark COMMAND ARGS} (the job jar's main class): the CLI's own
 * command line, with the runs of {@code forecast} and {@code capacity} executed on Spark. Flags,
 * checks, messages, reports and exit codes are the CLI's. With no {@code spark.master} set (no
 * {@code spark-submit --master}) it starts an embedded {@code local[*]} Spark.
 */
public final class SparkMain {
  private SparkMain() {}

  public static void main(String[] args) {
    SparkConf conf = new SparkConf().setAppName("polpo-check"); // no arguments: they may be secret
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    int code;
    try {
      code = run(spark, args);
    } finally {
      spark.stop();
    }
    System.exit(code);
  }

  /** Runs one command on {@code spark}; returns the CLI's exit code. */
  static int run(SparkSession spark, String[] args) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = sc.getConf().getInt(SparkEngine.PARTITIONS, 0);
    return PolpoCheckCommand.newCommandLine(new SparkEngine(sc, partitions)).execute(args);
  }
}
