package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.PolpoTarget;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import java.util.List;
import java.util.Set;

/**
 * One failure class of upstream's model-profile resolution ({@link ModelSelections}), reported
 * under its own rule id: a selection Polpo cannot resolve fails the agent or orchestrator call that
 * uses it, so every class is an error.
 */
final class ModelSelectionRule implements Rule {
  private static final String SOURCE =
      " (lumea-labs/polpo packages/core/src/model-profiles.ts, resolveModelProfileSelection).";

  private final RuleDescriptor descriptor;
  private final ModelSelections.Code code;

  private ModelSelectionRule(String name, String summary, String doc, ModelSelections.Code code) {
    this.descriptor =
        RuleDescriptor.of(
            "polpo/model/" + name,
            Severity.ERROR,
            summary,
            doc + SOURCE,
            FileKind.PROJECT,
            FileKind.POLPO,
            FileKind.AGENT,
            FileKind.AGENTS);
    this.code = code;
  }

  /** The rules, one per failure class, in run order. */
  static List<Rule> all() {
    return List.of(
        new ModelSelectionRule(
            "selection-invalid",
            "Model selection of a shape upstream Polpo rejects (INVALID_SELECTION)",
            "Upstream accepts a model id, {\"profile\": NAME} with no other key, or {primary,"
                + " fallbacks} whose targets are ids or profile references; profile names match"
                + " ^[a-z][a-z0-9._-]{0,63}$. Anything else throws when the model is resolved",
            ModelSelections.Code.INVALID),
        new ModelSelectionRule(
            "profile-unknown",
            "Profile reference to a profile settings.modelProfiles does not define",
            "A {\"profile\": NAME} must name a key of settings.modelProfiles in the project"
                + " config; an unknown name throws UNKNOWN_PROFILE",
            ModelSelections.Code.UNKNOWN_PROFILE),
        new ModelSelectionRule(
            "profile-cycle",
            "Model profiles that reference each other in a cycle",
            "Resolution follows profile references depth-first and throws PROFILE_CYCLE when a"
                + " profile is reached again on its own path (a -> b -> a)",
            ModelSelections.Code.PROFILE_CYCLE),
        new ModelSelectionRule(
            "profile-depth",
            "Profile references nested deeper than upstream's limit of 16",
            "Resolution stops with PROFILE_DEPTH_EXCEEDED once the path of profile references is"
                + " 16 deep (DEFAULT_MODEL_PROFILE_MAX_DEPTH)",
            ModelSelections.Code.DEPTH_EXCEEDED),
        new ModelSelectionRule(
            "too-many-fallbacks",
            "Selection that expands to more than 3 fallback models",
            "After expanding profiles and dropping duplicates a selection may have at most 3"
                + " fallbacks (MAX_MODEL_FALLBACKS in model-policy.ts); Polpo throws"
                + " TOO_MANY_FALLBACKS rather than truncate",
            ModelSelections.Code.TOO_MANY_FALLBACKS),
        new ModelSelectionRule(
            "profile-not-allowed",
            "Agent selects a profile missing from its allowedModelProfiles",
            "allowedModelProfiles narrows the profiles an agent's model may reference directly;"
                + " profiles reached through an allowed one inherit its grant. Any other root"
                + " profile throws DISALLOWED_PROFILE",
            ModelSelections.Code.DISALLOWED_PROFILE));
  }

  @Override
  public RuleDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public Set<PolpoTarget> targets() {
    return Set.of(PolpoTarget.UPSTREAM);
  }

  @Override
  public void check(RuleContext ctx) {
    for (ModelSelections.Problem p : ModelSelections.of(ctx)) {
      if (p.code() == code) {
        ctx.report(p.finding());
      }
    }
  }
}
