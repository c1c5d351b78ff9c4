package dev.polpocheck.spark;

import static dev.polpocheck.spark.SparkRuns.withReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * capacity on Spark finds the CLI's answer with the CLI's figures: its report directory is the
 * CLI's own, byte for byte, on the same inputs and seed, whatever the partitions and the number
 * of candidates measured at once; and its tasks are (candidate, run) units.
 */
class CapacityOnSparkTest {
  @TempDir Path tmp;

  // six candidates in search order: 1 org tier1, 1 org tier2, 2 orgs tier1, 2 orgs tier2, 3 orgs
  // tier1, 3 orgs tier2; 2 runs per load
  private static final String[] ARGS = {"capacity", "--sessions-per-day", "60", "--runs", "2",
      "--tiers", "tier1,tier2", "--max-organisations", "3", "--seed", "11"};

  @Test
  void sample_sameSearchAndReportAsTheCli_inAnySplit() throws Exception {
    SparkRuns.Run cli = SparkRuns.cli(withReport(tmp, ARGS, "cli"));
    Map<String, String> a = SparkRuns.files(tmp.resolve("cli"));
    assertTrue(a.containsKey("result.json"), a.keySet().toString());
    // the search got somewhere: the answer is the fourth candidate, its successor does not meet
    String csv = a.get("candidates.csv");
    assertTrue(csv.contains("\"2 orgs x 1 key, tier2\",chosen,"), csv);
    assertTrue(csv.contains("\"3 orgs x 1 key, tier1\",next candidate,"), csv);
    // (partitions, candidates at once): one partition; three (units split unevenly) with four
    // candidates at once (two past the answer's successor); one candidate at a time (the CLI's
    // order); the defaults on local[2] (four partitions per core, 2 slots / 2 runs -> the
    // minimum of two candidates at once)
    int[][] splits = {{1, 0}, {3, 4}, {2, 1}, {0, 0}};
    for (int[] split : splits) {
      String name = "spark-" + split[0] + "-" + split[1];
      SparkRuns.Run spark = SparkRuns.onSpark(split[0], split[1], withReport(tmp, ARGS, name));
      assertEquals(cli.code(), spark.code(), spark.err());
      Map<String, String> b = SparkRuns.files(tmp.resolve(name));
      assertEquals(a.get("result.json"), b.get("result.json"), name);
      assertEquals(a, b, name);
      assertEquals(cli.out().replace(tmp.resolve("cli").toString(), "DIR"),
          spark.out().replace(tmp.resolve(name).toString(), "DIR"), name);
    }
  }

  @Test
  void sample_gridsAreStagesOfCandidateRunTasks() throws Exception {
    // 100 partitions: one task per unit; local[2]: max(2, 2 slots / 2 runs) = 2 candidates at
    // once. The grid (5 loads) of candidates 1-2 is one job of 2 candidates x 2 runs = 4
    // (candidate, run) tasks, each replaying its run at the 5 loads; then candidates 3-4. The
    // answer is the 4th (first test), so its successor's grid is one job of 2 tasks; the
    // successor misses the target, so only the answer's ceiling is bisected: 3 steps of 2 tasks.
    // One job per (candidate, load) would have made 5 x 5 + 3 = 28 stages of 2 tasks.
    int before = SparkRuns.STAGES.size();
    SparkRuns.Run spark = SparkRuns.onSpark(100, 0, withReport(tmp, ARGS, "units"));
    assertEquals(0, spark.code(), spark.err());
    assertEquals(List.of(4, 4, 2, 2, 2, 2),
        SparkRuns.STAGES.subList(before, SparkRuns.STAGES.size()));
  }
}
