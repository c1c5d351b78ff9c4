package dev.polpocheck.cli;

import dev.polpocheck.config.EnvFile;
import dev.polpocheck.config.Environment;
import dev.polpocheck.redact.Redactor;
import dev.polpocheck.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers with the run's {@link Redactor} the secret values {@code validate} learns, before any
 * finding is written: every {@code --env} and env-file value, the process-environment value of
 * every {@code ${VAR}} a checked file references (Polpo's grammar, {@code ${\w+}}), and the
 * credentials inside the checked files and the {@code --auth-profiles} file (the fields the schemas
 * mark secret: tokens, keys, webhook and database URLs). Only values are registered, never
 * variable names, and a value that is itself a {@code ${VAR}} reference is not a secret.
 */
final class KnownSecrets {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)\\}");

  /** Fields whose string values are credentials in Polpo's files (x-secret in the schemas). */
  private static final Set<String> SECRET_FIELDS =
      Set.of("access", "refresh", "apiKey", "botToken", "webhookUrl", "databaseUrl", "token");

  /** The same names as JSON keys ({@code "apiKey"}): the text test before any parsing. */
  private static final List<String> QUOTED_SECRET_FIELDS = quoted(SECRET_FIELDS);

  /** Built on first use: most runs check no file with a credential field (measured start-up). */
  private static final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }

  private KnownSecrets() {}

  private static List<String> quoted(Set<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      out.add("\"" + name + "\"");
    }
    return out;
  }

  /** Registers the values of {@code --env} pairs and of an env file (null when none). */
  static void registerEnvironment(Redactor r, Map<String, String> pairs, EnvFile envFile) {
    r.addSecrets(pairs.values());
    if (envFile != null) {
      for (EnvFile.Entry e : envFile.entries()) {
        r.addSecret(e.value());
      }
    }
  }

  /**
   * Registers, for each readable file, the resolved value of each {@code ${VAR}} it references and
   * the values of its secret fields. Unreadable or invalid files are skipped: validate reports
   * them, and what cannot be parsed cannot be quoted as a value either. Many files are read in
   * parallel, as {@link Validator#validateAll} validates them; the values are registered in the
   * files' order all the same, so the masker, and every byte it writes, is that of a sequential
   * run.
   */
  static void registerFiles(Redactor r, Environment env, List<Path> files) {
    Stream<Path> each =
        files.size() >= Validator.PARALLEL_FROM ? files.parallelStream() : files.stream();
    for (List<String> values : each.map(f -> valuesIn(env, f)).toList()) {
      r.addSecrets(values);
    }
  }

  /** The secret values that {@code file} holds or references; none when it cannot be read. */
  private static List<String> valuesIn(Environment env, Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      env.value(m.group(1)).ifPresent(out::add);
    }
    secretFields(text, out);
    return out;
  }

  /** Adds the secret fields' values of a JSON file's text; text that is not JSON adds none. */
  private static void secretFields(String json, List<String> out) {
    // Most files have no credential field at all; they are not parsed a second time.
    boolean any = false;
    for (int i = 0; i < QUOTED_SECRET_FIELDS.size() && !any; i++) {
      any = json.contains(QUOTED_SECRET_FIELDS.get(i));
    }
    if (!any) {
      return;
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (JacksonException e) {
      return;
    }
    walk(root, out);
  }

  private static void walk(JsonNode node, List<String> out) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode v = e.getValue();
        if (v.isString() && SECRET_FIELDS.contains(e.getKey())) {
          String s = v.stringValue();
          if (!REFERENCE.matcher(s).find()) {
            out.add(s);
          }
        } else {
          walk(v, out);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode v : node) {
        walk(v, out);
      }
    }
  }
}
