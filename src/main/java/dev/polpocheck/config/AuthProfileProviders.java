package dev.polpocheck.config;

import dev.polpocheck.IoErrors;
import dev.polpocheck.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads which providers an {@code auth-profiles.json} (given with {@code --auth-profiles FILE})
 * offers credentials for: the {@code provider} field of each profile, which is what Polpo's profile
 * selection filters on (polpo-semantics.md §10.1).
 *
 * <p>Tokens are never read into any message: a parse error names only the file and position,
 * because Jackson's own messages quote the offending text.
 */
public final class AuthProfileProviders {

  private AuthProfileProviders() {}

  /** Returns the providers with at least one profile in {@code file}, sorted. */
  public static Set<String> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UserInputException(
          file + ": cannot read auth profiles: " + IoErrors.why(e));
    }
    return parse(file.toString(), text);
  }

  /** Returns the providers with at least one profile in the JSON {@code text}. */
  public static Set<String> parse(String source, String text) {
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new UserInputException(source + where + ": auth profiles file is not valid JSON");
    }
    if (root == null || root.isMissingNode()) {
      throw new UserInputException(
          source + ": auth profiles file is empty; expected {\"version\": 1, \"profiles\": {...}}");
    }
    if (!root.isObject()) {
      throw new UserInputException(
          source + startOf(text) + ": auth profiles file must be a JSON object"
              + " {\"version\": 1, \"profiles\": {...}}, not " + kindOf(root));
    }
    Set<String> providers = new TreeSet<>();
    if (!root.path("profiles").isObject()) {
      return providers;
    }
    for (Map.Entry<String, JsonNode> p : root.path("profiles").properties()) {
      JsonNode provider = p.getValue().path("provider");
      if (provider.isString()) {
        providers.add(provider.stringValue());
      }
    }
    return providers;
  }

  /** ":line:col" of the first character that is not white space. */
  private static String startOf(String text) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < text.length() && Character.isWhitespace(text.charAt(i)); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return ":" + line + ":" + col;
  }

  private static String kindOf(JsonNode node) {
    return node.isArray() ? "an array" : node.isString() ? "a string" : "a " + node.getNodeType()
        .name().toLowerCase(java.util.Locale.ROOT);
  }
}
