package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects {@code simulate --report DIR}: the report directory is written next to the normal
 * output, stdout stays the requested format (JSON stays parseable), and result.json is the same
 * document as {@code --format json}.
 */
class SimulateReportFlagTest {

  @Test
  void simulate_withReport_writesTheReportAndKeepsStdoutJson(@TempDir Path dir) throws Exception {
    Path traces = CliFixtures.eightDayTraces(dir);
    Path out = dir.resolve("sim-report");
    CliRun r = CliRun.of("simulate", traces.toString(), "--format", "json",
        "--report", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonMapper m = JsonMapper.builder().build();
    assertEquals(m.readTree(r.out()), m.readTree(Files.readString(out.resolve("result.json"))));
    assertTrue(Files.readString(out.resolve("report.html")).contains("data-chart=\"cost-over-time\""));
    assertTrue(r.err().contains("report: " + out.resolve("report.html")), r.err());
  }
}
