package dev.polpocheck.validate;

import dev.polpocheck.config.ProviderCredentials;
import dev.polpocheck.json.PositionIndex;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * Messages for keys Polpo documents but ignores. The schemas keep such keys as deprecated
 * properties tagged with the rule id ({@code x-rule}) so editors explain them and these rules, not
 * a generic unknown-key finding, report them (validation-ux.md §12.2).
 */
final class DeprecatedKeys {
  private DeprecatedKeys() {}

  /**
   * Returns whether the deprecated key at {@code pointer} loses nothing in this file, so reporting
   * it would be noise.
   *
   * <p>For {@code polpo/config/agents-in-polpo-json}: (1) a {@code teams}/{@code team} without any
   * agent, such as {@code [{"name": "default", "agents": []}]}, which Polpo writes itself
   * (migrateConfig, src/core/config.ts:24-33 @ alemicali/polpo-zhc 898e166, re-adds it on every
   * load and mutateConfig saves it back on every settings or channel change); (2) an Ink company
   * package ({@code companies/<name>/polpo.json}, or a file with Ink's {@code version}, {@code
   * author} or {@code tags} metadata), whose teams the Ink installer merges into the agent and team
   * stores (src/core/ink.ts:383-398, src/cli/commands/ink.ts:181-186).
   *
   * @param path the file on disk, or null
   */
  static boolean losesNothing(String rule, String pointer, JsonNode root, Path path) {
    if (!rule.equals("polpo/config/agents-in-polpo-json")) {
      return false;
    }
    if (root.has("version") || root.has("author") || root.has("tags") || inInkCompany(path)) {
      return true;
    }
    JsonNode value = root.at(pointer);
    if (pointer.equals("/teams") && value.isArray()) {
      for (JsonNode team : value) {
        if (hasAgents(team)) {
          return false;
        }
      }
      return true;
    }
    return pointer.equals("/team") && !hasAgents(value);
  }

  private static boolean hasAgents(JsonNode team) {
    JsonNode agents = team.path("agents");
    return agents.isArray() ? !agents.isEmpty() : !agents.isMissingNode();
  }

  private static boolean inInkCompany(Path path) {
    if (path == null) {
      return false;
    }
    Path abs = path.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    Path companies = dir == null ? null : dir.getParent();
    return companies != null
        && companies.getFileName() != null
        && companies.getFileName().toString().equals("companies");
  }

  /** The finding for a deprecated key at {@code pointer} reported under {@code rule}. */
  static Finding finding(String rule, String pointer) {
    String key = PositionIndex.lastToken(pointer);
    String where = SchemaErrors.where(pointer);
    switch (rule) {
      case "polpo/config/org-key":
        return new Finding(
            Target.key(pointer),
            "\"org\" is not read by Polpo; the project name key is \"project\"",
            "rename \"org\" to \"project\" (older docs show \"org\")",
            "project",
            null);
      case "polpo/config/agents-in-polpo-json":
        return Finding.of(
            Target.key(pointer),
            "\""
                + key
                + "\" in polpo.json is ignored: Polpo"
                + " loads agents only from .polpo/agents.json and teams from .polpo/teams.json",
            "move each agent to .polpo/agents.json as {\"agent\": {...}, \"teamName\": \"...\"}");
      case "polpo/providers/api-key-ignored":
        {
          boolean apiKey = key.equals("apiKey");
          String provider = apiKey ? PositionIndex.lastToken(PositionIndex.parent(pointer)) : key;
          String env = ProviderCredentials.describe(provider);
          String msg =
              apiKey
                  ? "providers."
                      + provider
                      + ".apiKey is ignored by Polpo 0.3.x (it never reads apiKey)"
                  : "string-form provider \""
                      + provider
                      + "\" is ignored by Polpo 0.3.x (it reads only"
                      + " objects with baseUrl, api or models)";
          String help =
              env.isEmpty()
                  ? "Polpo 0.3.x reads no environment key for \""
                      + provider
                      + "\": add an auth"
                      + " profile for it (any placeholder value works for a local server)"
                  : "set "
                      + env
                      + " in the environment or in a git-ignored .polpo/.env, or add"
                      + " an auth profile (polpo auth login "
                      + provider
                      + ")";
          return Finding.of(Target.key(pointer), msg, help);
        }
      case "polpo/settings/billing-disable-ignored":
        return Finding.of(
            Target.key(pointer),
            where
                + " is never read by Polpo 0.3.x; billing"
                + " disable always lasts 5 h, doubling to a 24 h cap",
            "remove it: the schedule cannot be configured in Polpo 0.3.x");
      case "polpo/retry/escalate-model-unused":
        return Finding.of(
            Target.key(pointer),
            where
                + " is declared but never used by Polpo"
                + " 0.3.x; escalation never switches models",
            "to escalate to a stronger model, set fallbackAgent to an agent that uses it");
      case "polpo/agents/inline-vault":
        return Finding.of(
            Target.key(pointer),
            where + " is discarded by Polpo (legacy inline" + " credentials)",
            "store credentials with `polpo vault`, encrypted in .polpo/vault.enc");
      default:
        return Finding.of(Target.key(pointer), where + " is ignored by Polpo", null);
    }
  }
}
