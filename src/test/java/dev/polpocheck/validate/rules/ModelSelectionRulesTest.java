package dev.polpocheck.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.config.Environment;
import dev.polpocheck.validate.Diagnostic;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.PolpoTarget;
import dev.polpocheck.validate.RuleConfig;
import dev.polpocheck.validate.Rules;
import dev.polpocheck.validate.Schemas;
import dev.polpocheck.validate.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Protects upstream's model-selection checks: each case mirrors one of lumea-labs/polpo {@code
 * packages/core/src/__tests__/model-profiles.test.ts} @22d8b1e (what resolveModelProfileSelection
 * accepts or throws), applied to a project.json's settings; and shows the same selections are not
 * judged under Polpo 0.3.x, whose rules know no profiles.
 */
class ModelSelectionRulesTest {
  private static final Validator UPSTREAM =
      new Validator(
          new Schemas(),
          Rules.checks(),
          RuleConfig.DEFAULTS,
          Environment.staticPass(),
          Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC),
          PolpoTarget.UPSTREAM);

  private static List<String> findings(String settings) {
    List<Diagnostic> all =
        UPSTREAM
            .validateText("project.json", FileKind.PROJECT, "{\"settings\": " + settings + "}")
            .diagnostics();
    return all.stream().map(d -> d.rule() + " " + d.pointer()).collect(Collectors.toList());
  }

  @Test
  void nestedProfilesAndMixedFallbacks_resolve_noFinding() {
    // "flattens nested profiles and mixed direct/profile fallbacks in order".
    assertEquals(
        List.of(),
        findings(
            "{\"modelProfiles\": {"
                + "\"balanced\": {\"primary\": \"anthropic/claude-sonnet-4\","
                + " \"fallbacks\": [{\"profile\": \"fast\"}]},"
                + "\"fast\": \"openai/gpt-4o-mini\","
                + "\"emergency\": {\"primary\": \"google/gemini-2.5-flash\","
                + " \"fallbacks\": [\"local/qwen\"]}},"
                + "\"orchestratorModel\": {\"primary\": {\"profile\": \"balanced\"},"
                + " \"fallbacks\": [\"local/qwen\", {\"profile\": \"emergency\"}]}}"));
  }

  @Test
  void directAndIndirectCycles_reportedWhereTheyClose() {
    // "rejects direct and indirect cycles": a -> a; a -> b -> c -> a. Each profile of the cycle
    // is broken, so each definition's closing reference is reported once.
    assertEquals(
        List.of("polpo/model/profile-cycle /settings/modelProfiles/a/profile"),
        findings("{\"modelProfiles\": {\"a\": {\"profile\": \"a\"}}}"));
    List<String> three =
        findings(
            "{\"modelProfiles\": {\"a\": {\"profile\": \"b\"}, \"b\": {\"profile\": \"c\"},"
                + " \"c\": {\"profile\": \"a\"}}}");
    assertEquals(3, three.size(), three.toString());
    assertTrue(
        three.stream().allMatch(f -> f.startsWith("polpo/model/profile-cycle")), three.toString());
  }

  @Test
  void unknownProfile_reported() {
    // "rejects missing profiles with a typed error" (UNKNOWN_PROFILE).
    assertEquals(
        List.of("polpo/model/profile-unknown /settings/orchestratorModel/profile"),
        findings("{\"modelProfiles\": {}, \"orchestratorModel\": {\"profile\": \"missing\"}}"));
  }

  @Test
  void malformedOrAmbiguousReferences_invalid() {
    // "rejects malformed or ambiguous references": {profile, primary}, an extra key, "UPPER".
    assertEquals(
        List.of("polpo/model/selection-invalid /settings/orchestratorModel"),
        findings("{\"orchestratorModel\": {\"profile\": \"fast\", \"primary\": \"openai/x\"}}"));
    assertEquals(
        List.of("polpo/model/selection-invalid /settings/orchestratorModel/arbitrary"),
        findings("{\"orchestratorModel\": {\"primary\": \"openai/x\", \"arbitrary\": true}}"));
    assertEquals(
        List.of("polpo/model/selection-invalid /settings/orchestratorModel/profile"),
        findings("{\"orchestratorModel\": {\"profile\": \"UPPER\"}}"));
  }

  @Test
  void depthOver16_reported() {
    // DEFAULT_MODEL_PROFILE_MAX_DEPTH = 16: p0 -> p1 -> ... -> p17 puts a 17th name on the path.
    StringBuilder reg = new StringBuilder("{\"modelProfiles\": {");
    for (int i = 0; i < 17; i++) {
      reg.append("\"p").append(i).append("\": {\"profile\": \"p").append(i + 1).append("\"},");
    }
    reg.append("\"p17\": \"openai/gpt-4o-mini\"}}");
    List<String> f = findings(reg.toString());
    assertTrue(
        f.contains("polpo/model/profile-depth /settings/modelProfiles/p15/profile"), f.toString());
    assertTrue(f.stream().allMatch(x -> x.startsWith("polpo/model/profile-depth")), f.toString());
  }

  @Test
  void fallbacksCountAfterDeduplication() {
    // "never silently truncates": 4 distinct fallbacks > MAX_MODEL_FALLBACKS (3).
    assertEquals(
        List.of("polpo/model/too-many-fallbacks /settings/modelProfiles/wide"),
        findings(
            "{\"modelProfiles\": {\"wide\": {\"primary\": \"model/1\","
                + " \"fallbacks\": [\"model/2\", \"model/3\", \"model/4\", \"model/5\"]}}}"));
    // "deduplicates expanded models": a duplicate of the primary does not count.
    assertEquals(
        List.of(),
        findings(
            "{\"modelProfiles\": {\"ok\": {\"primary\": \"model/1\","
                + " \"fallbacks\": [\"model/1\", \"model/2\", \"model/3\", \"model/4\"]}}}"));
  }

  @Test
  void allowedProfiles_rootOnly_nestedInheritsGrant() {
    // "keeps nested profile dependencies behind the granted root profile" (agents.json entry).
    String agents =
        "[{\"name\": \"a\", \"model\": {\"profile\": \"%s\"},"
            + " \"allowedModelProfiles\": [\"balanced\"]}]";
    List<Diagnostic> ok =
        UPSTREAM
            .validateText("agents.json", FileKind.AGENTS, String.format(agents, "balanced"))
            .diagnostics();
    assertEquals(List.of(), ok);
    List<Diagnostic> denied =
        UPSTREAM
            .validateText("agents.json", FileKind.AGENTS, String.format(agents, "fast"))
            .diagnostics();
    assertEquals(1, denied.size(), denied.toString());
    assertEquals("polpo/model/profile-not-allowed", denied.get(0).rule());
    assertEquals("/0/model/profile", denied.get(0).pointer());
  }

  @Test
  void polpo03_knowsNoProfiles_upstreamRulesDoNotRun() {
    Validator old =
        new Validator(
            new Schemas(),
            Rules.checks(),
            RuleConfig.DEFAULTS,
            Environment.staticPass(),
            Clock.systemUTC());
    List<Diagnostic> d =
        old.validateText(
                "polpo.json",
                FileKind.POLPO,
                "{\"settings\": {\"orchestratorModel\": {\"profile\": \"a\"}}}")
            .diagnostics();
    assertTrue(d.stream().noneMatch(x -> x.rule().startsWith("polpo/model/profile")), d.toString());
  }
}
