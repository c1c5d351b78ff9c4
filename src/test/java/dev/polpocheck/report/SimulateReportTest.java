package dev.polpocheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.forecast.SampleWorkload;
import dev.polpocheck.forecast.Setups;
import dev.polpocheck.sim.SimResult;
import dev.polpocheck.sim.Simulation;
import dev.polpocheck.trace.Call;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects {@code simulate --report DIR}: one replay's report has every chart (cost over time,
 * parts, agents, models, cache hit ratio, 429s, per-profile share and cooldown timeline), the
 * per-credential table adds up to the total, and result.json is the simulate command's document.
 */
class SimulateReportTest {

  static SimResult sampleDay() {
    List<Call> day = SampleWorkload.shipped().stream()
        .filter(c -> c.timestampMillis() < SampleWorkload.START_MILLIS + 86_400_000L).toList();
    return Simulation.run(day, Setups.sample().scenario(), 1);
  }

  @Test
  void write_oneDayOfTheSample_writesEveryChartAndTable(@TempDir Path dir) throws Exception {
    SimResult r = sampleDay();
    List<Path> files = SimulateReport.write(dir, r, "{\"kind\": \"simulate\"}", "sample day", "t");
    assertEquals(List.of("report.html", "summary.md", "result.json", "by-agent.csv",
        "by-model.csv", "by-profile.csv", "events.csv"),
        files.stream().map(p -> p.getFileName().toString()).toList());
    String html = Files.readString(dir.resolve("report.html"));
    for (String chart : List.of("cost-over-time", "cumulative-cost", "cost-by-part",
        "cost-by-agent", "cost-by-model", "cache-hit", "rate-limited", "profile-utilisation",
        "profile-timeline")) {
      assertTrue(html.contains("data-chart=\"" + chart + "\""), chart);
    }
    assertFalse(html.contains("NaN"));
    assertEquals("{\n  \"kind\" : \"simulate\"\n}\n", Files.readString(dir.resolve("result.json")));
    // the sample scenario's three keys each appear in the per-credential table
    String csv = Files.readString(dir.resolve("by-profile.csv"));
    for (String id : List.of("anthropic:ci", "anthropic:dev", "anthropic:lab")) {
      assertTrue(csv.contains(id), csv);
    }
    long sum = r.byProfile().values().stream().mapToLong(p -> p.cost().total()).sum();
    assertEquals(r.cost().total(), sum, "credentials add up to the total");
  }
}
