package dev.polpocheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Protects the credential check of the resolved pass: the variables are pi-ai's (polpo-semantics.md
 * §8), an empty variable counts as unset, and multi-variable alternatives need every variable.
 */
class ProviderCredentialsTest {

  private static Environment env(Map<String, String> vars) {
    return Environment.resolved(vars, null, Map.of());
  }

  @Test
  void anthropic_oauthTokenOrApiKey_satisfies() {
    assertTrue(
        ProviderCredentials.hasEnvCredential(
            env(Map.of("ANTHROPIC_OAUTH_TOKEN", "t")), "anthropic"));
    assertTrue(
        ProviderCredentials.hasEnvCredential(env(Map.of("ANTHROPIC_API_KEY", "k")), "anthropic"));
  }

  @Test
  void anthropic_emptyKey_countsAsUnset() {
    assertFalse(
        ProviderCredentials.hasEnvCredential(env(Map.of("ANTHROPIC_API_KEY", "")), "anthropic"));
  }

  @Test
  void bedrock_accessKeyWithoutSecret_isNotEnough() {
    assertFalse(
        ProviderCredentials.hasEnvCredential(
            env(Map.of("AWS_ACCESS_KEY_ID", "a")), "amazon-bedrock"));
    assertTrue(
        ProviderCredentials.hasEnvCredential(
            env(Map.of("AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b")), "amazon-bedrock"));
  }

  @Test
  void google_usesGeminiKeyNotGoogleApiKey() {
    assertEquals(List.of(List.of("GEMINI_API_KEY")), ProviderCredentials.alternatives("google"));
  }

  @Test
  void profileOnlyProviders_haveNoVariables() {
    assertEquals(List.of(), ProviderCredentials.alternatives("openai-codex"));
    assertEquals(List.of(), ProviderCredentials.alternatives("ollama"));
    assertFalse(
        ProviderCredentials.hasEnvCredential(env(Map.of("OPENAI_API_KEY", "k")), "openai-codex"));
  }

  @Test
  void staticPass_neverHasCredential() {
    assertFalse(ProviderCredentials.hasEnvCredential(Environment.staticPass(), "anthropic"));
  }

  @Test
  void describe_listsAlternatives() {
    assertEquals(
        "ANTHROPIC_OAUTH_TOKEN or ANTHROPIC_API_KEY", ProviderCredentials.describe("anthropic"));
    assertEquals("", ProviderCredentials.describe("ollama"));
  }
}
