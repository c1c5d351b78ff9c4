package dev.polpocheck.validate.rules;

import dev.polpocheck.config.Environment;
import dev.polpocheck.config.ProviderCredentials;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code polpo/model/no-credentials}: in the resolved pass, a used model's provider has neither an
 * environment credential nor an auth profile.
 */
final class ModelNoCredentialsRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/model/no-credentials",
          Severity.ERROR,
          "Provider of a used model has no credential (resolved pass)",
          "Polpo 0.3.x takes a provider's key from the environment (pi-ai's variables, e.g. "
              + "ANTHROPIC_OAUTH_TOKEN or ANTHROPIC_API_KEY; an empty variable counts as unset; "
              + ".polpo/.env is loaded into the environment) and otherwise from an auth profile "
              + "in ~/.polpo/auth-profiles.json. A providers entry in polpo.json is not a "
              + "credential source: its apiKey is ignored since Polpo 0.3. Without either, every "
              + "call fails with \"No API key for provider\". Checked only in the resolved pass "
              + "(--env-file, --env, --require-env); pass --auth-profiles FILE to count profiles.",
          FileKind.POLPO,
          FileKind.AGENTS,
          FileKind.TEAMS);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    Environment env = ctx.environment();
    if (!env.isResolved()) {
      return;
    }
    Set<String> reported = new HashSet<>();
    for (ModelFacts f : ModelFacts.of(ctx)) {
      if (f.spec() == null
          || !f.piAiProvider()
          || f.use().role() == ConfigView.Role.ALLOWLIST_KEY
          || f.use().role() == ConfigView.Role.DOCUMENTED_AGENT) {
        continue;
      }
      String p = f.spec().provider();
      if (ProviderCredentials.hasEnvCredential(env, p)
          || env.hasAuthProfile(p)
          || !reported.add(p)) {
        continue;
      }
      String vars = ProviderCredentials.describe(p);
      String message =
          "no credential for provider "
              + p
              + ": "
              + (vars.isEmpty() ? "it takes none from the environment" : vars + " unset or empty")
              + ", and no auth profile"
              + (env.authProfileProviders().isEmpty() ? " (no --auth-profiles file given)" : "");
      String help =
          (vars.isEmpty()
                  ? ""
                  : "set " + vars + " in the environment or a git-ignored .polpo/.env, or ")
              + "log in with `polpo auth login "
              + p
              + "`"
              + (ctx.kind() == FileKind.POLPO && ctx.root().path("providers").has(p)
                  ? "; providers." + p + " in polpo.json is not a credential source in Polpo 0.3.x"
                  : "");
      ctx.report(Finding.of(f.use().target(), message, help).withSeverity(Severity.ERROR));
    }
  }
}
