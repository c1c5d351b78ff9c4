package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects the upstream target (lumea-labs/polpo) end to end through the real command line: a real
 * layout-v2 project passes with exit 0, the target is detected from the files or chosen with {@code
 * --polpo} and named in every report format, and problems planted in a v2 project are found at the
 * file:line:col worked out by hand below. Expectations come from upstream's code, cited per case;
 * the real files are copies of the shared corpus (src/test/resources/validate/upstream).
 */
class ValidateUpstreamCliTest {
  private static final Path REAL = Path.of("src/test/resources/validate/upstream");
  private static final String CANARY = "sk-ant-api03-CANARYupstreamGatewayKey0123456789";

  @Test
  void realV2Project_detectedAsUpstream_noFinding_exit0() {
    CliRun r = CliRun.of("validate", REAL.resolve("v2-multi-agent").toString());
    // project.json, 3 agents/<id>/agent.json, 2 teams/<id>.json.
    assertEquals("no problems in 6 files (Polpo upstream)\n", r.out(), r.err());
    assertEquals(0, r.exit());
  }

  @Test
  void realUpstreamFiles_noFalseFinding() {
    // Each is a file upstream's own code or docs use as valid: agents.json entries with and
    // without the {agent, teamName} wrapper (readProjectAgents), AgentConfig with sandbox,
    // mcpServers and a {primary: {profile}} model, model profiles, the gateway block, and a
    // project.json without schemaVersion (polpo-config.ts reads it as the active config).
    for (String dir :
        new String[] {
          "agents-json-direct",
          "agents-upstream-fields",
          "core-readme-profiles",
          "settings-gateway",
          "skills-project-json",
          "selfhost-project",
          "lumea-blank-scaffold-v2"
        }) {
      CliRun r = CliRun.of("validate", "--polpo", "upstream", REAL.resolve(dir).toString());
      assertEquals(0, r.exit(), dir + ": " + r.out() + r.err());
      assertTrue(r.out().startsWith("no problems in "), dir + ": " + r.out());
    }
  }

  @Test
  void legacyLayoutUpstreamKey_detectedAs03_helpNamesTheFlag_onlyWhenUpstreamReadsIt(
      @TempDir Path tmp) throws IOException {
    // A legacy-layout upstream project (polpo.json only) carries no layout marker, so it is
    // taken for 0.3.x; "modelProfiles" in settings is read by upstream (model-profiles.ts via
    // the project config's settings), so the fix is the flag, not a rename.
    Path readme = REAL.resolve("core-readme-profiles/polpo.json");
    CliRun detected = CliRun.of("validate", readme.toString());
    assertTrue(
        detected.out().contains("unknown key \"modelProfiles\" in settings"), detected.out());
    assertTrue(
        detected.out().contains("  = help: upstream Polpo reads \"modelProfiles\" here; if this"
            + " project runs on upstream Polpo, pass --polpo upstream\n"),
        detected.out());
    // Chosen with --polpo 0.3: the user said which Polpo runs it; the generic help stays.
    CliRun chosen = CliRun.of("validate", "--polpo", "0.3", readme.toString());
    assertTrue(chosen.out().contains("unknown key \"modelProfiles\" in settings"), chosen.out());
    assertFalse(chosen.out().contains("--polpo upstream"), chosen.out());
    // A key neither line reads gets no such hint.
    Path typo = tmp.resolve("polpo.json");
    Files.writeString(typo, "{\"project\": \"p\", \"settings\": {\"gatewayz\": {}}}\n");
    CliRun neither = CliRun.of("validate", typo.toString());
    assertTrue(neither.out().contains("unknown key \"gatewayz\" in settings"), neither.out());
    assertFalse(neither.out().contains("--polpo upstream"), neither.out());
  }

  @Test
  void projectJson_givenAsFile_isUpstream_notUsageError() {
    CliRun r = CliRun.of("validate", REAL.resolve("skills-project-json/project.json").toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals("no problems in 1 file (Polpo upstream)\n", r.out());
  }

  @Test
  void polpo03_onProjectJson_isUsageError() {
    CliRun r =
        CliRun.of(
            "validate",
            "--polpo",
            "0.3",
            REAL.resolve("skills-project-json/project.json").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Polpo 0.3.x does not read; use --polpo upstream"), r.err());
  }

  @Test
  void unknownPolpoLine_isUsageError() {
    CliRun r = CliRun.of("validate", "--polpo", "0.4", REAL.resolve("v2-multi-agent").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("unknown --polpo \"0.4\"; expected 0.3 or upstream"), r.err());
  }

  @Test
  void legacyAgentsJson_lenientInUpstream_strictIn03() {
    String dir = REAL.resolve("agents-json-direct").toString();
    // Upstream's readProjectAgents takes an unwrapped entry as the agent itself.
    assertEquals(0, CliRun.of("validate", "--polpo", "upstream", dir).exit());
    // Polpo 0.3.x reads entry.agent: the unwrapped entry has none.
    CliRun old = CliRun.of("validate", "--no-snippet", dir);
    assertEquals(1, old.exit());
    assertTrue(old.out().contains("(Polpo 0.3.x)"), old.out());
  }

  @Test
  void dottedGrokId_flaggedFor03_notForUpstream() {
    String dir = REAL.resolve("lumea-blank-scaffold-v2").toString();
    // pi-ai 0.62 dist/models.generated.js: provider xai has "grok-4-1-fast-non-reasoning"; the
    // dotted spelling exists only as the vercel-ai-gateway id "xai/grok-4.1-fast-non-reasoning".
    // agents.json line 6 is `      "model": "xai/grok-4.1-fast-non-reasoning",`: 6 spaces,
    // "model" (7-13), ':' 14, ' ' 15 -> the string at column 16. An error: in an agent run no
    // providers entry applies, so resolveModel throws (polpo-zhc src/llm/pi-client.ts:283-289).
    CliRun old = CliRun.of("validate", "--no-snippet", "--polpo", "0.3", dir);
    assertTrue(
        old.out()
            .contains("agents.json:6:16: error: dotted model id \"grok-4.1-fast-non-reasoning\""),
        old.out());
    assertTrue(old.out().contains("write \"xai/grok-4-1-fast-non-reasoning\""), old.out());
    assertFalse(
        CliRun.of("validate", "--polpo", "upstream", dir).out().contains("dotted"),
        "gateway ids keep their dots");
  }

  /** A v2 project with one planted problem of each kind; positions derived in comments. */
  private static Path brokenProject(Path tmp) throws IOException {
    Path polpo = tmp.resolve("proj/.polpo");
    write(
        polpo.resolve("project.json"),
        "{\n"
            + "  \"schemaVersion\": 2,\n"
            + "  \"project\": \"p\",\n"
            + "  \"settings\": {\n"
            // "apiKey" key: 4 spaces, "gateway" (5-13), ':' 14, ' ' 15, '{' 16, ' ' 17,
            // "url" (18-22), ':' 23, ' ' 24, the 33-character URL string (25-57), ',' 58,
            // ' ' 59 -> column 60.
            + "    \"gateway\": { \"url\": \"https://ai-gateway.vercel.sh/v1\", \"apiKey\": \""
            + CANARY
            + "\" },\n"
            + "    \"modelProfiles\": {\n"
            + "      \"fast\": \"openai/gpt-4o-mini\",\n"
            // 6 spaces, "loop" (7-12), ':' 13, ' ' 14, '{' 15, ' ' 16, "profile" (17-25),
            // ':' 26, ' ' 27 -> the value at column 28.
            + "      \"loop\": { \"profile\": \"loop\" }\n"
            + "    },\n"
            // 4 spaces, "orchestratorModel" (5-23), ':' 24, ' ' 25, '{' 26, ' ' 27,
            // "profile" (28-36), ':' 37, ' ' 38 -> column 39.
            + "    \"orchestratorModel\": { \"profile\": \"fats\" }\n"
            + "  }\n"
            + "}\n");
    // "name" is reserved (the key at 2:3); "fast" at 3:25 (2 spaces, "model" 3-9, ':' 10,
    // ' ' 11, '{' 12, ' ' 13, "profile" 14-22, ':' 23, ' ' 24) is outside the allowlist; no
    // instructions.md beside it.
    write(
        polpo.resolve("agents/builder/agent.json"),
        "{\n"
            + "  \"name\": \"builder\",\n"
            + "  \"model\": { \"profile\": \"fast\" },\n"
            + "  \"allowedModelProfiles\": [\"balanced\"]\n"
            + "}\n");
    // 4 distinct fallbacks > MAX_MODEL_FALLBACKS 3; the policy object opens at 2:12.
    write(
        polpo.resolve("agents/reviewer/agent.json"),
        "{\n"
            + "  \"model\": { \"primary\": \"openai/gpt-5\","
            + " \"fallbacks\": [\"a/1\", \"a/2\", \"a/3\", \"a/4\"] }\n"
            + "}\n");
    write(polpo.resolve("agents/reviewer/instructions.md"), "Review.\n");
    // A team file must not define "name": the key at 1:2.
    write(polpo.resolve("teams/eng.json"), "{\"name\": \"eng\"}\n");
    // The legacy list next to agents/: ambiguous_layout.
    write(polpo.resolve("agents.json"), "[]\n");
    return tmp.resolve("proj");
  }

  @Test
  void brokenV2Project_eachProblemFoundAtFileLineCol(@TempDir Path tmp) throws IOException {
    Path proj = brokenProject(tmp);
    String p = proj.resolve(".polpo").toString();
    CliRun r = CliRun.of("validate", "--no-snippet", proj.toString());
    String out = r.out();
    assertEquals(1, r.exit(), out + r.err());
    assertTrue(
        out.contains(p + "/project.json:5:60: error: a literal credential in \"apiKey\""), out);
    assertTrue(out.contains("[polpo/credentials/env-only]"), out);
    assertTrue(
        out.contains(
            p
                + "/project.json:8:28: error: model profile cycle loop -> loop; Polpo throws"
                + " PROFILE_CYCLE [polpo/model/profile-cycle]"),
        out);
    assertTrue(out.contains(p + "/project.json:10:39: error: unknown model profile \"fats\""), out);
    assertTrue(out.contains("did you mean \"fast\"?"), out);
    assertTrue(
        out.contains(
            p + "/agents/builder/agent.json:2:3: error: agent.json must not define \"name\""),
        out);
    assertTrue(
        out.contains(
            p
                + "/agents/builder/agent.json:3:25: error: profile \"fast\" is not in this"
                + " agent's allowedModelProfiles"),
        out);
    assertTrue(
        out.contains(
            p
                + "/agents/builder/agent.json:1:1: error: instructions.md is missing beside"
                + " this agent.json"),
        out);
    assertTrue(
        out.contains(
            p
                + "/agents/reviewer/agent.json:2:12: error: this selection expands to 4 distinct"
                + " fallback models"),
        out);
    assertTrue(
        out.contains(p + "/teams/eng.json:1:2: error: a team file must not define \"name\""), out);
    assertTrue(
        out.contains(p + "/agents.json:1:1: error: agents.json and 2 agents/<id>/agent.json"), out);
    assertTrue(out.contains("(Polpo upstream)"), out);
    assertFalse(r.all().contains(CANARY), "the planted key must never be printed");
  }

  @Test
  void everyFormat_namesTheTarget_andMasksTheKey(@TempDir Path tmp) throws IOException {
    Path proj = brokenProject(tmp);
    JsonMapper json = JsonMapper.builder().build();

    CliRun j = CliRun.of("validate", "--format", "json", proj.toString());
    JsonNode root = json.readTree(j.out());
    assertEquals("upstream", root.path("target").path("id").asString());
    assertEquals("Polpo upstream", root.path("target").path("name").asString());

    CliRun s = CliRun.of("validate", "--format", "sarif", proj.toString());
    JsonNode run = json.readTree(s.out()).path("runs").get(0);
    assertEquals("upstream", run.path("properties").path("polpoTarget").asString());

    CliRun u = CliRun.of("validate", "--format", "junit", proj.toString());
    assertTrue(u.out().contains("<property name=\"polpo.target\" value=\"upstream\"/>"), u.out());

    CliRun g = CliRun.of("validate", "--format", "github", proj.toString());
    assertTrue(g.out().contains("(Polpo upstream)\n"), g.out());

    CliRun t = CliRun.of("validate", proj.toString());
    for (CliRun each : new CliRun[] {j, s, u, g, t}) {
      assertFalse(each.all().contains(CANARY), "key leaked: " + each.all());
    }
    CliRun old =
        CliRun.of("validate", "--format", "json", REAL.resolve("agents-json-direct").toString());
    assertEquals("0.3", json.readTree(old.out()).path("target").path("id").asString());
  }

  @Test
  void backupsOfMigrate_areNotRead(@TempDir Path tmp) throws IOException {
    Path polpo = tmp.resolve(".polpo");
    write(polpo.resolve("project.json"), "{\"schemaVersion\": 2}\n");
    write(polpo.resolve("agents/a/agent.json"), "{}\n");
    write(polpo.resolve("agents/a/instructions.md"), "");
    // migrateProjectLayoutV2 renames the legacy files to *.v1.json; no reader opens them, so
    // neither their content nor their presence next to agents/ is a problem.
    write(polpo.resolve("agents.v1.json"), "{ not json");
    write(polpo.resolve("polpo.v1.json"), "{ not json");
    CliRun r = CliRun.of("validate", tmp.toString());
    assertEquals("no problems in 2 files (Polpo upstream)\n", r.out(), r.err());
  }

  @Test
  void gatewayKeyPastedIntoApiKeyEnv_reportedAndMasked_unsetVariableInResolvedPass(
      @TempDir Path tmp) throws IOException {
    Path project = tmp.resolve(".polpo/project.json");
    // Line 2: 2 spaces, "settings" (3-12), ':' 13, ' ' 14, '{' 15, ' ' 16, "gateway" (17-25),
    // ':' 26, ' ' 27, '{' 28, ' ' 29, "url" (30-34), ':' 35, ' ' 36, "http://gw.local/v1"
    // (37-56), ',' 57, ' ' 58, "apiKeyEnv" (59-69), ':' 70, ' ' 71 -> the value at 72.
    write(
        project,
        "{\n  \"settings\": { \"gateway\": { \"url\": \"http://gw.local/v1\", \"apiKeyEnv\": \""
            + CANARY
            + "\" } }\n}\n");
    for (String format : new String[] {"text", "json", "sarif", "junit", "github"}) {
      CliRun r = CliRun.of("validate", "--format", format, tmp.toString());
      assertEquals(1, r.exit(), r.all());
      assertFalse(r.all().contains(CANARY), format + " leaked the key: " + r.all());
    }
    CliRun t = CliRun.of("validate", "--no-snippet", tmp.toString());
    assertTrue(
        t.out().contains("project.json:2:72: error: apiKeyEnv must name an environment variable"),
        t.out());
    // A variable name instead: fine in the static pass, an error when the variable is unset in
    // the resolved pass (the gateway gets its key only from there).
    write(
        project,
        "{\"settings\": {\"gateway\": {\"url\": \"http://gw.local/v1\","
            + " \"apiKeyEnv\": \"MY_GW_KEY\"}}}\n");
    assertEquals(0, CliRun.of("validate", tmp.toString()).exit());
    CliRun resolved = CliRun.of("validate", "--no-snippet", "--env", "OTHER=1", tmp.toString());
    assertEquals(1, resolved.exit(), resolved.out());
    assertTrue(
        resolved.out().contains("the gateway key variable MY_GW_KEY is not set"), resolved.out());
    assertEquals(0, CliRun.of("validate", "--env", "MY_GW_KEY=x", tmp.toString()).exit());
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
