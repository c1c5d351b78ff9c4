package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects {@code polpo-check capacity} end to end on the replay simulator: every flag reaches
 * the search, the chosen setup meets the objective while every smaller one tried does not, the
 * exit code says whether any candidate fits, the report is written only when asked, and bad flags
 * are one-line usage errors.
 */
class CapacityCommandTest {
  @TempDir static Path dir;
  static Path traces;

  @BeforeAll
  static void traces() throws Exception {
    traces = CliFixtures.eightDayTraces(dir);
  }

  static ForecastCommandTest.Run capacity(String... args) {
    CommandLine cl = PolpoCheckCommand.newCommandLine();
    ((CapacityCommand) cl.getSubcommands().get("capacity").getCommand()).workingDir = dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "capacity";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = cl.execute(all);
    return new ForecastCommandTest.Run(code, out.toString(), err.toString());
  }

  @Test
  void capacity_everyFlag_choosesASetupThatMeetsTheObjective() throws Exception {
    Path scenario = Files.writeString(dir.resolve("base.json"), "{\"rotation\": \"polpo\"}");
    Path out = dir.resolve("cap");
    ForecastCommandTest.Run r = capacity(traces.toString(), "--scenario", scenario.toString(),
        "--sessions-per-day", "300", "--horizon", "1d", "--start", "2026-11-16",
        "--max-p95-delay", "2s", "--max-429-rate", "1%", "--max-failed", "0",
        "--tiers", "tier1,tier4", "--max-organisations", "3", "--profiles-per-organisation", "2",
        "--runs", "1", "--seed", "3", "--threads", "2", "--report", out.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode j = JsonMapper.builder().build().readTree(out.resolve("result.json").toFile());
    assertEquals("capacity", j.get("kind").asString());
    assertEquals("2026-11-16T00:00:00Z", j.get("settings").get("start").asString());
    assertEquals(300.0, j.get("settings").get("targetSessionsPerDay").asDouble());
    assertEquals(2, j.get("settings").get("profilesPerOrganisation").asInt());
    assertEquals(3, j.get("settings").get("seed").asLong());
    assertEquals(2000, j.get("objective").get("maxP95DelayMs").asLong());
    assertEquals(0.01, j.get("objective").get("max429Rate").asDouble());
    JsonNode candidates = j.get("candidates");
    JsonNode last = candidates.get(candidates.size() - 1);
    assertEquals(j.get("chosen").get("label").asString(), last.get("label").asString());
    assertTrue(last.get("atTarget").get("meets").asBoolean());
    assertTrue(last.get("atTarget").get("p95DelayMs").asLong() <= 2000);
    assertTrue(last.get("atTarget").get("rate429").asDouble() <= 0.01);
    assertEquals(0, last.get("atTarget").get("failed").asLong());
    for (int i = 0; i < candidates.size() - 1; i++) {
      assertFalse(candidates.get(i).get("atTarget").get("meets").asBoolean(),
          "smaller candidates fail: " + candidates.get(i).get("label"));
    }
    assertEquals(5, last.get("curve").size());
    assertTrue(r.out().contains("smallest setup meeting the objective: "), r.out());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("data-chart=\"capacity-delay\""));
    assertTrue(Files.exists(out.resolve("candidates.csv")));
  }

  @Test
  void capacity_impossibleObjective_exitsOne(@TempDir Path cwd) throws Exception {
    ForecastCommandTest.Run r = capacity(traces.toString(), "--sessions-per-day", "300",
        "--tiers", "tier1", "--max-organisations", "1", "--max-p95-delay", "0ms",
        "--max-429-rate", "0%", "--runs", "1");
    assertEquals(1, r.exit(), r.out());
    assertTrue(r.out().contains("no candidate meets the objective"), r.out());
    assertFalse(r.out().contains("report:"), "no report unless asked");
  }

  @Test
  void capacity_maxProfilesPerOrganisation_searchesProfilesSmallestFirst() throws Exception {
    // An objective nothing meets, so every candidate is tried. With at most 2 organisations and
    // 2 profiles each at tier1, by total profiles: 1 -> (1 org x 1); 2 -> (1 x 2) then (2 x 1),
    // fewer organisations first; 3 -> none (1 x 3 and 3 x 1 are out of range); 4 -> (2 x 2).
    Path out = dir.resolve("capprof");
    ForecastCommandTest.Run r = capacity(traces.toString(), "--sessions-per-day", "300",
        "--tiers", "tier1", "--max-organisations", "2", "--max-profiles-per-organisation", "2",
        "--max-p95-delay", "0ms", "--max-429-rate", "0%", "--max-failed", "0", "--runs", "1",
        "--report", out.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    JsonNode j = JsonMapper.builder().build().readTree(out.resolve("result.json").toFile());
    assertEquals(1, j.get("settings").get("profilesPerOrganisation").asInt());
    assertEquals(2, j.get("settings").get("maxProfilesPerOrganisation").asInt());
    List<String> labels = new java.util.ArrayList<>();
    j.get("candidates").forEach(c -> labels.add(c.get("label").asString()));
    assertEquals(List.of("1 org x 1 key, tier1", "1 org x 2 keys, tier1",
        "2 orgs x 1 key, tier1", "2 orgs x 2 keys, tier1"), labels);
    for (JsonNode c : j.get("candidates")) {
      assertEquals(5, c.get("curve").size(), "each candidate keeps its load-vs-delay curve");
    }
  }

  @Test
  void capacity_badProfileFlags_exitTwo() {
    for (String[] args : List.of(
        new String[] {"--max-profiles-per-organisation", "0"},
        new String[] {"--max-profiles-per-organisation", "101"},
        new String[] {"--max-profiles-per-organisation", "many"},
        new String[] {"--profiles-per-organisation", "2", "--max-profiles-per-organisation", "3"},
        new String[] {"--profiles-per-organisation", "0"})) {
      String[] all = new String[args.length + 1];
      all[0] = traces.toString();
      System.arraycopy(args, 0, all, 1, args.length);
      ForecastCommandTest.Run r = capacity(all);
      assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.err().contains("profiles-per-organisation"), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void capacity_maxSeatsDerivedFromAProPlan_areCandidates() throws Exception {
    // The scenario defines only "pro"; Max's tiers are 5x and 20x Pro usage (support.anthropic.com
    // article 11145838), so --tiers max-20x is a plan of the scenario: candidates are seats of it
    // (each "key" a seat on the plan), not a usage error. A 20x seat's 4,000,000 tokens per 5
    // hours carry this 300-a-day workload alone, so the smallest setup is one seat.
    Path scenario = Files.writeString(dir.resolve("pro.json"),
        "{\"plans\": {\"pro\": {\"windows\": [{\"hours\": 5, \"tokens\": 200000}]}}}");
    Path out = dir.resolve("capmax");
    ForecastCommandTest.Run r = capacity(traces.toString(), "--scenario", scenario.toString(),
        "--sessions-per-day", "300", "--tiers", "max-20x", "--max-organisations", "1",
        "--max-profiles-per-organisation", "2", "--max-p95-delay", "0ms", "--max-429-rate", "0%",
        "--max-failed", "0", "--runs", "1", "--report", out.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode j = JsonMapper.builder().build().readTree(out.resolve("result.json").toFile());
    assertEquals("1 org x 1 key, max-20x", j.get("chosen").get("label").asString());
  }

  @Test
  void capacity_2026Tiers_withTheScenariosTierLimits_areCandidatesInOrder() throws Exception {
    // The scenario's limits replace the shipped Start and Build ones. Start: 1 RPM
    // per class the sample uses (Opus 4.x orchestrator, Sonnet 4.x coder, Haiku 4.5 reviewer), so
    // a session's second turn seconds after its first waits for the next token (up to a minute):
    // delay > 0 ms, the objective (0 ms, no 429s) fails. Build: 10^9 of everything, far above
    // what 300 sessions a day ask: nothing waits, so "1 org x 1 key, build" is the answer, after
    // Start was tried first (the --tiers order).
    String start = "{\"rpm\": 1, \"itpm\": 1000000000, \"otpm\": 1000000000}";
    String build = "{\"rpm\": 1000000000, \"itpm\": 1000000000, \"otpm\": 1000000000}";
    Path scenario = Files.writeString(dir.resolve("tiers2026.json"),
        "{\"tierLimits\": {\"start\": {\"OPUS_4\": " + start + ", \"SONNET_4\": " + start
            + ", \"HAIKU_4_5\": " + start + "}, \"build\": {\"OPUS_4\": " + build
            + ", \"SONNET_4\": " + build + ", \"HAIKU_4_5\": " + build + "}}}");
    Path out = dir.resolve("cap2026");
    ForecastCommandTest.Run r = capacity(traces.toString(), "--scenario", scenario.toString(),
        "--sessions-per-day", "300", "--tiers", "start,build", "--max-organisations", "1",
        "--max-p95-delay", "0ms", "--max-429-rate", "0%", "--max-failed", "0", "--runs", "1",
        "--report", out.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode j = JsonMapper.builder().build().readTree(out.resolve("result.json").toFile());
    assertEquals("1 org x 1 key, build", j.get("chosen").get("label").asString());
    JsonNode candidates = j.get("candidates");
    assertEquals("1 org x 1 key, start", candidates.get(0).get("label").asString());
    assertFalse(candidates.get(0).get("atTarget").get("meets").asBoolean());
    assertEquals("start", j.get("settings").get("tiers").get(0).asString());
  }

  @Test
  void capacity_startBuildScale_searchWithTheirShippedLimits() {
    // Start, Build and Scale ship their limits (anthropic-tiers.json): no tierLimits needed, and
    // Start is tried first (the --tiers order). At 3 sessions a day the sample asks far less than
    // Start's 1,000 RPM / 2,000,000 ITPM / 400,000 OTPM per class: Start meets the default
    // objective and is the answer.
    Path out = dir.resolve("capShipped");
    ForecastCommandTest.Run r = capacity(traces.toString(), "--sessions-per-day", "3",
        "--tiers", "start,build,scale", "--max-organisations", "1", "--runs", "1",
        "--report", out.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("1 org x 1 key, start"), r.out());
    assertFalse(r.err().contains("has no rate limits"), r.err());
  }

  @Test
  void capacity_2026TierWithoutLimits_isAUsageErrorNamingTierLimits() {
    // Evaluation and Custom publish no per-class limits: searched without them they would "fit"
    // on their spend cap alone, so capacity refuses them until the scenario gives them
    for (String tier : List.of("evaluation", "custom")) {
      ForecastCommandTest.Run r = capacity(traces.toString(), "--tiers", "tier1," + tier);
      assertEquals(2, r.exit(), r.err());
      assertTrue(r.err().contains("--tiers: '" + tier + "' has no rate limits"), r.err());
      assertTrue(r.err().contains("tierLimits." + tier), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void capacity_badFlags_exitTwo() {
    for (String[] args : List.of(
        new String[] {"--max-p95-delay", "soon"},
        new String[] {"--max-429-rate", "200%"},
        new String[] {"--tiers", "tier9"},
        new String[] {"--max-organisations", "0"},
        new String[] {"--runs", "0"},
        new String[] {"--max-failed", "-1"})) {
      String[] all = new String[args.length + 1];
      all[0] = traces.toString();
      System.arraycopy(args, 0, all, 1, args.length);
      ForecastCommandTest.Run r = capacity(all);
      assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }
}
