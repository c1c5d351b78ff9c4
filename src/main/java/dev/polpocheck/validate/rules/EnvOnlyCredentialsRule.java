package dev.polpocheck.validate.rules;

import dev.polpocheck.config.Environment;
import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.PolpoTarget;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code polpo/credentials/env-only}: upstream reads LLM credentials from the environment only.
 *
 * <p>{@code settings.gateway} names the variable that holds the key ({@code apiKeyEnv}, "The key
 * itself is NOT stored in config": lumea-labs/polpo {@code
 * packages/core/src/types/config.ts} @0252b9f), and {@code ProviderConfig} has only {@code
 * baseUrl}, {@code api} and {@code models}. So a key written into the file is never used and sits
 * in the repository; an {@code apiKeyEnv} that is not a variable name is usually the key itself
 * pasted there. In the resolved pass the variable {@code apiKeyEnv} names must be set.
 */
final class EnvOnlyCredentialsRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/credentials/env-only",
          Severity.ERROR,
          "Credential written into the project config, which upstream reads only from the"
              + " environment",
          "Upstream Polpo takes the gateway key from the environment variable that"
              + " settings.gateway.apiKeyEnv names (for the Vercel AI Gateway usually"
              + " AI_GATEWAY_API_KEY) and has no key field for providers. A key in the file is"
              + " ignored and is a secret committed to the repository; an apiKeyEnv that is not a"
              + " variable name makes the gateway call unauthenticated. Under --require-env,"
              + " --env or --env-file the named variable must be set.",
          FileKind.PROJECT,
          FileKind.POLPO);

  private static final Pattern VAR_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)}");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<PolpoTarget> targets() {
    return Set.of(PolpoTarget.UPSTREAM);
  }

  @Override
  public void check(RuleContext ctx) {
    JsonNode gateway = ctx.root().path("settings").path("gateway");
    if (gateway.isObject()) {
      inline(ctx, gateway, "/settings/gateway", "apiKey");
      JsonNode env = gateway.get("apiKeyEnv");
      if (env != null && env.isString()) {
        apiKeyEnv(ctx, env.asString());
      }
    }
    JsonNode providers = ctx.root().path("providers");
    if (providers.isObject()) {
      for (Map.Entry<String, JsonNode> e : providers.properties()) {
        if (e.getValue().isObject()) {
          inline(ctx, e.getValue(), PositionIndex.child("/providers", e.getKey()), "apiKey");
        }
      }
    }
  }

  private static void inline(RuleContext ctx, JsonNode holder, String base, String key) {
    JsonNode v = holder.get(key);
    if (v == null) {
      return;
    }
    String at = PositionIndex.child(base, key);
    boolean reference = v.isString() && REFERENCE.matcher(v.asString()).matches();
    if (reference) {
      ctx.report(
          Finding.of(
                  Target.key(at),
                  "\""
                      + key
                      + "\" is not read by upstream Polpo; credentials come from the environment"
                      + " only",
                  base.equals("/settings/gateway")
                      ? "write \"apiKeyEnv\": \"" + referenced(v.asString()) + "\" instead"
                      : "remove it and set the provider's key in the environment")
              .withSeverity(Severity.WARNING));
      return;
    }
    ctx.markSecret(at);
    ctx.report(
        Target.key(at),
        "a literal credential in \""
            + key
            + "\" is never read by upstream Polpo (credentials come from the environment only)"
            + " and is a secret committed to the repository",
        "remove it, rotate the key, and put it in an environment variable"
            + (base.equals("/settings/gateway") ? " named by \"apiKeyEnv\"" : ""));
  }

  private static String referenced(String reference) {
    java.util.regex.Matcher m = REFERENCE.matcher(reference);
    return m.matches() ? m.group(1) : "";
  }

  private static void apiKeyEnv(RuleContext ctx, String name) {
    String at = "/settings/gateway/apiKeyEnv";
    if (!VAR_NAME.matcher(name).matches()) {
      // Most likely the key itself: mask it and never echo it.
      ctx.markSecret(at);
      ctx.report(
          Target.value(at),
          "apiKeyEnv must name an environment variable (letters, digits, _); this value is not"
              + " a variable name, so the gateway gets no key",
          "set it to the variable's name, e.g. AI_GATEWAY_API_KEY, and rotate the key if this"
              + " was the key itself");
      return;
    }
    Environment.State state = ctx.environment().state(name);
    if (state == Environment.State.UNSET || state == Environment.State.EMPTY) {
      ctx.report(
          Target.value(at),
          "the gateway key variable "
              + name
              + (state == Environment.State.EMPTY ? " is empty" : " is not set")
              + "; upstream Polpo reads the gateway key only from it",
          "export " + name + " (or pass it with --env-file)");
    }
  }
}
