package dev.polpocheck.validate.rules;

import dev.polpocheck.catalog.ModelInfo;
import dev.polpocheck.catalog.ModelStatus;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;

/**
 * {@code polpo/model/retired}: a model the provider has retired (error) or deprecated (warning), or
 * one without a known list price (info).
 */
final class ModelRetiredRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/model/retired",
          Severity.ERROR,
          "Model that is retired, deprecated, or has no known list price",
          "pi-ai's catalog still lists models the provider has retired, so Polpo accepts them "
              + "and every request then fails at the provider. Deprecated models still answer "
              + "until their retirement date (warning). A model without a current list price "
              + "cannot be costed by polpo-check's cost and forecast commands (info). Lifecycle "
              + "facts come from polpo-check's dated model catalog.",
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
      ModelInfo m = f.known();
      if (m == null || !f.resolves()) {
        continue; // an id pi-ai cannot resolve is polpo/model/unknown
      }
      // Allowlist keys are never enforced by 0.3.x: a retired key restricts nothing.
      Severity cap = f.use().role() == ConfigView.Role.ALLOWLIST_KEY ? Severity.WARNING : null;
      String note = m.note().isEmpty() ? "" : " (" + m.note() + ")";
      if (m.status() == ModelStatus.RETIRED) {
        Finding retired =
            Finding.of(
                f.use().target(),
                m.name() + " (" + m.id() + ") is retired: requests to it fail" + note,
                "switch to a current model; see `polpo models list " + m.provider() + "`");
        ctx.report(cap == null ? retired : retired.withSeverity(cap));
      } else if (m.status() == ModelStatus.DEPRECATED) {
        ctx.report(
            Finding.of(
                    f.use().target(),
                    m.name() + " (" + m.id() + ") is deprecated and will be retired" + note,
                    "plan the move to a current model")
                .withSeverity(Severity.WARNING));
      } else if (!m.listPrice()) {
        ctx.report(
            Finding.of(
                    f.use().target(),
                    m.name() + " (" + m.id() + ") has no known list price" + note,
                    "cost reports for this model need a price override")
                .withSeverity(Severity.INFO));
      }
    }
  }
}
