package dev.polpocheck.spark;

import dev.polpocheck.UserInputException;
import dev.polpocheck.cli.PolpoCheckCommand;
import dev.polpocheck.redact.Redactor;
import java.io.PrintWriter;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/**
 * Entry point of {@code polpo-check-spark COMMAND ARGS} (the job jar's main class): the CLI's own
 * command line, with the runs of {@code forecast} and {@code capacity} executed on Spark (flags,
 * checks, messages, reports and exit codes are the CLI's), and {@code cost} over Hadoop paths
 * ({@link SparkCostCommand}). With no {@code spark.master} set (no
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
    if (args.length > 0 && args[0].equals("cost")) {
      return cost(spark, java.util.Arrays.copyOfRange(args, 1, args.length),
          new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }
    return PolpoCheckCommand.newCommandLine(SparkEngine.of(sc)).execute(args);
  }

  /**
   * {@code cost} on Spark, with the CLI's error conventions: one masked line, exit 2 for usage
   * and 3 for input that cannot be read, never a stack trace.
   */
  static int cost(SparkSession spark, String[] args, PrintWriter out, PrintWriter err) {
    Redactor mask = Redactor.forRun();
    CommandLine cl = new CommandLine(new SparkCostCommand(spark));
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((e, a) -> {
      err.println(mask.redact("polpo-check: error: " + e.getMessage()
          + " (see 'polpo-check-spark cost --help')"));
      err.flush();
      return 2;
    });
    cl.setExecutionExceptionHandler((e, c, p) -> {
      err.println(mask.redact("polpo-check: error: " + why(e)));
      err.flush();
      return 3;
    });
    return cl.execute(args);
  }

  /**
   * What went wrong, in the CLI's words: a task's failure arrives wrapped in Spark's exceptions,
   * so the user's error (a file that cannot be read) is looked for among the causes.
   */
  private static String why(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UserInputException) {
        return t.getMessage();
      }
      if (t instanceof ArithmeticException) {
        return "a cost total exceeds the exact range (about 9.2 million USD in one group);"
            + " split the traces";
      }
    }
    return "internal error: " + (e.getMessage() == null ? "no detail" : e.getMessage());
  }
}
