package dev.polpocheck.validate.rules;

import dev.polpocheck.json.PositionIndex;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The agents of an agents.json file as Polpo's lookups see them: index, name and reportsTo, for the
 * rules Polpo documents in {@code validateAgents} but never runs.
 */
final class Agents {
  /** One agent entry; name or reportsTo is null when not a string. */
  record Agent(int index, String name, String reportsTo) {
    String pointer() {
      return PositionIndex.child("", index) + "/agent";
    }
  }

  static final String NOT_TOLD =
      "Polpo itself would not tell you (validateAgents is never" + " called)";

  private Agents() {}

  /** The entries of an agents.json array, in file order. */
  static List<Agent> of(JsonNode root) {
    List<Agent> out = new ArrayList<>();
    if (!root.isArray()) {
      return out;
    }
    for (int i = 0; i < root.size(); i++) {
      JsonNode a = root.get(i).path("agent");
      out.add(
          new Agent(
              i,
              a.path("name").isString() ? a.get("name").asString() : null,
              a.path("reportsTo").isString() ? a.get("reportsTo").asString() : null));
    }
    return out;
  }

  /** The first agent with this name, as Polpo's lookups return it, or null. */
  static Agent first(List<Agent> agents, String name) {
    for (Agent a : agents) {
      if (name.equals(a.name())) {
        return a;
      }
    }
    return null;
  }
}
