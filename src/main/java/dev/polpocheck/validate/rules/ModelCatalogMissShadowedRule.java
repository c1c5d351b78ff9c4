package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;

/**
 * {@code polpo/model/catalog-miss-shadowed}: a catalog provider with a {@code providers} override
 * turns a misspelt id into a zero-cost {@code openai-completions} model instead of an error.
 */
final class ModelCatalogMissShadowedRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/model/catalog-miss-shadowed",
          Severity.WARNING,
          "Catalog miss hidden by a providers entry (becomes a zero-cost custom model)",
          "When the model is not in pi-ai's catalog but providers has an entry for its provider, "
              + "Polpo builds a minimal custom model from that entry (api openai-completions "
              + "unless set, cost 0, context 200 000, max tokens 8 192) instead of failing. For a "
              + "catalog provider such as anthropic with only a baseUrl override, a misspelt or "
              + "dotted id therefore talks the wrong protocol and reports zero cost. Fix the id, "
              + "or declare the model under providers.<name>.models if it is intentional.",
          FileKind.POLPO);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    for (ModelFacts f : ModelFacts.of(ctx)) {
      if (f.spec() == null
          || !f.piAiProvider()
          || f.resolves()
          || f.inAgentRun()
          || f.providerEntry() == null
          || ConfigView.definesModel(f.providerEntry(), f.spec().model())) {
        continue;
      }
      String p = f.spec().provider();
      ctx.report(
          Finding.of(
              f.use().target(),
              "\""
                  + f.spec().model()
                  + "\" is not in pi-ai's "
                  + p
                  + " catalog; because "
                  + "providers."
                  + p
                  + " exists, Polpo silently builds a zero-cost "
                  + f.providerEntry().path("api").asString("openai-completions")
                  + " model for it instead of failing",
              "use an id from `polpo models list "
                  + p
                  + "`, or declare it under providers."
                  + p
                  + ".models if a custom model is intended"));
    }
  }
}
