package dev.polpocheck.validate.rules;

import dev.polpocheck.config.ProviderCredentials;
import dev.polpocheck.config.SecretScanner;
import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * {@code polpo/secret/literal}: a credential written into a committed Polpo file, as a value or as
 * an object key (an agent name, a provider or model-allowlist key pasted from the clipboard).
 * Findings give the kind, length and public prefix only, never the secret.
 */
final class SecretLiteralRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/secret/literal",
          Severity.ERROR,
          "Credential written inline in polpo.json, agents.json or teams.json",
          "These files are committed, so a key in them is leaked to everyone with the "
              + "repository and its history. polpo-check recognises Anthropic API keys and OAuth "
              + "tokens, OpenAI, OpenRouter, Google, Groq, xAI, Hugging Face, GitHub, Slack and "
              + "AWS credentials, Telegram bot tokens, database URLs with passwords, and any "
              + "literal value in a secret field (apiKey, botToken, Authorization headers). In "
              + "Polpo 0.3.x provider keys come only from the environment (the shell, or a "
              + "git-ignored .polpo/.env that Polpo loads) or from an auth profile in "
              + "~/.polpo/auth-profiles.json; notification secrets can be written as \"${NAME}\". "
              + "Rotate a key that was ever committed.",
          FileKind.POLPO,
          FileKind.AGENTS,
          FileKind.TEAMS);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    ConfigView.eachString(
        ctx.root(),
        "",
        (pointer, value) -> {
          List<SecretScanner.Match> matches = SecretScanner.scan(value);
          boolean secretField = ConfigView.isSecretField(pointer) && isLiteral(value);
          if (!matches.isEmpty() || secretField) {
            // Code frames of every output format mask this value from now on.
            ctx.markSecret(pointer);
          }
          for (SecretScanner.Match m : matches) {
            ctx.report(
                Target.inString(pointer, m.start(), m.end()),
                "inline " + m.describe() + " in a committed file",
                help(SecretScanner.provider(m.kind())));
          }
          if (matches.isEmpty() && secretField) {
            ctx.report(
                Target.value(pointer),
                "literal value in secret field "
                    + PositionIndex.lastToken(pointer)
                    + " ("
                    + value.length()
                    + " chars) in a committed file",
                help(providerOf(pointer)));
          }
        });
    eachKey(
        ctx.root(),
        "",
        pointer -> {
          String key = PositionIndex.lastToken(pointer);
          for (SecretScanner.Match m : SecretScanner.scan(key)) {
            ctx.report(
                Target.key(pointer),
                "inline " + m.describe() + " used as an object key in a committed file",
                help(SecretScanner.provider(m.kind())));
          }
        });
  }

  /** Visits the pointer of every object member, keys being where a pasted secret can also land. */
  private static void eachKey(JsonNode node, String pointer, Consumer<String> visit) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String child = PositionIndex.child(pointer, e.getKey());
        visit.accept(child);
        eachKey(e.getValue(), child, visit);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        eachKey(node.get(i), PositionIndex.child(pointer, i), visit);
      }
    }
  }

  // Empty values and whole ${NAME} references are not literal secrets.
  private static boolean isLiteral(String value) {
    return !value.isBlank() && !ConfigView.isReferenceAttempt(value);
  }

  private static String providerOf(String pointer) {
    if (pointer.startsWith("/providers/")) {
      String rest = pointer.substring("/providers/".length());
      int slash = rest.indexOf('/');
      return PositionIndex.lastToken("/" + (slash < 0 ? rest : rest.substring(0, slash)));
    }
    return "";
  }

  private static String help(String provider) {
    String vars = ProviderCredentials.describe(provider);
    String env =
        vars.isEmpty()
            ? "write \"${NAME}\" as the whole value (notification fields) and set NAME in the "
                + "environment or a git-ignored .polpo/.env"
            : "set "
                + vars
                + " in the environment or a git-ignored .polpo/.env, or log in with "
                + "`polpo auth login "
                + provider
                + "` (auth profile in ~/.polpo/auth-profiles.json)";
    return "remove it and rotate it (it may already be in git history); " + env;
  }
}
