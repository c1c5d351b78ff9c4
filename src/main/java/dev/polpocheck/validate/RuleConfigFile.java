package dev.polpocheck.validate;

import dev.polpocheck.UserInputException;
import dev.polpocheck.json.JsonDocument;
import dev.polpocheck.json.JsonReader;
import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.json.Span;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule configuration file ({@code polpo-check validate --config FILE}), the file form of
 * {@code --disable} and {@code --severity}:
 *
 * <pre>{@code
 * { "disable": ["polpo/config/unknown-key"],
 *   "severity": { "polpo/settings/storage-ignored": "error" } }
 * }</pre>
 *
 * <p>Any mistake (unknown key, unknown rule id, bad level) is a {@link UserInputException} naming
 * {@code file:line:col}, so a typo never silently leaves a rule at its default.
 */
public final class RuleConfigFile {
  private RuleConfigFile() {}

  /** Parses the file into a rule configuration. */
  public static RuleConfig read(Path path) {
    String name = path.toString();
    JsonDocument doc = JsonReader.read(path, name);
    JsonNode root = doc.root();
    if (!root.isObject()) {
      throw error(doc, "", "must be an object with \"disable\" and/or \"severity\"");
    }
    Map<String, RuleDescriptor> known = Rules.byId();
    Set<String> disabled = new LinkedHashSet<>();
    Map<String, Severity> levels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String ptr = PositionIndex.child("", e.getKey());
      switch (e.getKey()) {
        case "disable":
          if (!e.getValue().isArray()) {
            throw error(doc, ptr, "\"disable\" must be an array of rule ids");
          }
          for (int i = 0; i < e.getValue().size(); i++) {
            JsonNode id = e.getValue().get(i);
            String itemPtr = PositionIndex.child(ptr, i);
            if (!id.isString() || !known.containsKey(id.asString())) {
              throw error(doc, itemPtr, "unknown rule id (polpo-check rules lists them)");
            }
            disabled.add(id.asString());
          }
          break;
        case "severity":
          if (!e.getValue().isObject()) {
            throw error(doc, ptr, "\"severity\" must map rule ids to error, warning or info");
          }
          for (Map.Entry<String, JsonNode> lv : e.getValue().properties()) {
            String itemPtr = PositionIndex.child(ptr, lv.getKey());
            if (!known.containsKey(lv.getKey())) {
              throw error(
                  doc,
                  itemPtr,
                  "unknown rule id \"" + lv.getKey() + "\" (polpo-check rules lists them)");
            }
            try {
              levels.put(lv.getKey(), Severity.parse(lv.getValue().asString("")));
            } catch (IllegalArgumentException ex) {
              throw error(doc, itemPtr, "level must be error, warning or info");
            }
          }
          break;
        case "$schema":
          break;
        default:
          throw error(
              doc, ptr, "unknown key \"" + e.getKey() + "\"; expected \"disable\" or \"severity\"");
      }
    }
    return new RuleConfig(disabled, levels);
  }

  /** {@code base} with {@code override}'s disables added and its severities winning. */
  public static RuleConfig merge(RuleConfig base, RuleConfig override) {
    Set<String> disabled = new LinkedHashSet<>(base.disabled());
    disabled.addAll(override.disabled());
    Map<String, Severity> levels = new LinkedHashMap<>(base.severities());
    levels.putAll(override.severities());
    return new RuleConfig(disabled, levels);
  }

  private static UserInputException error(JsonDocument doc, String pointer, String message) {
    Span s =
        doc.positions()
            .get(pointer)
            .map(e -> e.key() != null && !pointer.matches(".*/\\d+$") ? e.key() : e.value())
            .orElse(Span.fileStart());
    return new UserInputException(doc.path() + ":" + s.line() + ":" + s.column() + ": " + message);
  }
}
