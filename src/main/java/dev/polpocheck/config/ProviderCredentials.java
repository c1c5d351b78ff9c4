package dev.polpocheck.config;

import java.util.List;
import java.util.Map;

/**
 * The environment variables that give a provider its credential in Polpo 0.3.x: pi-ai's {@code
 * getEnvApiKey} (polpo-semantics.md §8), not Polpo's display-only {@code PROVIDER_ENV_MAP}.
 *
 * <p>Each provider has alternatives tried in order; an alternative is satisfied when all its
 * variables are set and non-empty (JavaScript {@code ||}: an empty variable counts as unset).
 * google-vertex can also use the default ADC file in the home directory, which polpo-check never
 * reads, so its project + location alternative is accepted without the file. Providers absent here
 * (openai-codex, google-gemini-cli, google-antigravity, custom providers) have no variable: only
 * auth profiles.
 */
public final class ProviderCredentials {

  private static final Map<String, List<List<String>>> VARIABLES =
      Map.ofEntries(
          Map.entry(
              "anthropic", List.of(List.of("ANTHROPIC_OAUTH_TOKEN"), List.of("ANTHROPIC_API_KEY"))),
          Map.entry("openai", one("OPENAI_API_KEY")),
          Map.entry("azure-openai-responses", one("AZURE_OPENAI_API_KEY")),
          Map.entry("google", one("GEMINI_API_KEY")),
          Map.entry("groq", one("GROQ_API_KEY")),
          Map.entry("cerebras", one("CEREBRAS_API_KEY")),
          Map.entry("xai", one("XAI_API_KEY")),
          Map.entry("openrouter", one("OPENROUTER_API_KEY")),
          Map.entry("zai", one("ZAI_API_KEY")),
          Map.entry("mistral", one("MISTRAL_API_KEY")),
          Map.entry("minimax", one("MINIMAX_API_KEY")),
          Map.entry("minimax-cn", one("MINIMAX_CN_API_KEY")),
          Map.entry("vercel-ai-gateway", one("AI_GATEWAY_API_KEY")),
          Map.entry("huggingface", one("HF_TOKEN")),
          Map.entry("opencode", one("OPENCODE_API_KEY")),
          Map.entry("opencode-go", one("OPENCODE_API_KEY")),
          Map.entry("kimi-coding", one("KIMI_API_KEY")),
          Map.entry(
              "github-copilot",
              List.of(
                  List.of("COPILOT_GITHUB_TOKEN"), List.of("GH_TOKEN"), List.of("GITHUB_TOKEN"))),
          Map.entry(
              "google-vertex",
              List.of(
                  List.of("GOOGLE_CLOUD_API_KEY"),
                  List.of("GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION"),
                  List.of("GCLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION"))),
          Map.entry(
              "amazon-bedrock",
              List.of(
                  List.of("AWS_PROFILE"),
                  List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
                  List.of("AWS_BEARER_TOKEN_BEDROCK"),
                  List.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
                  List.of("AWS_CONTAINER_CREDENTIALS_FULL_URI"),
                  List.of("AWS_WEB_IDENTITY_TOKEN_FILE"))));

  private ProviderCredentials() {}

  /**
   * Returns the provider's alternatives, each a list of variables that must all be non-empty; empty
   * when the provider takes no credential from the environment.
   */
  public static List<List<String>> alternatives(String provider) {
    return VARIABLES.getOrDefault(provider, List.of());
  }

  /**
   * Describes the alternatives for a hint, e.g. {@code ANTHROPIC_OAUTH_TOKEN or ANTHROPIC_API_KEY},
   * or {@code AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY}; empty when none.
   */
  public static String describe(String provider) {
    StringBuilder out = new StringBuilder();
    for (List<String> alt : alternatives(provider)) {
      if (out.length() > 0) {
        out.append(" or ");
      }
      out.append(String.join(" + ", alt));
    }
    return out.toString();
  }

  /**
   * Returns whether {@code env} supplies a credential for {@code provider} (resolved pass; always
   * false in the static pass, which knows no variables).
   */
  public static boolean hasEnvCredential(Environment env, String provider) {
    for (List<String> alt : alternatives(provider)) {
      boolean all = true;
      for (String name : alt) {
        all &= env.state(name) == Environment.State.SET;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static List<List<String>> one(String name) {
    return List.of(List.of(name));
  }
}
