package dev.polpocheck.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects the inline-secret error: a key in a committed file is reported with a 0.3.x-valid hint,
 * and no part of the secret beyond its public prefix reaches any finding.
 */
class SecretLiteralRuleTest {

  private static final String KEY_BODY = "Zq9" + "x".repeat(90) + "AA";
  private static final String ANTHROPIC_KEY = "sk-ant-api03-" + KEY_BODY;

  @Test
  void literal_anthropicKeyInDocumentedProviderForm_isReportedWithEnvHint() {
    List<Finding> f =
        RuleHarness.run(
            new SecretLiteralRule(),
            FileKind.POLPO,
            "{\"providers\":{\"anthropic\":\"" + ANTHROPIC_KEY + "\"}}");
    assertEquals(1, f.size());
    assertEquals(
        Target.inString("/providers/anthropic", 0, ANTHROPIC_KEY.length()), f.get(0).target());
    assertTrue(
        f.get(0).message().contains("Anthropic API key (" + ANTHROPIC_KEY.length() + " chars"));
    assertTrue(f.get(0).help().contains("ANTHROPIC_API_KEY"), f.get(0).help());
    assertTrue(f.get(0).help().contains(".polpo/.env"));
    assertFalse(RuleHarness.text(f.get(0)).contains(KEY_BODY.substring(0, 10)));
  }

  @Test
  void literal_keyInAgentSystemPrompt_isFound() {
    String json =
        "[{\"agent\":{\"name\":\"a\",\"systemPrompt\":\"use "
            + ANTHROPIC_KEY
            + "\"},\"teamName\":\"t\"}]";
    List<Finding> f = RuleHarness.run(new SecretLiteralRule(), FileKind.AGENTS, json);
    assertEquals(
        Target.inString("/0/agent/systemPrompt", 4, 4 + ANTHROPIC_KEY.length()), f.get(0).target());
  }

  @Test
  void literal_plainValueInSecretField_isReportedWithLengthOnly() {
    String json =
        "{\"settings\":{\"notifications\":{\"channels\":{\"t\":{\"type\":\"telegram\","
            + "\"botToken\":\"my-plain-token\"}}}}}";
    List<Finding> f = RuleHarness.run(new SecretLiteralRule(), FileKind.POLPO, json);
    assertEquals(1, f.size());
    assertTrue(f.get(0).message().contains("botToken (14 chars)"), f.get(0).message());
    assertFalse(RuleHarness.text(f.get(0)).contains("my-plain-token"));
  }

  @Test
  void literal_referencesAndOrdinaryValues_pass() {
    String json =
        "{\"providers\":{\"anthropic\":\"${ANTHROPIC_API_KEY}\"},"
            + "\"settings\":{\"notifications\":{\"channels\":{\"w\":{\"type\":\"webhook\","
            + "\"url\":\"https://example.com/h\",\"headers\":{\"Authorization\":\"${HOOK_AUTH}\","
            + "\"Content-Type\":\"application/json\"}}}}}}";
    assertEquals(List.of(), RuleHarness.run(new SecretLiteralRule(), FileKind.POLPO, json));
  }

  @Test
  void literal_dollarNameInSecretField_isLeftToEnvRules() {
    String json =
        "{\"settings\":{\"notifications\":{\"channels\":{\"s\":{\"type\":\"slack\","
            + "\"apiKey\":\"$SLACK_KEY\"}}}}}";
    assertEquals(List.of(), RuleHarness.run(new SecretLiteralRule(), FileKind.POLPO, json));
    List<Finding> env = RuleHarness.run(new EnvUnsupportedSyntaxRule(), FileKind.POLPO, json);
    assertEquals("${SLACK_KEY}", env.get(0).suggestion());
  }

  @Test
  void literal_passwordWithDollar_isSecretAndNotQuotedByEnvRules() {
    String json = "{\"settings\":{\"databaseUrl\":\"postgres://u:pa$sw0rdpa55@db/x\"}}";
    assertEquals(1, RuleHarness.run(new SecretLiteralRule(), FileKind.POLPO, json).size());
    assertEquals(List.of(), RuleHarness.run(new EnvUnsupportedSyntaxRule(), FileKind.POLPO, json));
  }
}
