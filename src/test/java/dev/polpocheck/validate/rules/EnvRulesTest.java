package dev.polpocheck.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.config.EnvFile;
import dev.polpocheck.config.Environment;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Protects the three environment-reference rules users see: misplaced ${VAR}, unsupported syntax,
 * and unresolved variables in the static and resolved passes, each pointing at the ${.
 */
class EnvRulesTest {

  private static final String SLACK =
      "{\"settings\":{\"notifications\":{\"channels\":{\"ops\":{\"type\":\"slack\","
          + "\"webhookUrl\":\"%s\"}}}}}";

  private static String slack(String value) {
    return String.format(SLACK, value);
  }

  private static final String HOOK = "/settings/notifications/channels/ops/webhookUrl";

  @Test
  void notInterpolated_referenceInPlainField_isReportedAtDollar() {
    List<Finding> f =
        RuleHarness.run(
            new EnvNotInterpolatedRule(), FileKind.POLPO, "{\"project\":\"p-${TEAM}\"}");
    assertEquals(1, f.size());
    assertEquals(Target.inString("/project", 2, 9), f.get(0).target());
    assertTrue(f.get(0).message().contains("${TEAM}"));
  }

  @Test
  void notInterpolated_wholeValueInNotificationField_passes() {
    assertEquals(
        List.of(),
        RuleHarness.run(new EnvNotInterpolatedRule(), FileKind.POLPO, slack("${SLACK_HOOK}")));
  }

  @Test
  void notInterpolated_inlineInNotificationField_isReportedUsedLiterally() {
    List<Finding> f =
        RuleHarness.run(
            new EnvNotInterpolatedRule(),
            FileKind.POLPO,
            slack("https://hooks.example/${PATH_PART}"));
    assertEquals(1, f.size());
    assertTrue(f.get(0).message().contains("used literally"), f.get(0).message());
  }

  @Test
  void notInterpolated_twoReferencesFillingWholeValue_saysValueBecomesEmpty() {
    List<Finding> f =
        RuleHarness.run(new EnvNotInterpolatedRule(), FileKind.POLPO, slack("${A}${B}"));
    assertEquals(2, f.size());
    assertTrue(f.get(0).message().contains("becomes empty"), f.get(0).message());
  }

  @Test
  void notInterpolated_fieldOfOtherChannelType_isNotExpanded() {
    // telegram expands botToken and chatId, not webhookUrl
    String json =
        "{\"settings\":{\"notifications\":{\"channels\":{\"t\":{\"type\":\"telegram\","
            + "\"webhookUrl\":\"${X}\",\"botToken\":\"${TG}\"}}}}}";
    List<Finding> f = RuleHarness.run(new EnvNotInterpolatedRule(), FileKind.POLPO, json);
    assertEquals(1, f.size());
    assertEquals("/settings/notifications/channels/t/webhookUrl", f.get(0).target().pointer());
  }

  @Test
  void notInterpolated_documentedProviderStringForm_isWholeValueField() {
    assertEquals(
        List.of(),
        RuleHarness.run(
            new EnvNotInterpolatedRule(),
            FileKind.POLPO,
            "{\"providers\":{\"anthropic\":\"${ANTHROPIC_API_KEY}\",\"openai\":{\"apiKey\":\"${OPENAI_API_KEY}\"}}}"));
  }

  @Test
  void notInterpolated_agentsJsonModel_isReported() {
    List<Finding> f =
        RuleHarness.run(
            new EnvNotInterpolatedRule(),
            FileKind.AGENTS,
            "[{\"agent\":{\"name\":\"a\",\"model\":\"${MODEL}\"},\"teamName\":\"t\"}]");
    assertEquals(1, f.size());
    assertEquals("/0/agent/model", f.get(0).target().pointer());
  }

  @Test
  void unsupportedSyntax_shellDefault_warnsWithSuggestion() {
    List<Finding> f =
        RuleHarness.run(
            new EnvUnsupportedSyntaxRule(), FileKind.POLPO, slack("${HOOK:-https://x}"));
    assertEquals(1, f.size());
    assertEquals(Target.inString(HOOK, 0, 18), f.get(0).target());
    assertTrue(f.get(0).message().contains("becomes empty"), f.get(0).message());
    assertEquals("${HOOK}", f.get(0).suggestion());
    assertNull(f.get(0).severity());
  }

  @Test
  void unsupportedSyntax_dollarNameInPlainField_isReported() {
    List<Finding> f =
        RuleHarness.run(
            new EnvUnsupportedSyntaxRule(), FileKind.POLPO, "{\"project\":\"$PROJECT\"}");
    assertEquals(1, f.size());
    assertTrue(f.get(0).message().contains("literally"), f.get(0).message());
  }

  @Test
  void unsupportedSyntax_dollarNameInSystemPrompt_isProseAndPasses() {
    assertEquals(
        List.of(),
        RuleHarness.run(
            new EnvUnsupportedSyntaxRule(),
            FileKind.AGENTS,
            "[{\"agent\":{\"name\":\"a\",\"systemPrompt\":\"run echo"
                + " $HOME\"},\"teamName\":\"t\"}]"));
  }

  @Test
  void unsupportedSyntax_leadingDigitName_isInfo() {
    List<Finding> f =
        RuleHarness.run(new EnvUnsupportedSyntaxRule(), FileKind.POLPO, slack("${1HOOK}"));
    assertEquals(1, f.size());
    assertEquals(Severity.INFO, f.get(0).severity());
  }

  @Test
  void unsupportedSyntax_plainReference_passes() {
    assertEquals(
        List.of(),
        RuleHarness.run(new EnvUnsupportedSyntaxRule(), FileKind.POLPO, slack("${HOOK}")));
  }

  @Test
  void unresolved_staticPass_warnsThatItCannotCheck() {
    List<Finding> f = RuleHarness.run(new EnvUnresolvedRule(), FileKind.POLPO, slack("${HOOK}"));
    assertEquals(1, f.size());
    assertNull(f.get(0).severity());
    assertTrue(f.get(0).message().contains("static pass"));
  }

  @Test
  void unresolved_resolvedPass_reportsUnsetAndEmptyAsErrorsEachAtItsReference() {
    String json =
        "{\"settings\":{\"notifications\":{\"channels\":{"
            + "\"a\":{\"type\":\"slack\",\"webhookUrl\":\"${UNSET_HOOK}\"},"
            + "\"b\":{\"type\":\"telegram\",\"botToken\":\"${EMPTY_TOKEN}\",\"chatId\":\"${SET_CHAT}\"}}}}}";
    Environment env =
        Environment.resolved(Map.of("EMPTY_TOKEN", "", "SET_CHAT", "42"), null, Map.of());
    List<Finding> f = RuleHarness.run(new EnvUnresolvedRule(), FileKind.POLPO, json, env);
    assertEquals(2, f.size());
    assertEquals(Severity.ERROR, f.get(0).severity());
    assertTrue(f.get(0).message().contains("UNSET_HOOK is not set"), f.get(0).message());
    assertTrue(f.get(1).message().contains("EMPTY_TOKEN is set but empty"), f.get(1).message());
    assertEquals(
        Target.inString("/settings/notifications/channels/b/botToken", 0, 14), f.get(1).target());
  }

  @Test
  void unresolved_resolvedPassWithEveryVariableSet_passes() {
    Environment env =
        Environment.resolved(Map.of(), EnvFile.parse(".env", "HOOK=https://h\n"), Map.of());
    assertEquals(
        List.of(), RuleHarness.run(new EnvUnresolvedRule(), FileKind.POLPO, slack("${HOOK}"), env));
  }

  @Test
  void unresolved_resolvedValues_neverAppearInAnyFinding() {
    String canary = "canary-c4f3-value";
    String json =
        "{\"settings\":{\"notifications\":{\"channels\":{\"a\":{\"type\":\"webhook\","
            + "\"url\":\"${URL}\",\"headers\":{\"Authorization\":\"Bearer ${TOKEN}\"}}}}},"
            + "\"project\":\"${TOKEN}\"}";
    Environment env =
        Environment.resolved(Map.of("TOKEN", canary), null, Map.of("URL", canary + "-flag"));
    List<Finding> all = new java.util.ArrayList<>();
    for (dev.polpocheck.validate.Rule r : ConfigRules.all()) {
      all.addAll(RuleHarness.run(r, FileKind.POLPO, json, env));
    }
    assertFalse(all.isEmpty());
    for (Finding f : all) {
      assertFalse(RuleHarness.text(f).contains("canary"), RuleHarness.text(f));
    }
    assertFalse(env.toString().contains("canary"));
  }
}
