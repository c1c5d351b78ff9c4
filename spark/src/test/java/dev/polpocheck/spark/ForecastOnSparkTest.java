package dev.polpocheck.spark;

import static dev.polpocheck.spark.SparkRuns.withReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * forecast on Spark writes the CLI's report, byte for byte, whatever the number of partitions:
 * the expected files are the CLI's own output on the same inputs and seed, in this JVM.
 */
class ForecastOnSparkTest {
  @TempDir Path tmp;

  @Test
  void sampleWithAWhatIf_sameReportAsTheCli_inOneAndThreePartitions() throws Exception {
    // a what-if laid over the sample scenario: a second setup, so units are (run, setup) pairs
    Path sticky = Files.writeString(tmp.resolve("sticky.json"), "{\"rotation\": \"sticky\"}");
    String[] args = {"forecast", "--runs", "5", "--horizon", "2d", "--sessions-per-day", "120",
        "--seed", "7", "--compare", sticky.toString()};
    Map<String, String> cli = report("cli", SparkRuns.cli(withReport(tmp, args, "cli")));
    int before = SparkRuns.TASKS.get();
    Map<String, String> one = report("p1", SparkRuns.onSpark(1, withReport(tmp, args, "p1")));
    assertEquals(1, SparkRuns.TASKS.get() - before, "one partition: one task");
    before = SparkRuns.TASKS.get();
    Map<String, String> three = report("p3", SparkRuns.onSpark(3, withReport(tmp, args, "p3")));
    assertEquals(3, SparkRuns.TASKS.get() - before, "three partitions: three tasks");

    // the report is a real one: 5 runs of each of the two setups made it into result.json
    assertTrue(cli.get("result.json").contains("\"runs\" : 5")
        || cli.get("result.json").contains("\"runs\":5"), cli.get("result.json"));
    assertTrue(cli.get("result.json").contains("sticky.json"));
    assertEquals(cli.keySet(), one.keySet());
    assertEquals(cli.get("result.json"), one.get("result.json"));
    assertEquals(cli.get("result.json"), three.get("result.json"));
    assertEquals(cli, one);
    assertEquals(cli, three);
  }

  @Test
  void realClaudeCodeTraces_sameResultAsTheCli() throws Exception {
    Path traces = SparkRuns.shared().resolve("data/traces/claude-code-real");
    String[] args = {"forecast", traces.toString(), "--runs", "4", "--horizon", "1d",
        "--seed", "3"};
    Map<String, String> cli = report("cli", SparkRuns.cli(withReport(tmp, args, "cli")));
    Map<String, String> spark = report("p3", SparkRuns.onSpark(3, withReport(tmp, args, "p3")));
    assertEquals(cli.get("result.json"), spark.get("result.json"));
    assertEquals(cli, spark);
  }

  private Map<String, String> report(String name, SparkRuns.Run r) throws Exception {
    assertEquals(0, r.code(), r.err());
    return SparkRuns.files(tmp.resolve(name));
  }
}
