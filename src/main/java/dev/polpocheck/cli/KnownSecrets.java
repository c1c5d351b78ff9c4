package dev.polpocheck.cli;

import dev.polpocheck.config.EnvFile;
import dev.polpocheck.config.Environment;
import dev.polpocheck.redact.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** Built on first use: most runs check no file with a credential field (measured start-up). */
  private static final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }

  private KnownSecrets() {}

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
   * them, and what cannot be parsed cannot be quoted as a value either.
   */
  static void registerFiles(Redactor r, Environment env, Collection<Path> files) {
    for (Path f : files) {
      String text;
      try {
        text = Files.readString(f);
      } catch (IOException | RuntimeException e) {
        continue;
      }
      Matcher m = REFERENCE.matcher(text);
      while (m.find()) {
        env.value(m.group(1)).ifPresent(r::addSecret);
      }
      registerSecretFields(r, text);
    }
  }

  /** Registers the secret fields' values of a JSON file's text; text that is not JSON is skipped. */
  static void registerSecretFields(Redactor r, String json) {
    // Most files have no credential field at all; they are not parsed a second time.
    if (SECRET_FIELDS.stream().noneMatch(f -> json.contains("\"" + f + "\""))) {
      return;
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (JacksonException e) {
      return;
    }
    walk(r, root);
  }

  private static void walk(Redactor r, JsonNode node) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode v = e.getValue();
        if (v.isString() && SECRET_FIELDS.contains(e.getKey())) {
          String s = v.stringValue();
          if (!REFERENCE.matcher(s).find()) {
            r.addSecret(s);
          }
        } else {
          walk(r, v);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode v : node) {
        walk(r, v);
      }
    }
  }
}
