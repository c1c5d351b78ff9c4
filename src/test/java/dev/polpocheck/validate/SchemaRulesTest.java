package dev.polpocheck.validate;

import static dev.polpocheck.validate.RuleTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects the rules backed by schema constraints and deprecated keys: each reports the exact key
 * or value with its own rule id and severity (not a generic schema error), explains what Polpo
 * does, and stays silent on the valid form.
 */
class SchemaRulesTest {

  @Test
  void logLevel_outsideEnum_isErrorAtValueWithDidYouMean() {
    List<Diagnostic> d =
        run(
            "polpo/settings/log-level",
            FileKind.POLPO,
            "{\n  \"settings\": {\n    \"logLevel\": \"verbos\"\n  }\n}");
    assertEquals(1, d.size());
    assertEquals(Severity.ERROR, d.get(0).severity());
    // Line 3 `    "logLevel": "verbos"`: the value's opening quote is at column 17.
    assertEquals(3, d.get(0).line());
    assertEquals(17, d.get(0).column());
    assertEquals("verbose", d.get(0).suggestion());
    assertTrue(d.get(0).message().contains("refuses to start"), d.get(0).message());
  }

  @Test
  void logLevel_emptyString_isReported() {
    assertEquals(
        1,
        run("polpo/settings/log-level", FileKind.POLPO, "{\"settings\": {\"logLevel\": \"\"}}")
            .size());
  }

  @Test
  void logLevel_valid_isSilent() {
    assertEquals(
        List.of(),
        run(
            "polpo/settings/log-level",
            FileKind.POLPO,
            "{\"settings\": {\"logLevel\": \"quiet\"}}"));
  }

  @Test
  void storage_outsideEnum_isWarning() {
    List<Diagnostic> d =
        run(
            "polpo/settings/storage-ignored",
            FileKind.POLPO,
            "{\"settings\": {\"storage\": \"redis\"}}");
    assertEquals(Severity.WARNING, d.get(0).severity());
    assertTrue(d.get(0).message().contains("file storage"));
    assertEquals(
        List.of(),
        run(
            "polpo/settings/storage-ignored",
            FileKind.POLPO,
            "{\"settings\": {\"storage\": \"sqlite\"}}"));
  }

  @Test
  void reasoning_outsideEnum_isReportedInSettingsAndAgents() {
    assertEquals(
        1,
        run(
                "polpo/settings/reasoning-enum",
                FileKind.POLPO,
                "{\"settings\": {\"reasoning\": \"maximum\"}}")
            .size());
    assertEquals(
        1,
        run(
                "polpo/settings/reasoning-enum",
                FileKind.AGENTS,
                "[{\"agent\": {\"name\": \"a\", \"reasoning\": \"hihg\"}}]")
            .size());
    assertEquals(
        List.of(),
        run(
            "polpo/settings/reasoning-enum",
            FileKind.POLPO,
            "{\"settings\": {\"reasoning\": \"xhigh\"}}"));
  }

  @Test
  void orchestratorModel_objectWithoutPrimary_isNoPrimaryAtKey() {
    List<Diagnostic> d =
        run(
            "polpo/settings/no-primary",
            FileKind.POLPO,
            "{\"settings\": {\"orchestratorModel\": {\"fallbacks\": [\"claude-sonnet-4-6\"]}}}");
    assertEquals(1, d.size());
    assertEquals("/settings/orchestratorModel", d.get(0).pointer());
    // The key "orchestratorModel" starts at column 15 of the single line.
    assertEquals(15, d.get(0).column());
    assertEquals(
        List.of(),
        run(
            "polpo/settings/no-primary",
            FileKind.POLPO,
            "{\"settings\": {\"orchestratorModel\": {\"primary\": \"claude-sonnet-4-6\"}}}"));
    assertEquals(
        List.of(),
        run(
            "polpo/settings/no-primary",
            FileKind.POLPO,
            "{\"settings\": {\"orchestratorModel\": \"claude-sonnet-4-6\"}}"));
  }

  @Test
  void fallbacks_nonString_isReportedPerEntry() {
    List<Diagnostic> d =
        run(
            "polpo/settings/fallbacks-non-string",
            FileKind.POLPO,
            "{\"settings\": {\"orchestratorModel\": {\"primary\": \"claude-opus-4-6\","
                + " \"fallbacks\": [1, \"claude-sonnet-4-6\", {}]}}}");
    assertEquals(2, d.size());
    assertEquals("/settings/orchestratorModel/fallbacks/0", d.get(0).pointer());
    assertEquals("/settings/orchestratorModel/fallbacks/2", d.get(1).pointer());
  }

  @Test
  void providerApi_outsideEnum_isError() {
    List<Diagnostic> d =
        run(
            "polpo/providers/api-enum",
            FileKind.POLPO,
            "{\"providers\": {\"ollama\": {\"baseUrl\": \"http://localhost:11434/v1\","
                + " \"api\": \"openai-completion\"}}}");
    assertEquals(Severity.ERROR, d.get(0).severity());
    assertEquals("openai-completions", d.get(0).suggestion());
    assertEquals(
        List.of(),
        run(
            "polpo/providers/api-enum",
            FileKind.POLPO,
            "{\"providers\": {\"ollama\": {\"api\": \"openai-responses\"}}}"));
  }

  @Test
  void agentName_missingOrEmpty_isReportedSayingPolpoWouldNotTell() {
    List<Diagnostic> d =
        run(
            "polpo/agents/missing-name",
            FileKind.AGENTS,
            "[{\"agent\": {\"role\": \"x\"}}, {\"agent\": {\"name\": \"\"}}]");
    assertEquals(2, d.size());
    assertTrue(d.get(0).message().contains("would not tell you"), d.get(0).message());
    // The missing key is reported at the "agent" key of item 0 (column 3).
    assertEquals("/0/agent", d.get(0).pointer());
    assertEquals(3, d.get(0).column());
    assertEquals(
        List.of(),
        run("polpo/agents/missing-name", FileKind.AGENTS, "[{\"agent\": {\"name\": \"a\"}}]"));
  }

  @Test
  void allowedPaths_blankEntryOrNotArray_isReported() {
    assertEquals(
        2,
        run(
                "polpo/agents/allowed-paths",
                FileKind.AGENTS,
                "[{\"agent\": {\"name\": \"a\", \"allowedPaths\": [\"src\", \"  \"]}},"
                    + " {\"agent\": {\"name\": \"b\", \"allowedPaths\": \"src\"}}]")
            .size());
    assertEquals(
        List.of(),
        run(
            "polpo/agents/allowed-paths",
            FileKind.AGENTS,
            "[{\"agent\": {\"name\": \"a\", \"allowedPaths\": [\"src\"]}}]"));
  }

  @Test
  void browserProfile_withSpace_isReported() {
    List<Diagnostic> d =
        run(
            "polpo/agents/browser-profile",
            FileKind.AGENTS,
            "[{\"agent\": {\"name\": \"a\", \"browserProfile\": \"my profile\"}}]");
    assertTrue(d.get(0).message().contains("only letters, digits"), d.get(0).message());
    assertEquals(
        List.of(),
        run(
            "polpo/agents/browser-profile",
            FileKind.AGENTS,
            "[{\"agent\": {\"name\": \"a\", \"browserProfile\": \"my-profile_2\"}}]"));
  }

  @Test
  void responsibilities_notArray_isReported() {
    assertEquals(
        1,
        run(
                "polpo/agents/responsibilities",
                FileKind.AGENTS,
                "[{\"agent\": {\"name\": \"a\", \"identity\": {\"responsibilities\": \"all\"}}}]")
            .size());
    assertEquals(
        List.of(),
        run(
            "polpo/agents/responsibilities",
            FileKind.AGENTS,
            "[{\"agent\": {\"name\": \"a\", \"identity\": {\"responsibilities\": [\"api\","
                + " {\"area\": \"db\", \"description\": \"schema\", \"priority\": \"high\"}]}}}]"));
  }

  @Test
  void org_atTopLevel_warnsAtKeyAndSuggestsProject() {
    List<Diagnostic> d = run("polpo/config/org-key", FileKind.POLPO, "{\"org\": \"acme\"}");
    assertEquals(Severity.WARNING, d.get(0).severity());
    assertEquals(2, d.get(0).column());
    assertEquals("project", d.get(0).suggestion());
    assertEquals(List.of(), run("polpo/config/org-key", FileKind.POLPO, "{\"project\": \"acme\"}"));
  }

  @Test
  void agentsTeamsInPolpoJson_warnEach() {
    List<Diagnostic> d =
        run(
            "polpo/config/agents-in-polpo-json",
            FileKind.POLPO,
            "{\"agents\": [{\"name\": \"coder\", \"model\": \"claude-sonnet-4-6\"}],"
                + " \"teams\": [{\"name\": \"a\", \"agents\": [{\"name\": \"x\"}]}],"
                + " \"team\": {\"name\": \"t\", \"agents\": [{\"name\": \"y\"}]}}");
    assertEquals(3, d.size());
    assertTrue(
        run(FileKind.POLPO, "{\"agents\": [{\"name\": \"c\"}]}").stream()
            .noneMatch(x -> x.rule().equals("polpo/config/unknown-key")),
        "documented keys are not reported as unknown");
  }

  @Test
  void providerKeys_stringFormAndApiKey_warnWithEnvHint() {
    List<Diagnostic> d =
        run(
            "polpo/providers/api-key-ignored",
            FileKind.POLPO,
            "{\"providers\": {\"anthropic\": \"${ANTHROPIC_API_KEY}\", \"openai\": {\"apiKey\":"
                + " \"${OPENAI_API_KEY}\", \"baseUrl\": \"https://x.test/v1\"}}}");
    assertEquals(2, d.size());
    assertTrue(d.get(0).help().contains("ANTHROPIC_API_KEY"), d.get(0).help());
    assertTrue(d.get(0).help().contains(".polpo/.env"), d.get(0).help());
    assertTrue(d.get(0).help().contains("auth profile"), d.get(0).help());
    assertTrue(d.get(1).help().contains("OPENAI_API_KEY"), d.get(1).help());
    assertEquals(
        List.of(),
        run(
            "polpo/providers/api-key-ignored",
            FileKind.POLPO,
            "{\"providers\": {\"anthropic\": {\"baseUrl\": \"https://proxy.test\"}}}"));
  }

  @Test
  void billingDisable_present_isReported() {
    assertEquals(
        1,
        run(
                "polpo/settings/billing-disable-ignored",
                FileKind.POLPO,
                "{\"settings\": {\"billingDisable\": {\"billingMaxHours\": 12}}}")
            .size());
    assertEquals(
        List.of(),
        run("polpo/settings/billing-disable-ignored", FileKind.POLPO, "{\"settings\": {}}"));
  }

  @Test
  void escalateModel_present_isReported() {
    assertEquals(
        1,
        run(
                "polpo/retry/escalate-model-unused",
                FileKind.POLPO,
                "{\"settings\": {\"defaultRetryPolicy\": {\"escalateModel\":"
                    + " \"claude-opus-4-6\"}}}")
            .size());
    assertEquals(
        List.of(),
        run(
            "polpo/retry/escalate-model-unused",
            FileKind.POLPO,
            "{\"settings\": {\"defaultRetryPolicy\": {\"escalateAfter\": 2}}}"));
  }

  @Test
  void inlineVault_onAgent_isReported() {
    assertEquals(
        1,
        run(
                "polpo/agents/inline-vault",
                FileKind.AGENTS,
                "[{\"agent\": {\"name\": \"a\", \"vault\": {\"token\": \"x\"}}}]")
            .size());
    assertEquals(
        List.of(),
        run("polpo/agents/inline-vault", FileKind.AGENTS, "[{\"agent\": {\"name\": \"a\"}}]"));
  }

  @Test
  void providerKeys_customProviderWithoutEnvVariable_hintsAuthProfile() {
    List<Diagnostic> d =
        run(
            "polpo/providers/api-key-ignored",
            FileKind.POLPO,
            "{\"providers\": {\"ollama\": {\"apiKey\": \"x\", \"baseUrl\":"
                + " \"http://localhost:11434/v1\"}}}");
    assertTrue(d.get(0).help().contains("auth profile for it"), d.get(0).help());
  }
}
