package dev.polpocheck.validate.rules;

import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.PolpoTarget;
import dev.polpocheck.validate.ProjectLayout;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of upstream's directory layout v2, each a check that lumea-labs/polpo makes when it
 * loads a project and that stops the load with a {@code ProjectLayoutError} or {@code
 * ProjectLayoutFilesystemError}: {@code packages/core/src/project-layout.ts} and {@code
 * packages/file-stores/src/project-layout-files.ts} @9f25f13.
 */
final class LayoutRules {
  private LayoutRules() {}

  private static final String SOURCE =
      " (lumea-labs/polpo packages/core/src/project-layout.ts and"
          + " packages/file-stores/src/project-layout-files.ts).";

  /** The layout rules in run order. */
  static List<Rule> all() {
    return List.of(new ReservedField(), new MissingInstructions(), new Ambiguous(), new BadId());
  }

  /** Shared: every layout rule is upstream's only. */
  private abstract static class UpstreamRule implements Rule {
    @Override
    public Set<PolpoTarget> targets() {
      return Set.of(PolpoTarget.UPSTREAM);
    }
  }

  /** {@code polpo/layout/reserved-field}: name, systemPrompt, createdAt; a team's name, agents. */
  static final class ReservedField extends UpstreamRule {
    static final RuleDescriptor DESCRIPTOR =
        RuleDescriptor.of(
            "polpo/layout/reserved-field",
            Severity.ERROR,
            "Key that layout v2 reserves in agent.json or teams/<id>.json",
            "In layout v2 the folder name is the agent's name, instructions.md is its system"
                + " prompt and createdAt is runtime metadata, so agent.json must not define"
                + " name, systemPrompt or createdAt; a team file must not define name (the file"
                + " name) or agents (each agent names its team). Polpo refuses to load the"
                + " project"
                + SOURCE,
            FileKind.AGENT,
            FileKind.TEAM);

    @Override
    public RuleDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public void check(RuleContext ctx) {
      boolean agent = ctx.kind() == FileKind.AGENT;
      List<String> reserved =
          agent ? List.of("name", "systemPrompt", "createdAt") : List.of("name", "agents");
      for (String key : reserved) {
        if (ctx.root().isObject() && ctx.root().has(key)) {
          ctx.report(
              Target.key(PositionIndex.child("", key)),
              (agent ? "agent.json" : "a team file")
                  + " must not define \""
                  + key
                  + "\"; Polpo stops loading the project ("
                  + (agent ? "reserved_agent_field" : "invalid_definition")
                  + ")",
              help(agent, key));
        }
      }
    }

    private static String help(boolean agent, String key) {
      if (!agent) {
        return key.equals("name")
            ? "the file name is the team's name; remove the key"
            : "set \"team\" in each agent's agent.json instead";
      }
      switch (key) {
        case "name":
          return "the folder name is the agent's name; remove the key (rename the folder)";
        case "systemPrompt":
          return "move the prompt into instructions.md beside agent.json";
        default:
          return "remove the key; Polpo sets it at run time";
      }
    }
  }

  /** {@code polpo/layout/missing-instructions}: agent.json without instructions.md. */
  static final class MissingInstructions extends UpstreamRule {
    static final RuleDescriptor DESCRIPTOR =
        RuleDescriptor.of(
            "polpo/layout/missing-instructions",
            Severity.ERROR,
            "agents/<id>/agent.json without the instructions.md beside it",
            "readProjectAgents requires instructions.md in every agent folder (it may be empty)"
                + " and otherwise throws missing_agent_file, so no agent of the project loads"
                + SOURCE,
            FileKind.AGENT);

    @Override
    public RuleDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public void check(RuleContext ctx) {
      if (ctx.path() == null || ProjectLayout.polpoDirOf(ctx.path()) == null) {
        return;
      }
      if (!Files.isRegularFile(ctx.path().resolveSibling("instructions.md"))) {
        ctx.report(
            Target.value(""),
            "instructions.md is missing beside this agent.json; Polpo stops loading the project"
                + " (missing_agent_file)",
            "create instructions.md next to it (it may be empty)");
      }
    }
  }

  /** {@code polpo/layout/ambiguous}: agents.json beside agents/, teams.json beside teams/. */
  static final class Ambiguous extends UpstreamRule {
    static final RuleDescriptor DESCRIPTOR =
        RuleDescriptor.of(
            "polpo/layout/ambiguous",
            Severity.ERROR,
            "Legacy agents.json or teams.json next to layout v2's agents/ or teams/ folder",
            "detectAgentLayout and detectTeamLayout refuse a project that has both the legacy"
                + " list and directory-based definitions (ambiguous_layout): remove the one that"
                + " is not authoritative. polpo migrate keeps the legacy list as *.v1.json,"
                + " which is not read"
                + SOURCE,
            FileKind.AGENTS,
            FileKind.TEAMS);

    @Override
    public RuleDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public void check(RuleContext ctx) {
      if (ctx.path() == null) {
        return;
      }
      Path dir = ctx.path().toAbsolutePath().getParent();
      boolean agents = ctx.kind() == FileKind.AGENTS;
      List<Path> v2 = agents ? ProjectLayout.agentFiles(dir) : ProjectLayout.teamFiles(dir);
      if (!v2.isEmpty()) {
        String folder = agents ? "agents/<id>/agent.json" : "teams/<id>.json";
        ctx.report(
            Target.value(""),
            (agents ? "agents.json" : "teams.json")
                + " and "
                + v2.size()
                + " "
                + folder
                + " file(s) both define "
                + (agents ? "agents" : "teams")
                + "; Polpo refuses the project (ambiguous_layout)",
            "keep one format: delete or rename this file (polpo migrate keeps it as "
                + (agents ? "agents" : "teams")
                + ".v1.json)");
      }
    }
  }

  /** {@code polpo/layout/invalid-id}: agent folder, team file or team reference names. */
  static final class BadId extends UpstreamRule {
    static final RuleDescriptor DESCRIPTOR =
        RuleDescriptor.of(
            "polpo/layout/invalid-id",
            Severity.ERROR,
            "Agent or team id that is not one safe path segment, or ids equal but for case",
            "An agent id (its folder) and a team id (its file name, or an agent's \"team\") must"
                + " be one trimmed path segment without / \\ or control characters and not . or"
                + " ..; ids that differ only in case collide on case-insensitive file systems."
                + " Polpo throws invalid_resource_id or case_collision"
                + SOURCE,
            FileKind.AGENT,
            FileKind.TEAM);

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");

    @Override
    public RuleDescriptor descriptor() {
      return DESCRIPTOR;
    }

    /** {@code assertProjectResourceId}: one trimmed path segment without control characters. */
    static boolean validId(String id) {
      return !id.isEmpty()
          && id.strip().equals(id)
          && !id.equals(".")
          && !id.equals("..")
          && !id.contains("/")
          && !id.contains("\\")
          && !CONTROL.matcher(id).find();
    }

    @Override
    public void check(RuleContext ctx) {
      boolean agent = ctx.kind() == FileKind.AGENT;
      if (agent && ctx.root().path("team").isString()) {
        String team = ctx.root().get("team").asString();
        if (!validId(team)) {
          ctx.report(
              Target.value("/team"),
              "team id is not one trimmed path segment; Polpo throws invalid_resource_id",
              "use a plain team name such as \"engineering\"");
        }
      }
      if (ctx.path() == null || ProjectLayout.polpoDirOf(ctx.path()) == null) {
        return;
      }
      Path abs = ctx.path().toAbsolutePath().normalize();
      String id =
          agent
              ? abs.getParent().getFileName().toString()
              : abs.getFileName().toString().replaceFirst("\\.json$", "");
      if (!validId(id)) {
        ctx.report(
            Target.value(""),
            (agent ? "agent folder" : "team file")
                + " name is not a valid id (one trimmed path segment); Polpo throws"
                + " invalid_resource_id",
            "rename it without leading or trailing spaces");
        return;
      }
      List<Path> siblings =
          agent
              ? ProjectLayout.agentFiles(abs.getParent().getParent().getParent())
              : ProjectLayout.teamFiles(abs.getParent().getParent());
      Map<String, String> folded = new HashMap<>();
      for (Path s : siblings) {
        String other =
            agent
                ? s.getParent().getFileName().toString()
                : s.getFileName().toString().replaceFirst("\\.json$", "");
        folded.putIfAbsent(fold(other), other);
      }
      String first = folded.get(fold(id));
      if (first != null && !first.equals(id)) {
        ctx.report(
            Target.value(""),
            (agent ? "agent" : "team")
                + " id \""
                + id
                + "\" differs from \""
                + first
                + "\" only in case; Polpo refuses the project (case_collision)",
            "rename one of them");
      }
    }

    /** {@code id.normalize("NFKC").toLocaleLowerCase("en-US")}. */
    private static String fold(String id) {
      return Normalizer.normalize(id, Normalizer.Form.NFKC).toLowerCase(Locale.US);
    }
  }
}
