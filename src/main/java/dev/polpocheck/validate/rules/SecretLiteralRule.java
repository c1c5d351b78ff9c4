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

/**
 * {@code polpo/secret/literal}: a credential written into a committed Polpo file. Findings give the
 * kind, length and public prefix only, never the secret.
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
