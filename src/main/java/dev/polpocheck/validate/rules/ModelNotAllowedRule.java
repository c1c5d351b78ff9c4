package dev.polpocheck.validate.rules;

import dev.polpocheck.config.ModelSpec;
import dev.polpocheck.config.Suggestions;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code polpo/model/not-allowed}: the orchestrator or image model is missing from a non-empty
 * {@code settings.modelAllowlist}.
 */
final class ModelNotAllowedRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/model/not-allowed",
          Severity.ERROR,
          "Orchestrator or image model not in a non-empty modelAllowlist",
          "Polpo's allowlist check passes when the spec itself is a key or when"
              + " \"<provider>:<model>\" is a key; nothing else matches (a key written"
              + " anthropic/claude-x or bare claude-x matches only that exact spelling; reported as"
              + " info). A model outside a non-empty allowlist is refused with \"Model ... is not"
              + " in the allowlist\". Add the model as a provider:model key or change the model.",
          FileKind.POLPO);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    JsonNode allow = ctx.root().path("settings").path("modelAllowlist");
    if (!allow.isObject() || allow.isEmpty()) {
      return;
    }
    List<String> keys = new ArrayList<>(allow.propertyNames());
    for (ModelFacts f : ModelFacts.of(ctx)) {
      if (f.use().role() == ConfigView.Role.ALLOWLIST_KEY
          && f.spec() != null
          && f.spec().form() != ModelSpec.Form.COLON) {
        ctx.report(
            Finding.of(
                    f.use().target(),
                    "allowlist key \""
                        + f.use().spec()
                        + "\" is not in provider:model form: it "
                        + "matches only a model spec spelled exactly the same way",
                    "write \"" + f.spec().canonical() + "\", which matches every spelling")
                .withSuggestion(f.spec().canonical())
                .withSeverity(Severity.INFO));
      }
    }
    for (ModelFacts f : ModelFacts.of(ctx)) {
      ConfigView.Role role = f.use().role();
      if (role != ConfigView.Role.ORCHESTRATOR
          && role != ConfigView.Role.FALLBACK
          && role != ConfigView.Role.IMAGE) {
        continue;
      }
      String spec = f.use().spec();
      if (keys.contains(spec) || (f.spec() != null && keys.contains(f.spec().canonical()))) {
        continue;
      }
      Finding finding =
          Finding.of(
              f.use().target(),
              "Model \""
                  + spec
                  + "\" is not in the allowlist. Allowed models: "
                  + String.join(", ", keys),
              f.spec() == null
                  ? "add the model to settings.modelAllowlist"
                  : "add \""
                      + f.spec().canonical()
                      + "\" to settings.modelAllowlist, or pick an "
                      + "allowed model");
      List<String> near = Suggestions.rank(spec, keys);
      if (!near.isEmpty()) {
        finding = finding.withSuggestion(near.get(0));
      }
      ctx.report(finding);
    }
  }
}
