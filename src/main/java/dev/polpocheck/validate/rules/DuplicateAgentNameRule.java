package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.util.List;

/** Two agents with the same name: lookups return the first, the other is unreachable. */
public final class DuplicateAgentNameRule implements Rule {
  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/agents/duplicate-name",
          Severity.ERROR,
          "Two agents share a name",
          "createAgent rejects a duplicate name, but loading agents.json does not, and every lookup"
              + " by name returns the first match, so the later agent can never be selected. "
              + Agents.NOT_TOLD
              + ".",
          FileKind.AGENTS);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    List<Agents.Agent> agents = Agents.of(ctx.root());
    for (Agents.Agent a : agents) {
      if (a.name() == null) {
        continue;
      }
      Agents.Agent first = Agents.first(agents, a.name());
      if (first.index() != a.index()) {
        int line =
            ctx.positions().valueSpan(first.pointer() + "/name").map(s -> s.line()).orElse(0);
        ctx.report(
            Target.value(a.pointer() + "/name"),
            "agent name \""
                + a.name()
                + "\" is already used by agent ["
                + first.index()
                + "] (line "
                + line
                + "); Polpo's lookups return the first one, so this agent is unreachable. "
                + Agents.NOT_TOLD,
            "give this agent a unique name");
      }
    }
  }
}
