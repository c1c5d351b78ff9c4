package dev.polpocheck.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects the runtime copy of the schemas that {@code validate} checks files against: only the
 * editor prose is left out, so a file is valid against it exactly when it is valid against the
 * published schema.
 */
class LeanSchemasTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static String lean(String schema) {
    JsonNode n = JSON.readTree(schema);
    LeanSchemas.strip(n);
    return JSON.writeValueAsString(n);
  }

  @Test
  void strip_proseKeywords_areRemovedAtEveryDepth() {
    String in = "{\"description\":\"d\",\"markdownDescription\":\"m\",\"type\":\"object\","
        + "\"items\":[{\"description\":\"x\",\"type\":\"string\"}],"
        + "\"oneOf\":[{\"enum\":[\"a\"],\"enumDescriptions\":[\"A\"],"
        + "\"markdownEnumDescriptions\":[\"*A*\"]}]}";
    assertEquals("{\"type\":\"object\",\"items\":[{\"type\":\"string\"}],"
        + "\"oneOf\":[{\"enum\":[\"a\"]}]}", lean(in));
  }

  @Test
  void strip_propertyNamedDescription_isKeptWithItsSchemaStripped() {
    // "description" under properties names a config field (an agent's description), not prose
    String in = "{\"properties\":{\"description\":{\"type\":\"string\",\"description\":\"p\"}},"
        + "\"required\":[\"description\"]}";
    assertEquals("{\"properties\":{\"description\":{\"type\":\"string\"}},"
        + "\"required\":[\"description\"]}", lean(in));
  }

  @Test
  void strip_dataKeywordsAndExtensions_areCopiedAsIs() {
    String in = "{\"const\":{\"description\":1},\"default\":{\"description\":2},"
        + "\"enum\":[{\"description\":3}],\"x-rule\":{\"description\":4}}";
    assertEquals(in, lean(in));
  }
}
