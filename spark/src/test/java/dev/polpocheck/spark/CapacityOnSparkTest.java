package dev.polpocheck.spark;

import static dev.polpocheck.spark.SparkRuns.withReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * capacity on Spark finds the CLI's answer with the CLI's figures: its report directory is the
 * CLI's own, byte for byte, on the same inputs and seed.
 */
class CapacityOnSparkTest {
  @TempDir Path tmp;

  @Test
  void sample_sameSearchAndReportAsTheCli() throws Exception {
    // two candidates at most (1 and 2 keys of tier1), 2 runs per load: every measure of the
    // search (grid, bisection, next candidate) is one Spark job
    String[] args = {"capacity", "--sessions-per-day", "60", "--runs", "2", "--tiers", "tier1",
        "--max-organisations", "2", "--seed", "11"};
    SparkRuns.Run cli = SparkRuns.cli(withReport(tmp, args, "cli"));
    SparkRuns.Run spark = SparkRuns.onSpark(3, withReport(tmp, args, "spark"));
    assertEquals(cli.code(), spark.code(), spark.err());
    Map<String, String> a = SparkRuns.files(tmp.resolve("cli"));
    Map<String, String> b = SparkRuns.files(tmp.resolve("spark"));
    assertTrue(a.containsKey("result.json"), a.keySet().toString());
    String csv = a.get("candidates.csv");
    assertTrue(csv.contains("\"1 org x 1 key, tier1\""), csv);
    assertEquals(a.get("result.json"), b.get("result.json"));
    assertEquals(a, b);
    assertEquals(cli.out().replace(tmp.resolve("cli").toString(), "DIR"),
        spark.out().replace(tmp.resolve("spark").toString(), "DIR"));
  }
}
