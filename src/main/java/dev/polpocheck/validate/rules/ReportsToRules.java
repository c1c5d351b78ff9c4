package dev.polpocheck.validate.rules;

import dev.polpocheck.config.Suggestions;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The three {@code reportsTo} rules of {@code validateAgents}: an agent reporting to itself, to an
 * agent that does not exist, or around a cycle. Escalation follows reportsTo, so each breaks it;
 * Polpo never runs these checks.
 */
final class ReportsToRules {
  private ReportsToRules() {}

  static List<Rule> all() {
    return List.of(new Self(), new Unknown(), new Cycle());
  }

  /** {@code reportsTo} equal to the agent's own name. */
  static final class Self implements Rule {
    static final RuleDescriptor DESCRIPTOR =
        RuleDescriptor.of(
            "polpo/agents/reports-to-self",
            Severity.ERROR,
            "Agent reports to itself",
            "Escalation goes to the reportsTo agent; an agent reporting to itself escalates to"
                + " itself (`cannot report to itself`). "
                + Agents.NOT_TOLD
                + ".",
            FileKind.AGENTS);

    @Override
    public RuleDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public void check(RuleContext ctx) {
      for (Agents.Agent a : Agents.of(ctx.root())) {
        if (a.name() != null && a.name().equals(a.reportsTo())) {
          ctx.report(
              Target.value(a.pointer() + "/reportsTo"),
              "agent \"" + a.name() + "\" cannot report to itself; " + Agents.NOT_TOLD,
              "set reportsTo to another agent, or remove it");
        }
      }
    }
  }

  /** {@code reportsTo} naming no agent of the file. */
  static final class Unknown implements Rule {
    static final RuleDescriptor DESCRIPTOR =
        RuleDescriptor.of(
            "polpo/agents/reports-to-unknown",
            Severity.ERROR,
            "reportsTo names no agent",
            "Escalation looks the reportsTo agent up by name and silently skips escalation when it"
                + " does not exist (`reportsTo \"x\" does not match any agent`). "
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
      Set<String> names = new LinkedHashSet<>();
      for (Agents.Agent a : agents) {
        if (a.name() != null) {
          names.add(a.name());
        }
      }
      for (Agents.Agent a : agents) {
        String to = a.reportsTo();
        if (to == null || to.equals(a.name()) || names.contains(to)) {
          continue;
        }
        List<String> close = Suggestions.rank(to, names);
        Finding f =
            Finding.of(
                Target.value(a.pointer() + "/reportsTo"),
                "agent \""
                    + (a.name() == null ? "[" + a.index() + "]" : a.name())
                    + "\" reports to \""
                    + to
                    + "\", which does not match any agent; "
                    + Agents.NOT_TOLD,
                close.isEmpty()
                    ? "known agents: " + String.join(", ", names)
                    : "did you mean \"" + close.get(0) + "\"?");
        ctx.report(close.isEmpty() ? f : f.withSuggestion(close.get(0)));
      }
    }
  }

  /** A cycle of two or more agents in the reportsTo chain. */
  static final class Cycle implements Rule {
    static final RuleDescriptor DESCRIPTOR =
        RuleDescriptor.of(
            "polpo/agents/reports-to-cycle",
            Severity.ERROR,
            "Circular reportsTo chain",
            "Following reportsTo from an agent comes back to it (`circular reportsTo chain"
                + " detected`), so escalation loops between the agents. "
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
      Set<Integer> reported = new LinkedHashSet<>();
      for (Agents.Agent start : agents) {
        List<Agents.Agent> path = new ArrayList<>();
        Agents.Agent cur = start;
        while (cur != null
            && cur.reportsTo() != null
            && !cur.reportsTo().equals(cur.name())
            && !path.contains(cur)) {
          path.add(cur);
          cur = Agents.first(agents, cur.reportsTo());
        }
        // A cycle through the start agent: report it once, at its first agent in file order.
        if (cur == start
            && path.size() >= 2
            && path.stream().noneMatch(a -> reported.contains(a.index()))) {
          Agents.Agent anchor = path.get(0);
          for (Agents.Agent a : path) {
            reported.add(a.index());
            if (a.index() < anchor.index()) {
              anchor = a;
            }
          }
          StringBuilder chain = new StringBuilder();
          int at = path.indexOf(anchor);
          for (int i = 0; i <= path.size(); i++) {
            chain.append(i == 0 ? "" : " → ").append(path.get((at + i) % path.size()).name());
          }
          ctx.report(
              Target.value(anchor.pointer() + "/reportsTo"),
              "circular reportsTo chain: " + chain + "; escalation loops. " + Agents.NOT_TOLD,
              "break the cycle: the top of the chain should have no reportsTo");
        }
      }
    }
  }
}
