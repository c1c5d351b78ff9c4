package dev.polpocheck.validate.rules;

import dev.polpocheck.catalog.ModelCatalog;
import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;

/**
 * {@code polpo/providers/no-credential-source}: a custom provider (not in pi-ai's catalog) has no
 * auth profile, the only way it can get a key in Polpo 0.3.x.
 */
final class ProvidersNoCredentialSourceRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/providers/no-credential-source",
          Severity.WARNING,
          "Custom provider without an auth profile (no way to get a key)",
          "pi-ai refuses to call a provider without a key (\"No API key for provider\"), even a "
              + "local server such as Ollama that needs none. Polpo 0.3.x has no apiKey field "
              + "and no environment variable for custom providers, so the only source is an "
              + "auth profile whose provider field is the custom provider's name (any "
              + "placeholder value works for local servers). Pass --auth-profiles FILE to let "
              + "polpo-check see your profiles.",
          FileKind.POLPO);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    for (String name : ConfigView.providers(ctx).keySet()) {
      if (ModelCatalog.isPiAiProvider(name) || ctx.environment().hasAuthProfile(name)) {
        continue;
      }
      ctx.report(
          Target.key(PositionIndex.child("/providers", name)),
          "custom provider "
              + name
              + " has no credential source: Polpo 0.3.x gives custom "
              + "providers no environment variable, and "
              + (ctx.environment().authProfileProviders().isEmpty()
                  ? "no --auth-profiles file was given"
                  : "the --auth-profiles file has no profile for it"),
          "add an auth profile with \"provider\": \""
              + name
              + "\" to ~/.polpo/auth-profiles.json "
              + "(a placeholder access value is enough for a local server)");
    }
  }
}
