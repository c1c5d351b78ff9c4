package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.json.JsonReader;
import dev.polpocheck.validate.Rules;
import org.junit.jupiter.api.Test;

/**
 * Protects {@code polpo-check schema NAME} (prints the published schema so editors and other tools
 * can use it) and {@code polpo-check rules [RULE]} (lists every rule with its default severity, or
 * documents one).
 */
class SchemaAndRulesCommandTest {

  @Test
  void schema_polpo_printsParsableDraft07Schema() {
    CliRun r = CliRun.of("schema", "polpo");
    assertEquals(0, r.exit());
    assertEquals(
        "https://polpo-check.dev/schema/v1/polpo.schema.json",
        JsonReader.parse("s", r.out()).root().get("$id").asString());
  }

  @Test
  void schema_everyKindAndFileNameForm_accepted() {
    for (String n : new String[] {"agents", "teams", "auth-profiles", "polpo.schema.json"}) {
      assertEquals(0, CliRun.of("schema", n).exit(), n);
    }
  }

  @Test
  void schema_unknownName_isUsageError() {
    CliRun r = CliRun.of("schema", "trace");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("expected polpo, agents, teams, auth-profiles, project"), r.err());
  }

  @Test
  void rules_list_showsEveryRuleWithSeverity() {
    CliRun r = CliRun.of("rules");
    assertEquals(0, r.exit());
    assertEquals(Rules.descriptors().size(), r.out().split("\n").length);
    assertTrue(
        r.out()
            .lines()
            .anyMatch(l -> l.startsWith("polpo/settings/log-level") && l.contains(" error ")),
        r.out());
  }

  @Test
  void rules_one_printsDocumentationAndFiles() {
    CliRun r = CliRun.of("rules", "polpo/config/unparsable");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("silently read as an empty list"), r.out());
    assertTrue(
        r.out()
            .contains(
                "Files: agent.json, agents.json, auth-profiles.json, polpo.json, project.json,"
                    + " teams.json, teams/<id>.json"),
        r.out());
    assertEquals(2, CliRun.of("rules", "polpo/nope/nope").exit());
  }
}
