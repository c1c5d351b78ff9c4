package dev.polpocheck.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Build-time tool: writes the runtime copy of the published schemas that {@code validate} parses,
 * without the prose editors show ({@code description}, {@code markdownDescription} and the enum
 * descriptions) and without indentation. About half of a schema's text is that prose, and parsing
 * the schema is a fixed cost of every {@code validate} run; the validator reads none of it. The
 * published files in {@code schemas/} (and {@code polpo-check schema NAME}) stay as written.
 *
 * <p>Only keywords are removed: the members of {@code properties}, {@code patternProperties},
 * {@code definitions}, {@code $defs} and {@code dependencies} are names (a property may be called
 * {@code description}), and {@code enum}, {@code const}, {@code default}, {@code examples} and
 * {@code x-*} hold data, which is copied as is. Run by Maven in {@code process-classes}:
 * {@code LeanSchemas SOURCE_DIR TARGET_DIR}.
 */
public final class LeanSchemas {
  /** The prose keywords the runtime copy leaves out. */
  static final Set<String> PROSE =
      Set.of("description", "markdownDescription", "enumDescriptions", "markdownEnumDescriptions");

  private static final Set<String> NAME_MAPS =
      Set.of("properties", "patternProperties", "definitions", "$defs", "dependencies");
  private static final Set<String> DATA = Set.of("enum", "const", "default", "examples");

  private LeanSchemas() {}

  /** Writes the lean copy of every {@code *.json} in {@code args[0]} to {@code args[1]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: LeanSchemas SOURCE_DIR TARGET_DIR");
    }
    Path from = Path.of(args[0]);
    Path to = Path.of(args[1]);
    Files.createDirectories(to);
    JsonMapper json = JsonMapper.builder().build();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(from)) {
      s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
    }
    for (Path f : files) {
      JsonNode schema = json.readTree(f.toFile());
      strip(schema);
      Files.writeString(to.resolve(f.getFileName()), json.writeValueAsString(schema));
    }
  }

  /** Removes the prose keywords from {@code schema} and from every subschema, in place. */
  static void strip(JsonNode schema) {
    if (schema instanceof ObjectNode o) {
      o.remove(PROSE);
      for (String key : new ArrayList<>(o.propertyNames())) {
        JsonNode value = o.get(key);
        if (NAME_MAPS.contains(key) && value.isObject()) {
          value.forEach(LeanSchemas::strip);
        } else if (!DATA.contains(key) && !key.startsWith("x-")) {
          strip(value);
        }
      }
    } else if (schema.isArray()) {
      schema.forEach(LeanSchemas::strip);
    }
  }
}
