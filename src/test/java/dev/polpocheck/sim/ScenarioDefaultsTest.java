package dev.polpocheck.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects the one-defaults-document rule: every default the scenario schema documents is the value
 * the shipped default scenario holds, so the docs a user reads are what a run uses.
 */
class ScenarioDefaultsTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Test
  void schemaDefaults_equalShippedDefaultScenario() throws Exception {
    Path basedir = Path.of(System.getProperty("polpocheck.basedir", "."));
    JsonNode schema =
        MAPPER.readTree(Files.readString(basedir.resolve("schemas/scenario.schema.json")));
    JsonNode defaults;
    try (InputStream in = ScenarioFiles.class.getResourceAsStream("default-scenario.json")) {
      defaults = MAPPER.readTree(in);
    }
    int checked = 0;
    for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
      JsonNode d = p.getValue().get("default");
      if (d == null) {
        continue;
      }
      JsonNode shipped = defaults.get(p.getKey());
      assertTrue(shipped != null, p.getKey() + " missing from default-scenario.json");
      if (d.isObject() && shipped.isObject()) {
        // the schema's object default lists the scalar keys; the shipped one may hold more
        for (Map.Entry<String, JsonNode> e : d.properties()) {
          assertEquals(e.getValue(), shipped.get(e.getKey()), p.getKey() + "." + e.getKey());
          checked++;
        }
      } else {
        assertEquals(d, shipped, p.getKey());
        checked++;
      }
    }
    assertTrue(checked >= 25, "checked " + checked);
  }
}
