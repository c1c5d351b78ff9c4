package dev.polpocheck.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects the published schemas for users of other validators: real ajv 8 (pinned in {@code
 * tools/ajv/package.json}) compiles every {@code schemas/*.schema.json} with its default options,
 * strict mode on, once the annotation keywords of {@code schemas/keywords.json} are declared, and
 * accepts every valid real file of the test resources under the schema its target gives it. Also
 * keeps {@code keywords.json} equal to the keywords polpo-check itself registers.
 *
 * <p>Needs node and {@code npm ci --prefix tools/ajv} ({@code .ci/run} does both); skipped when
 * they are missing, except in CI ({@code CI=true}).
 */
class PublishedSchemasAjvIT {
  private static final Path ROOT =
      Path.of(System.getProperty("polpocheck.basedir", ".")).toAbsolutePath();

  @Test
  void keywordsJson_listsTheAnnotationsPolpoCheckRegisters() throws IOException {
    JsonNode k =
        JsonMapper.builder().build().readTree(ROOT.resolve("schemas/keywords.json").toFile());
    List<String> published = new ArrayList<>();
    k.path("annotations").forEach(n -> published.add(n.asString()));
    assertEquals(Schemas.ANNOTATIONS, published);
  }

  @Test
  void everySchema_compilesInAjvStrictMode_andAcceptsTheValidRealFiles() throws Exception {
    Path ajv = ROOT.resolve("tools/ajv/node_modules/ajv/package.json");
    boolean ready = Files.isRegularFile(ajv) && which("node");
    if (!ready && "true".equals(System.getenv("CI"))) {
      fail("node or tools/ajv/node_modules missing with CI=true: npm ci --prefix tools/ajv");
    }
    Assumptions.assumeTrue(ready, "node or ajv missing; skipping the ajv strict-mode check");

    List<String> cmd =
        new ArrayList<>(
            List.of(
                "node",
                ROOT.resolve("tools/ajv/check-schemas.cjs").toString(),
                ROOT.resolve("schemas").toString()));
    int files = 0;
    // Polpo 0.3.x fixtures that Polpo 0.3.x's code accepts (validate/good).
    for (String name : List.of("polpo", "agents", "teams")) {
      cmd.add(
          ROOT.resolve("src/test/resources/validate/good/.polpo/" + name + ".json")
              + "="
              + name
              + ".schema.json");
      files++;
    }
    // Real upstream files (SOURCES.md there), each under the schema upstream's reader implies.
    try (Stream<Path> s = Files.walk(ROOT.resolve("src/test/resources/validate/upstream"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        FileKind kind = ProjectLayout.kindOf(f, PolpoTarget.UPSTREAM).orElseThrow();
        cmd.add(f + "=" + PolpoTarget.UPSTREAM.schemaFile(kind));
        files++;
      }
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ajv timed out");
    assertEquals(0, p.exitValue(), out);
    long schemas;
    try (Stream<Path> s = Files.list(ROOT.resolve("schemas"))) {
      schemas = s.filter(f -> f.toString().endsWith(".schema.json")).count();
    }
    assertTrue(
        out.contains(
            "compiled "
                + schemas
                + " of "
                + schemas
                + " schemas, validated "
                + files
                + " files, 0 problems"),
        out);
  }

  private static boolean which(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
