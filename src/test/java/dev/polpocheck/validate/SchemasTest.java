package dev.polpocheck.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Protects the published schemas' contract with editors and with the engine: draft-07 with a
 * versioned $id, hover help (description and markdownDescription) on every property, deprecated
 * keys carrying a deprecationMessage and a registered rule, and every rule id a schema names
 * registered, so no finding can appear under an unknown rule.
 */
class SchemasTest {

  @Test
  void everySchema_isDraft07WithVersionedId() {
    for (FileKind k : FileKind.values()) {
      JsonNode s = JsonReader.parse(k.schemaFile(), Schemas.text(k)).root();
      assertEquals("http://json-schema.org/draft-07/schema#", s.get("$schema").asString());
      assertEquals(Schemas.ID_PREFIX + k.schemaFile(), s.get("$id").asString());
    }
  }

  @Test
  void everyProperty_hasDescriptionAndMarkdownDescription() {
    List<String> missing = new ArrayList<>();
    for (FileKind k : FileKind.values()) {
      walk(JsonReader.parse(k.schemaFile(), Schemas.text(k)).root(), k.schemaFile(), missing);
    }
    assertEquals(List.of(), missing);
  }

  private static void walk(JsonNode n, String where, List<String> missing) {
    if (n.isObject()) {
      JsonNode props = n.get("properties");
      if (props != null) {
        for (Map.Entry<String, JsonNode> e : props.properties()) {
          if (!e.getValue().has("description") || !e.getValue().has("markdownDescription")) {
            missing.add(where + "/" + e.getKey());
          }
        }
      }
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        walk(e.getValue(), where + "/" + e.getKey(), missing);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        walk(n.get(i), where + "/" + i, missing);
      }
    }
  }

  @Test
  void everyRuleNamedInSchemas_isRegistered_andDeprecatedKeysNameARule() {
    Map<String, RuleDescriptor> known = Rules.byId();
    List<String> problems = new ArrayList<>();
    for (FileKind k : FileKind.values()) {
      check(JsonReader.parse(k.schemaFile(), Schemas.text(k)).root(), known, problems);
    }
    assertEquals(List.of(), problems);
  }

  private static void check(JsonNode n, Map<String, RuleDescriptor> known, List<String> out) {
    if (n.isObject()) {
      for (String kw : List.of("x-rule", "x-rule-required")) {
        if (n.has(kw) && !known.containsKey(n.get(kw).asString())) {
          out.add("unregistered " + n.get(kw).asString());
        }
      }
      if (n.has("deprecationMessage") && !n.has("x-rule")) {
        out.add("deprecated without rule: " + n.get("description").asString());
      }
      n.properties().forEach(e -> check(e.getValue(), known, out));
    } else if (n.isArray()) {
      n.forEach(c -> check(c, known, out));
    }
  }

  @Test
  void secretFields_areMarked() {
    JsonNode polpo = JsonReader.parse("p", Schemas.text(FileKind.POLPO)).root();
    assertTrue(polpo.at("/properties/settings/properties/databaseUrl/x-secret").asBoolean());
    JsonNode auth = JsonReader.parse("a", Schemas.text(FileKind.AUTH_PROFILES)).root();
    JsonNode profile = auth.at("/properties/profiles/additionalProperties/properties");
    assertTrue(profile.at("/access/x-secret").asBoolean());
    assertTrue(profile.at("/refresh/x-secret").asBoolean());
  }

  @Test
  void rules_registryHasUniqueIdsWithDocumentation() {
    for (RuleDescriptor d : Rules.byId().values()) {
      assertTrue(d.documentation().length() > 40, d.id());
      assertTrue(!d.summary().endsWith("."), d.id());
    }
  }
}
