package dev.polpocheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects what a reader sees when opening {@code report.html}: in headless Chromium (Debian's
 * {@code chromium}, explicit path, no network) the page renders with no console message at all
 * (it has no scripts, so any message is an error), every chart is in the rendered DOM, and a
 * screenshot can be taken. Skips with a message when Chromium is missing on a developer machine;
 * never under {@code CI=true}.
 */
class ReportInBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern CONSOLE = Pattern.compile("CONSOLE[^\\]]*\\] (.*)");

  @TempDir static Path dir;
  static Path html;

  @BeforeAll
  static void writeSampleReport() {
    if (!Files.isExecutable(CHROMIUM)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(CHROMIUM + " is missing: CI must install chromium"
            + " (apt-get install -y chromium chromium-driver fonts-dejavu-core)");
      }
      Assumptions.abort("skipped: " + CHROMIUM + " not installed (apt-get install chromium)");
    }
    ForecastReport.write(dir.resolve("report"), ReportFixtures.sampleForecast(), "test");
    html = dir.resolve("report").resolve("report.html");
    CapacityReport.write(dir.resolve("capacity"), ReportFixtures.sampleCapacity(), "test");
    SimulateReport.write(dir.resolve("simulate"), SimulateReportTest.sampleDay(), "{}",
        "sample day", "test");
  }

  /** Runs Chromium headless on the report with the given extra arguments. */
  static Result chromium(Path profile, String... extra) throws IOException, InterruptedException {
    return chromium(html, profile, extra);
  }

  /** Runs Chromium headless on {@code page}. */
  static Result chromium(Path page, Path profile, String... extra)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile,
        "--enable-logging=stderr", "--v=0"));
    cmd.addAll(List.of(extra));
    cmd.add(page.toUri().toString());
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  record Result(int exit, String out, String err) {
    List<String> consoleMessages() {
      List<String> m = new ArrayList<>();
      Matcher x = CONSOLE.matcher(err);
      while (x.find()) {
        m.add(x.group(1));
      }
      return m;
    }
  }

  @Test
  void report_inHeadlessChromium_rendersEveryChartWithoutConsoleErrors() throws Exception {
    Result r = chromium(dir.resolve("profile-dom"), "--dump-dom");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(), r.consoleMessages(), "console messages");
    // each chart is an inline SVG, or the one sentence replacing a chart with nothing to draw
    // (the sample's median run has no cooldown at 60 sessions/day)
    Matcher m = Pattern.compile("<(svg|p)[^>]*data-chart=\"([a-z-]+)\"").matcher(r.out());
    List<String> charts = new ArrayList<>();
    while (m.find()) {
      charts.add(m.group(1) + ":" + m.group(2));
    }
    assertEquals(List.of("svg:cost-per-day", "svg:cumulative-cost", "svg:cost-by-part",
        "svg:cost-by-agent", "svg:cost-by-model", "svg:cache-hit", "svg:profile-utilisation",
        "p:profile-timeline"), charts);
    // every drawn chart has its values in a table beside it
    assertEquals(7, r.out().split("<details class=\"values\">", -1).length - 1, "value tables");
    // the input's quality comes before the figures
    assertTrue(r.out().indexOf("id=\"inputs\"") < r.out().indexOf("id=\"headline\""));
    assertTrue(r.out().contains("active days"), "input quality");
    assertTrue(r.out().contains("What-if: difference against sample scenario"), "comparison table");
    assertTrue(r.out().contains("backtest: recorded cost of the last 7 days"), "backtest figure");
  }

  @Test
  void capacityReport_inHeadlessChromium_rendersItsCurvesWithoutConsoleErrors() throws Exception {
    Result r = chromium(dir.resolve("capacity").resolve("report.html"),
        dir.resolve("profile-capacity"), "--dump-dom");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(), r.consoleMessages(), "console messages");
    assertTrue(r.out().contains("data-chart=\"capacity-delay\""), "delay curve");
    assertTrue(r.out().contains("data-chart=\"capacity-429\""), "429 curve");
    assertTrue(r.out().contains("Smallest setup: 1 org x 1 key, tier4")
        || r.out().contains("No candidate meets the objective"), "verdict");
    assertTrue(r.out().contains("its headroom"), "headroom of the chosen setup");
  }

  @Test
  void simulateReport_inHeadlessChromium_rendersWithoutConsoleErrors() throws Exception {
    Result r = chromium(dir.resolve("simulate").resolve("report.html"),
        dir.resolve("profile-simulate"), "--dump-dom");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(), r.consoleMessages(), "console messages");
    assertTrue(r.out().contains("data-chart=\"profile-timeline\""), "cooldown timeline");
    assertTrue(r.out().contains("data-chart=\"cost-over-time\""), "cost over time");
  }

  @Test
  void report_screenshot_isAPng() throws Exception {
    Path png = dir.resolve("shot.png");
    Result r = chromium(dir.resolve("profile-shot"), "--hide-scrollbars", "--window-size=1000,2400",
        "--screenshot=" + png);
    assertEquals(0, r.exit(), r.err());
    byte[] b = Files.readAllBytes(png);
    assertTrue(b.length > 10_000, "a real picture, not an empty page: " + b.length + " bytes");
    assertEquals((byte) 0x89, b[0]);
    assertEquals('P', b[1]);
    assertEquals('N', b[2]);
    assertEquals('G', b[3]);
  }
}
