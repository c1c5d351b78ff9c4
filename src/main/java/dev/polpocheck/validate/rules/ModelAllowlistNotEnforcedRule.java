package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import tools.jackson.databind.JsonNode;

/** {@code polpo/model/allowlist-not-enforced}: the allowlist never applies to agent runs. */
final class ModelAllowlistNotEnforcedRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/model/allowlist-not-enforced",
          Severity.WARNING,
          "modelAllowlist is not enforced for agents",
          "Only Polpo's orchestrator process installs the allowlist. Agent tasks run in a "
              + "separate runner process that never calls setModelAllowlist, so an agent's model "
              + "is never checked against it. Do not rely on the allowlist to restrict what "
              + "agents use; review agents.json instead (polpo-check reports each agent model).",
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
          "modelAllowlist is enforced only for the orchestrator; agent runs (a separate "
              + "process) never check it",
          "keep agent models in agents.json under review; the allowlist does not restrict them");
    }
  }
}
