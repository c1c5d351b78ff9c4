package dev.polpocheck.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.config.Environment;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects the model-spec and credential findings: what Polpo 0.3.x cannot infer or resolve, dotted
 * ids, retired models, allowlist findings, and missing credentials, each with a failing and a
 * passing case.
 */
class ModelRulesTest {

  private static String orch(String spec) {
    return "{\"settings\":{\"orchestratorModel\":\"" + spec + "\"}}";
  }

  private static List<Finding> polpo(Rule rule, String json) {
    return RuleHarness.run(rule, FileKind.POLPO, json);
  }

  private static String agents(String... models) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < models.length; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"agent\":{\"name\":\"a")
          .append(i)
          .append("\",\"model\":\"")
          .append(models[i])
          .append("\"},\"teamName\":\"t\"}");
    }
    return b.append("]").toString();
  }

  @Test
  void cannotInfer_bareO3_isReportedWithExplicitForm() {
    List<Finding> f = polpo(new ModelCannotInferRule(), orch("o3"));
    assertEquals(1, f.size());
    assertEquals("Cannot infer provider for model \"o3\"", f.get(0).message());
    assertEquals("openai:o3", f.get(0).suggestion());
    assertEquals(Target.value("/settings/orchestratorModel"), f.get(0).target());
  }

  @Test
  void cannotInfer_droppedDeepseekPrefix_namesDroppedRuleAndOpenrouterForm() {
    List<Finding> f =
        RuleHarness.run(new ModelCannotInferRule(), FileKind.AGENTS, agents("deepseek-chat"));
    assertEquals(1, f.size());
    assertTrue(f.get(0).message().contains("no longer infers"), f.get(0).message());
    assertEquals("openrouter:deepseek/deepseek-chat", f.get(0).suggestion());
  }

  @Test
  void cannotInfer_droppedGlmPrefix_suggestsZai() {
    assertEquals(
        "zai:glm-4.6", polpo(new ModelCannotInferRule(), orch("glm-4.6")).get(0).suggestion());
  }

  @Test
  void cannotInfer_allowlistKey_isOnlyWarning() {
    List<Finding> f =
        polpo(new ModelCannotInferRule(), "{\"settings\":{\"modelAllowlist\":{\"o3\":{}}}}");
    assertEquals(Severity.WARNING, f.get(0).severity());
    assertEquals(Target.key("/settings/modelAllowlist/o3"), f.get(0).target());
  }

  @Test
  void cannotInfer_inferableAndExplicitSpecs_pass() {
    String json =
        "{\"settings\":{\"orchestratorModel\":{\"primary\":\"claude-sonnet-4-5\","
            + "\"fallbacks\":[\"openai:o3\",\"ollama:qwen2.5-coder:7b\"]}}}";
    assertEquals(List.of(), polpo(new ModelCannotInferRule(), json));
  }

  @Test
  void unknownAndCannotInfer_hugeSpec_messageQuotesOnlyItsStart() {
    String huge = "x".repeat(100_000);
    List<Finding> f = polpo(new ModelUnknownRule(), orch("anthropic:" + huge));
    assertEquals(1, f.size());
    assertTrue(
        f.get(0).message().startsWith("Model \"" + "x".repeat(60) + "… (100000 characters)\""),
        f.get(0).message());
    List<Finding> g = polpo(new ModelCannotInferRule(), orch(huge));
    assertEquals(1, g.size());
    assertTrue(g.get(0).message().length() < 200, g.get(0).message().substring(0, 100));
  }

  @Test
  void unknown_misspeltClaudeId_errorsWithDidYouMean() {
    List<Finding> f = polpo(new ModelUnknownRule(), orch("anthropic:claude-sonet-4-5"));
    assertEquals(1, f.size());
    assertNull(f.get(0).severity());
    assertEquals("anthropic:claude-sonnet-4-5", f.get(0).suggestion());
  }

  @Test
  void unknown_wrongCaseInferredId_suggestsCatalogCasing() {
    List<Finding> f = polpo(new ModelUnknownRule(), orch("Claude-Opus-4-6"));
    assertEquals("claude-opus-4-6", f.get(0).suggestion());
  }

  @Test
  void unknown_misspeltProvider_suggestsProvider() {
    List<Finding> f = polpo(new ModelUnknownRule(), orch("antropic:claude-opus-4-6"));
    assertEquals("anthropic:claude-opus-4-6", f.get(0).suggestion());
  }

  @Test
  void unknown_deepseekProviderWithoutEntry_explainsCustomProvider() {
    List<Finding> f = polpo(new ModelUnknownRule(), orch("deepseek:deepseek-chat"));
    assertTrue(f.get(0).help().contains("api.deepseek.com"), f.get(0).help());
  }

  @Test
  void unknown_customProviderWithEntry_passesInPolpoJson() {
    String json =
        "{\"settings\":{\"orchestratorModel\":\"ollama:qwen2.5-coder:7b\"},"
            + "\"providers\":{\"ollama\":{\"baseUrl\":\"http://localhost:11434/v1\"}}}";
    assertEquals(List.of(), polpo(new ModelUnknownRule(), json));
  }

  @Test
  void unknown_claudeNewerThanPiAi062_isError() {
    // pi-ai 0.62.0's anthropic ids stop at claude-opus-4-6 / claude-sonnet-4-6: getModel misses
    // and resolveModel throws "Model not found" (pi-client.ts:283-289 @ polpo-zhc 898e166).
    List<Finding> f = polpo(new ModelUnknownRule(), orch("anthropic:claude-opus-4-7"));
    assertEquals(1, f.size(), f.toString());
    assertEquals(null, f.get(0).severity(), "default severity: error");
    assertEquals(
        "Model \"claude-opus-4-7\" not found for provider \"anthropic\" in pi-ai 0.62.0's catalog",
        f.get(0).message());
  }

  @Test
  void unknown_openAiIdOutsidePiAi_isReportedWithoutSuggestion() {
    // The whole pi-ai 0.62.0 catalog ships, so any miss is reported; no id is close enough here.
    List<Finding> f = polpo(new ModelUnknownRule(), orch("openai:text-embedding-3-large"));
    assertEquals(1, f.size(), f.toString());
    assertEquals(null, f.get(0).suggestion());
    assertEquals("run `polpo models list openai` for the ids Polpo knows", f.get(0).help());
  }

  @Test
  void unknown_knownModels_pass() {
    assertEquals(
        List.of(), polpo(new ModelUnknownRule(), orch("anthropic/claude-sonnet-4-5-20250929")));
    assertEquals(List.of(), polpo(new ModelUnknownRule(), orch("gpt-4o")));
  }

  @Test
  void dottedId_claudeWithDots_suggestsHyphens() {
    List<Finding> f = polpo(new ModelDottedIdRule(), orch("anthropic/claude-opus-4.6"));
    assertEquals("anthropic/claude-opus-4-6", f.get(0).suggestion());
    assertEquals(List.of(), polpo(new ModelUnknownRule(), orch("anthropic/claude-opus-4.6")));
  }

  @Test
  void dottedId_unresolvedIsError_throughAProvidersEntryAZeroCostWarning() {
    // No providers entry: resolveModel ends in throw new Error("Model ... not found")
    // (polpo-zhc src/llm/pi-client.ts:283-289), so the rule's default severity (error) applies.
    Finding alone = polpo(new ModelDottedIdRule(), orch("anthropic/claude-opus-4.6")).get(0);
    assertNull(alone.severity());
    // With an anthropic override the orchestrator builds a zero-cost custom model instead
    // (the catalog-miss-shadowed case): it runs, so a warning.
    String json =
        "{\"settings\":{\"orchestratorModel\":\"anthropic:claude-opus-4.6\"},"
            + "\"providers\":{\"anthropic\":{\"baseUrl\":\"https://proxy.example\"}}}";
    assertEquals(Severity.WARNING, polpo(new ModelDottedIdRule(), json).get(0).severity());
  }

  @Test
  void dottedId_openAiDottedId_passes() {
    assertEquals(List.of(), polpo(new ModelDottedIdRule(), orch("openai:gpt-4.1")));
  }

  @Test
  void retired_claude35Sonnet_isReported() {
    List<Finding> f = polpo(new ModelRetiredRule(), orch("claude-3-5-sonnet-20241022"));
    assertEquals(1, f.size());
    assertTrue(f.get(0).message().contains("retired"));
    assertEquals(List.of(), polpo(new ModelRetiredRule(), orch("claude-sonnet-4-5")));
  }

  @Test
  void shadowed_overrideWithMisspeltId_isReported() {
    String json =
        "{\"settings\":{\"orchestratorModel\":\"anthropic:claude-opus-4.6\"},"
            + "\"providers\":{\"anthropic\":{\"baseUrl\":\"https://proxy.example\"}}}";
    List<Finding> f = polpo(new ModelCatalogMissShadowedRule(), json);
    assertEquals(1, f.size());
    assertTrue(f.get(0).message().contains("zero-cost openai-completions"), f.get(0).message());
  }

  @Test
  void shadowed_overrideWithCatalogId_passes() {
    String json =
        "{\"settings\":{\"orchestratorModel\":\"anthropic:claude-opus-4-6\"},"
            + "\"providers\":{\"anthropic\":{\"baseUrl\":\"https://proxy.example\"}}}";
    assertEquals(List.of(), polpo(new ModelCatalogMissShadowedRule(), json));
  }





  @Test
  void allowlistNotEnforced_nonEmptyAllowlist_isReportedAtKey() {
    List<Finding> f =
        polpo(
            new ModelAllowlistNotEnforcedRule(),
            "{\"settings\":{\"modelAllowlist\":{\"a:b\":{}}}}");
    assertEquals(Target.key("/settings/modelAllowlist"), f.get(0).target());
    assertEquals(List.of(), polpo(new ModelAllowlistNotEnforcedRule(), "{\"settings\":{}}"));
  }

  @Test
  void noCredentials_resolvedPassWithoutKeyOrProfile_errorsOncePerProvider() {
    String json =
        "{\"settings\":{\"orchestratorModel\":{\"primary\":\"claude-opus-4-6\","
            + "\"fallbacks\":[\"claude-sonnet-4-5\"]}},\"providers\":{\"anthropic\":\"sk-x\"}}";
    Environment env = Environment.resolved(Map.of("ANTHROPIC_API_KEY", ""), null, Map.of());
    List<Finding> f = RuleHarness.run(new ModelNoCredentialsRule(), FileKind.POLPO, json, env);
    assertEquals(1, f.size());
    assertEquals(Severity.ERROR, f.get(0).severity());
    assertTrue(f.get(0).help().contains("not a credential source"), f.get(0).help());
  }

  @Test
  void noCredentials_profileOrKeyOrStaticPass_passes() {
    String json = orch("claude-opus-4-6");
    Environment withKey = Environment.resolved(Map.of("ANTHROPIC_API_KEY", "k"), null, Map.of());
    Environment withProfile =
        Environment.resolved(Map.of(), null, Map.of()).withAuthProfiles(Set.of("anthropic"));
    assertEquals(
        List.of(), RuleHarness.run(new ModelNoCredentialsRule(), FileKind.POLPO, json, withKey));
    assertEquals(
        List.of(),
        RuleHarness.run(new ModelNoCredentialsRule(), FileKind.POLPO, json, withProfile));
    assertEquals(List.of(), polpo(new ModelNoCredentialsRule(), json));
  }

  @Test
  void noCredentialSource_customProviderWithoutProfile_isReported() {
    String json = "{\"providers\":{\"ollama\":{\"baseUrl\":\"http://localhost:11434/v1\"}}}";
    List<Finding> f = polpo(new ProvidersNoCredentialSourceRule(), json);
    assertEquals(Target.key("/providers/ollama"), f.get(0).target());
    Environment env = Environment.staticPass().withAuthProfiles(Set.of("ollama"));
    assertEquals(
        List.of(),
        RuleHarness.run(new ProvidersNoCredentialSourceRule(), FileKind.POLPO, json, env));
  }

  @Test
  void notAppliedToAgents_customProviderAndBaseUrlOverride_warn(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("polpo.json"),
        "{\"providers\":{\"ollama\":{\"baseUrl\":\"http://localhost:11434/v1\"},"
            + "\"anthropic\":{\"baseUrl\":\"https://proxy.example\"}}}");
    Path agentsFile = dir.resolve("agents.json");
    List<Finding> f =
        RuleHarness.run(
            new ProvidersNotAppliedToAgentsRule(),
            FileKind.AGENTS,
            agents("ollama:llama3", "claude-sonnet-4-5", "openai:gpt-4o"),
            Environment.staticPass(),
            agentsFile);
    assertEquals(2, f.size());
    assertEquals("/0/agent/model", f.get(0).target().pointer());
    assertEquals("/1/agent/model", f.get(1).target().pointer());
  }

  @Test
  void notAppliedToAgents_noSiblingPolpoJson_passes(@TempDir Path dir) {
    assertEquals(
        List.of(),
        RuleHarness.run(
            new ProvidersNotAppliedToAgentsRule(),
            FileKind.AGENTS,
            agents("claude-sonnet-4-5"),
            Environment.staticPass(),
            dir.resolve("agents.json")));
  }

  @Test
  void cannotInfer_credentialPastedAsModel_isLeftToSecretRuleAndNotQuoted() {
    String json = agents("sk-ant-api03-" + "CANARY7f3a9");
    assertEquals(List.of(), RuleHarness.run(new ModelCannotInferRule(), FileKind.AGENTS, json));
  }


}
