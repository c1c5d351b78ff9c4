package dev.polpocheck.spark;

import dev.polpocheck.cli.PolpoCheckCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/** One shared local[2] Spark for the tests, and runs of the CLI and of the Spark commands. */
final class SparkRuns {
  /** Tasks finished since the session started (each forecast job has one task a partition). */
  static final AtomicInteger TASKS = new AtomicInteger();

  /** The task count of every stage completed since the session started, in order. */
  static final List<Integer> STAGES = new CopyOnWriteArrayList<>();

  private static SparkSession spark;

  private SparkRuns() {}

  static synchronized SparkSession spark() {
    if (spark == null) {
      spark = SparkSession.builder().master("local[2]").appName("polpo-check tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      spark.sparkContext().addSparkListener(new SparkListener() {
        @Override
        public void onTaskEnd(SparkListenerTaskEnd e) {
          TASKS.incrementAndGet();
        }

        @Override
        public void onStageCompleted(SparkListenerStageCompleted e) {
          STAGES.add(e.stageInfo().numTasks());
        }
      });
    }
    return spark;
  }

  /** What a command printed and returned. */
  record Run(int code, String out, String err) {}

  /** The CLI itself, in this JVM. */
  static Run cli(String... args) {
    return run(PolpoCheckCommand.newCommandLine(), args);
  }

  /** The CLI's command line with forecast and capacity runs on Spark, in {@code partitions}. */
  static Run onSpark(int partitions, String... args) {
    return onSpark(partitions, 0, args);
  }

  /** As {@link #onSpark(int, String...)}, {@code candidates} capacity candidates a job. */
  static Run onSpark(int partitions, int candidates, String... args) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark().sparkContext());
    return run(PolpoCheckCommand.newCommandLine(new SparkEngine(sc, partitions, candidates)),
        args);
  }

  private static Run run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code args} with {@code --report TMP/NAME} appended. */
  static String[] withReport(Path tmp, String[] args, String name) {
    String[] a = java.util.Arrays.copyOf(args, args.length + 2);
    a[args.length] = "--report";
    a[args.length + 1] = tmp.resolve(name).toString();
    return a;
  }

  /** Every file of a report directory by relative path, as bytes (compared as text). */
  static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return m;
  }

  /** The shared data folder (../shared beside the checkout). */
  static Path shared() {
    return Path.of(System.getProperty("polpocheck.shared", "../../shared"));
  }
}
