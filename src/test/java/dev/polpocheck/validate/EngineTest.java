package dev.polpocheck.validate;

import static dev.polpocheck.validate.RuleTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.config.Environment;
import dev.polpocheck.json.JsonDocument;
import dev.polpocheck.json.JsonReader;
import dev.polpocheck.json.Span;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Protects the engine's promises: every finding points at the exact key or value, schema errors
 * read as one clear sentence (best branch only for oneOf), duplicate keys and broken files are
 * reported the way Polpo would treat them, and users can disable or re-level rules.
 */
class EngineTest {

  @Test
  void unknownKey_typo_pointsAtKeyWithDidYouMean() {
    List<Diagnostic> d =
        run(
            "polpo/config/unknown-key",
            FileKind.POLPO,
            "{\n  \"settings\": {\n    \"maxRetires\": 3\n  }\n}");
    assertEquals(1, d.size());
    // Line 3 `    "maxRetires": 3`: key from column 5, 12 characters with quotes → end 17.
    assertEquals(3, d.get(0).line());
    assertEquals(5, d.get(0).column());
    assertEquals(17, d.get(0).endColumn());
    assertEquals("maxRetries", d.get(0).suggestion());
    assertEquals("unknown key \"maxRetires\" in settings", d.get(0).message());
    assertEquals(Severity.WARNING, d.get(0).severity());
  }

  @Test
  void unknownKey_nothingClose_listsValidKeysWhenFew() {
    List<Diagnostic> d =
        run(
            "polpo/config/unknown-key",
            FileKind.POLPO,
            "{\"settings\": {\"defaultRetryPolicy\": {\"zzz\": 1}}}");
    assertTrue(d.get(0).help().startsWith("valid keys here: \"escalateAfter\""), d.get(0).help());
  }

  @Test
  void wrongTypes_everywhere_oneFindingEachAtTheValue() {
    List<Diagnostic> d =
        run(
            FileKind.POLPO,
            "{\"project\": 1, \"settings\": {\"maxRetries\":"
                + " \"3\", \"autoCorrectExpectations\": \"yes\", \"orchestratorSkills\": \"x\"},"
                + " \"providers\": []}");
    assertEquals(5, d.size(), d.toString());
    for (Diagnostic x : d) {
      assertEquals("polpo/schema/invalid", x.rule());
      assertTrue(x.message().contains(" must be "), x.message());
    }
    Diagnostic retries =
        d.stream()
            .filter(x -> x.pointer().equals("/settings/maxRetries"))
            .findFirst()
            .orElseThrow();
    assertEquals("settings.maxRetries must be an integer, not a string", retries.message());
    assertEquals("write the number without quotes", retries.help());
    Diagnostic skills =
        d.stream()
            .filter(x -> x.pointer().equals("/settings/orchestratorSkills"))
            .findFirst()
            .orElseThrow();
    assertEquals("wrap the value in [ ] to make a list", skills.help());
  }

  @Test
  void oneOf_providerOfWrongType_reportsOneFindingNotBranchWall() {
    List<Diagnostic> d = run(FileKind.POLPO, "{\"providers\": {\"anthropic\": 42}}");
    assertEquals(1, d.size(), d.toString());
    assertEquals(
        "providers.anthropic must be an object or a string, not an integer", d.get(0).message());
  }

  @Test
  void oneOf_objectBranch_reportsOnlyThatBranchsErrors() {
    List<Diagnostic> d =
        run(
            FileKind.POLPO,
            "{\"providers\": {\"anthropic\": {\"baseUrl\": \"http://localhost:11434/v1\","
                + " \"modles\": []}}}");
    assertEquals(1, d.size(), d.toString());
    assertEquals("polpo/config/unknown-key", d.get(0).rule());
    assertEquals("models", d.get(0).suggestion());
  }

  @Test
  void oneOf_discriminatorTypo_reportsTypeWithSuggestion() {
    List<Diagnostic> d =
        run(
            FileKind.POLPO,
            "{\"settings\": {\"notifications\": {\"channels\": {\"ops\": {\"type\": \"slak\","
                + " \"webhookUrl\": \"https://hooks.example/x\"}}, \"rules\": []}}}");
    assertEquals(1, d.size(), d.toString());
    assertEquals("/settings/notifications/channels/ops/type", d.get(0).pointer());
    assertEquals("slack", d.get(0).suggestion());
  }

  @Test
  void required_missingKey_pointsAtParentKey() {
    List<Diagnostic> d = run(FileKind.TEAMS, "[\n  {\"description\": \"x\"}\n]");
    assertEquals(1, d.size());
    assertEquals("polpo/schema/required", d.get(0).rule());
    assertEquals("missing required key \"name\" in [0]", d.get(0).message());
    // An array item has no key: the caret goes to its opening brace at 2:3.
    assertEquals(2, d.get(0).line());
    assertEquals(3, d.get(0).column());
    assertEquals(4, d.get(0).endColumn());
  }

  @Test
  void duplicateKeys_reportsEachWithBothLines() {
    List<Diagnostic> d =
        run(
            "polpo/config/duplicate-key",
            FileKind.POLPO,
            "{\n \"project\": \"a\",\n \"project\": \"b\",\n \"project\": \"c\"\n}");
    assertEquals(2, d.size());
    assertEquals(
        "duplicate key \"project\" in the top level; Polpo uses the last value (line 3),"
            + " this one (line 2) is ignored",
        d.get(0).message());
    assertEquals(2, d.get(0).line());
    assertEquals(3, d.get(1).line());
  }

  @Test
  void byteOrderMark_reportedAsUnparsableButFileStillChecked() {
    List<Diagnostic> d = run(FileKind.POLPO, "\uFEFF{\"settings\": {\"logLevel\": \"x\"}}");
    assertEquals("polpo/config/unparsable", d.get(0).rule());
    assertTrue(d.get(0).message().contains("byte-order mark"));
    assertTrue(d.stream().anyMatch(x -> x.rule().equals("polpo/settings/log-level")));
  }

  @Test
  void unparsableAgentsJson_saysPolpoLoadsZeroAgents() {
    List<Diagnostic> d = run(FileKind.AGENTS, "[{\"agent\": {\"name\": \"a\"}},]");
    assertEquals(1, d.size());
    assertEquals("polpo/config/unparsable", d.get(0).rule());
    assertTrue(d.get(0).message().contains("zero agents"), d.get(0).message());
    assertTrue(d.get(0).message().contains("would not tell you"), d.get(0).message());
    assertEquals(1, d.get(0).line());
  }

  @Test
  void emptyPolpoJson_isUnparsableWithConsequence() {
    List<Diagnostic> d = run(FileKind.POLPO, "");
    assertTrue(d.get(0).message().contains("No configuration found"), d.get(0).message());
  }

  @Test
  void ruleConfig_disableAndRelevel_applyToEngineAndRuleFindings() {
    String json = "{\"org\": \"x\", \"settings\": {\"maxRetires\": 1}}";
    RuleConfig cfg =
        new RuleConfig(
            Set.of("polpo/config/unknown-key"), Map.of("polpo/config/org-key", Severity.ERROR));
    Validator v =
        new Validator(
            new Schemas(), Rules.checks(), cfg, Environment.staticPass(), RuleTesting.CLOCK);
    List<Diagnostic> d = v.validateText("polpo.json", FileKind.POLPO, json).diagnostics();
    assertEquals(1, d.size(), d.toString());
    assertEquals("polpo/config/org-key", d.get(0).rule());
    assertEquals(Severity.ERROR, d.get(0).severity());
  }

  @Test
  void locator_inStringTarget_accountsForEscapes() {
    // Source `{"u": "a\"b${X}"}`: the value's quote is at offset 6; decoded "a\"b${X}" has
    // `${` at decoded index 3, which is source offset 6 + 1 + 4 (a, \, ", b) = 11 → column 12.
    JsonDocument doc = JsonReader.parse("p.json", "{\"u\": \"a\\\"b${X}\"}");
    Span s = Locator.locate(doc, Target.inString("/u", 3, 7));
    assertEquals(12, s.column());
    assertEquals(16, s.endColumn());
  }

  @Test
  void locator_missingPointer_fallsBackToNearestAncestor() {
    JsonDocument doc = JsonReader.parse("p.json", "{\"settings\": {}}");
    assertEquals(2, Locator.locate(doc, Target.key("/settings/nope")).column());
  }

  @Test
  void secrets_schemaSecretField_isMaskedButWholeReferenceIsNot() {
    Validator v = Validator.withDefaults(RuleTesting.CLOCK);
    FileResult r =
        v.validateText(
            "polpo.json",
            FileKind.POLPO,
            "{\"providers\": {\"anthropic\": \"sk-ant-x\", \"openai\": \"${OPENAI_API_KEY}\"}}");
    assertEquals(1, r.secretRanges().size());
    assertEquals(
        "\"sk-ant-x\"", r.text().substring(r.secretRanges().get(0)[0], r.secretRanges().get(0)[1]));
  }

  @Test
  void validFiles_produceNoFindings() {
    assertEquals(
        List.of(),
        run(
                FileKind.AUTH_PROFILES,
                "{\"version\": 1, \"profiles\": {\"anthropic:me@example.com\": {\"provider\":"
                    + " \"anthropic\", \"type\": \"oauth\", \"access\": \"tok\", \"refresh\":"
                    + " \"ref\", \"expires\": 1893456000000}}}")
            .stream()
            .filter(
                x ->
                    x.rule().startsWith("polpo/schema")
                        || x.rule().equals("polpo/config/unknown-key"))
            .toList());
    assertFalse(
        run(FileKind.TEAMS, "[{\"name\": \"t\", \"agents\": []}]").stream()
            .anyMatch(x -> x.severity() == Severity.ERROR));
  }

  @Test
  void checkedByRule_authProfileConstraint_reportedOnceByTheLintRule() {
    List<Diagnostic> d =
        run(
            FileKind.AUTH_PROFILES,
            "{\"version\": 1, \"profiles\": {\"anthropic:me\": {\"provider\": \"anthropic\","
                + " \"type\": \"bearer\", \"access\": \"tok\"}}}");
    List<Diagnostic> atType = d.stream().filter(x -> x.pointer().endsWith("/type")).toList();
    assertEquals(1, atType.size(), d.toString());
    assertEquals("polpo/auth/type", atType.get(0).rule());
  }

  @Test
  void wrongType_withEnum_givesOnlyTheTypeFinding() {
    List<Diagnostic> d = run(FileKind.POLPO, "{\"settings\": {\"logLevel\": 3}}");
    assertEquals(1, d.size(), d.toString());
    assertEquals(
        "settings.logLevel must be a string, not an integer; Polpo refuses to start"
            + " with any other value",
        d.get(0).message());
  }
}
