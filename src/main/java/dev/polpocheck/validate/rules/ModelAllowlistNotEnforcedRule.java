package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import tools.jackson.databind.JsonNode;

/**
 * {@code polpo/model/allowlist-not-enforced}: Polpo 0.3.x never enforces {@code modelAllowlist}.
 *
 * <p>The orchestrator installs it (setModelAllowlist, src/core/orchestrator.ts:248-249 @
 * alemicali/polpo-zhc 898e166) but never checks a spec against it; the only check,
 * enforceModelAllowlist, runs in spawnEngine (src/adapters/engine.ts:350-352), inside the
 * detached runner process (src/core/runner.ts), whose module state never receives the allowlist,
 * so it allows everything (src/llm/pi-client.ts:134-135).
 */
final class ModelAllowlistNotEnforcedRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/model/allowlist-not-enforced",
          Severity.WARNING,
          "modelAllowlist, which Polpo 0.3.x never enforces",
          "The orchestrator process installs the allowlist but never checks a model against it;"
              + " the only check runs when an agent starts, in a separate runner process that"
              + " never receives the allowlist and therefore allows every model. Neither the"
              + " orchestrator model nor any agent model is restricted by it. Review the models"
              + " in agents.json and orchestratorModel instead (polpo-check checks each one).",
          FileKind.POLPO);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    JsonNode allow = ctx.root().path("settings").path("modelAllowlist");
    if (allow.isObject() && !allow.isEmpty()) {
      ctx.report(
          Target.key("/settings/modelAllowlist"),
          "modelAllowlist is never enforced by Polpo 0.3.x: the orchestrator does not check"
              + " its own model, and agent runs (a separate process) never receive the list",
          "do not rely on it to restrict models; review orchestratorModel and agents.json");
    }
  }
}
