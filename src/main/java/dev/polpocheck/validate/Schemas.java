package dev.polpocheck.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import dev.polpocheck.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The Polpo schemas, loaded from the jar's {@code /schemas/} folder and compiled once with
 * networknt's draft-07 dialect.
 *
 * <p>The schemas keep their public {@code $id} ({@code https://polpo-check.dev/schema/v1/...}); the
 * registry maps that prefix to the class path, so nothing is ever fetched from the network. Editor
 * and polpo-check keywords ({@code markdownDescription}, {@code x-secret}, ...) are registered as
 * annotations so networknt neither rejects nor logs them. Messages are pinned to {@link
 * Locale#ENGLISH}, although reporters never print them: see {@link SchemaErrors}.
 */
public final class Schemas {

  /** The {@code $id} prefix of every published schema; the major version is in the path. */
  public static final String ID_PREFIX = "https://polpo-check.dev/schema/v1/";

  /** Keywords our schemas use that carry no validation meaning. */
  static final List<String> ANNOTATIONS =
      List.of(
          "markdownDescription",
          "deprecationMessage",
          "patternErrorMessage",
          "enumDescriptions",
          "markdownEnumDescriptions",
          "defaultSnippets",
          "doNotSuggest",
          "x-secret",
          "x-env",
          "x-rule",
          "x-rule-required",
          "x-checked-by");

  private final SchemaRegistry registry;
  // Concurrent: a run may validate files in parallel; compiled schemas are thread-safe.
  // Keyed by schema file name: a target may give one kind another schema (PolpoTarget#schemaFile).
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> trees = new ConcurrentHashMap<>();

  /** Loads and compiles nothing yet; each schema is compiled on first use. */
  public Schemas() {
    Dialect.Builder dialect = Dialect.builder(Dialects.getDraft7());
    for (String keyword : ANNOTATIONS) {
      dialect.keyword(new AnnotationKeyword(keyword));
    }
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().locale(Locale.ENGLISH).formatAssertionsEnabled(true).build();
    this.registry =
        SchemaRegistry.withDialect(
            dialect.build(),
            b ->
                b.schemaRegistryConfig(config)
                    .schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:schemas/")));
  }

  /** The schema text of a kind, exactly as published (for {@code polpo-check schema NAME}). */
  public static String text(FileKind kind) {
    return text(kind.schemaFile());
  }

  /** The text of the published schema file {@code file} (for example {@code agent.schema.json}). */
  public static String text(String file) {
    try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + file)) {
      if (in == null) {
        throw new IllegalStateException("schema " + file + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed schema document of a kind, for walking annotations. */
  JsonNode tree(FileKind kind) {
    return tree(kind.schemaFile());
  }

  /**
   * The parsed schema document {@code file}, for walking annotations and compiling: the jar's lean
   * copy ({@link LeanSchemas}: the same schema without the editor prose), or the published text
   * when the build did not make one.
   */
  JsonNode tree(String file) {
    return trees.computeIfAbsent(file, f -> JsonReader.parseTree(f, runtimeText(f)));
  }

  private static String runtimeText(String file) {
    try (InputStream in = Schemas.class.getResourceAsStream("/schemas-lean/" + file)) {
      return in == null ? text(file) : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Validates an instance against the kind's schema; the raw library errors, unrendered. */
  List<Error> validate(FileKind kind, JsonNode instance) {
    return validate(kind.schemaFile(), instance);
  }

  /** Validates an instance against the schema file {@code file}; the raw library errors. */
  List<Error> validate(String file, JsonNode instance) {
    Schema schema =
        compiled.computeIfAbsent(
            file, f -> registry.getSchema(SchemaLocation.of(ID_PREFIX + f), tree(f)));
    return schema.validate(instance);
  }
}
