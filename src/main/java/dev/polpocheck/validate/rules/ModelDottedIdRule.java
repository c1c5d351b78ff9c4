package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;

/**
 * {@code polpo/model/dotted-id}: {@code claude-opus-4.6} or {@code grok-4.1-fast} where pi-ai
 * spells {@code claude-opus-4-6}, {@code grok-4-1-fast}. Polpo 0.3.x only: upstream sends {@code
 * provider/model} ids to a gateway, whose ids have the dots.
 */
final class ModelDottedIdRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/model/dotted-id",
          Severity.ERROR,
          "Dotted model id (claude-opus-4.6, grok-4.1-fast) that Polpo 0.3.x does not resolve",
          "Dotted ids are the naming of Polpo's newer gateway-based releases (the upstream"
              + " template's xai/grok-4.1-fast-non-reasoning). Polpo 0.3.x looks models up in"
              + " pi-ai's catalog, whose Anthropic and xAI ids use hyphens (claude-opus-4-6,"
              + " grok-4-1-fast-non-reasoning), so a dotted id fails to resolve, or, when a"
              + " providers entry exists for the provider, silently becomes a zero-cost model"
              + " (a warning then). Use the hyphenated id. Upstream Polpo is not affected: its gateway ids keep"
              + " the dots.",
          FileKind.POLPO,
          FileKind.AGENTS,
          FileKind.TEAMS);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    for (ModelFacts f : ModelFacts.of(ctx)) {
      if (!f.dottedId()) {
        continue;
      }
      String fixed = f.hyphenated();
      // Unresolved, the run throws "Model ... not found" (polpo-zhc src/llm/pi-client.ts:283-289
      // @898e166), as for any unknown model; through a providers entry (orchestrator side) it
      // runs as a zero-cost custom model instead, and an allowlist key is never enforced.
      boolean runs =
          f.resolvedByProviderEntry() || f.use().role() == ConfigView.Role.ALLOWLIST_KEY;
      Finding finding =
          Finding.of(
                  f.use().target(),
                  "dotted model id \""
                      + f.spec().model()
                      + "\" does not resolve in Polpo 0.3.x; "
                      + "pi-ai's "
                      + f.spec().provider()
                      + " ids use hyphens",
                  "write \"" + fixed + "\"")
              .withSuggestion(fixed);
      ctx.report(runs ? finding.withSeverity(Severity.WARNING) : finding);
    }
  }
}
