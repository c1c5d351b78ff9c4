package dev.polpocheck.validate.rules;

import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A provider object with none of {@code baseUrl}, {@code api}, {@code models}: Polpo drops it. */
public final class EmptyProviderEntryRule implements Rule {
  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/providers/empty-entry",
          Severity.WARNING,
          "Provider entry with none of baseUrl, api or models, which Polpo drops",
          "parseProviders copies only a string baseUrl, a string api and an array models; an entry"
              + " with none of them (for example one holding only apiKey) is dropped as if it were"
              + " not there.",
          FileKind.POLPO);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    JsonNode providers = ctx.root().path("providers");
    if (!providers.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : providers.properties()) {
      JsonNode p = e.getValue();
      if (!p.isObject()) {
        continue;
      }
      boolean used =
          p.path("baseUrl").isString() || p.path("api").isString() || p.path("models").isArray();
      if (!used) {
        ctx.report(
            Target.key(PositionIndex.child("/providers", e.getKey())),
            "provider entry \""
                + e.getKey()
                + "\" has none of baseUrl, api or models, so Polpo"
                + " drops it",
            "remove the entry, or add the baseUrl/api/models it was meant to set");
      }
    }
  }
}
