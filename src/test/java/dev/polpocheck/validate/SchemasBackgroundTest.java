package dev.polpocheck.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import dev.polpocheck.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link Schemas#compileInBackground}: the schemas a run compiled ahead on a second thread give the
 * same errors as the same schemas compiled on first use, a name nobody needs changes nothing, and a
 * compile that fails on that thread fails again, visibly, when the run asks for the schema.
 */
class SchemasBackgroundTest {
  // an agent with a mistyped key and a number where a string belongs: schema errors in
  // agents.schema.json (additionalProperties and type), by hand from the published schema
  private static final String AGENTS = "[{\"name\": \"a\", \"rol\": \"x\", \"model\": 42}]";
  private static final String POLPO = "{\"project\": 7, \"settings\": {\"unknown\": true}}";

  @Test
  void aheadOfTimeAndOnFirstUseGiveTheSameErrors() {
    Schemas ahead = new Schemas().compileInBackground(
        List.of("polpo.schema.json", "agents.schema.json", "teams.schema.json"));
    Schemas onUse = new Schemas();
    for (String[] c : List.of(new String[] {"agents.schema.json", AGENTS},
        new String[] {"polpo.schema.json", POLPO})) {
      JsonNode doc = JsonReader.parse("x.json", c[1]).root();
      List<String> expected = messages(onUse.validate(c[0], doc));
      assertTrue(expected.size() >= 2, c[0] + ": " + expected);
      assertEquals(expected, messages(ahead.validate(c[0], doc)), c[0]);
    }
  }

  @Test
  void aSchemaThatCannotCompileFailsWhenAskedFor_notOnTheBackgroundThread() {
    Schemas s = new Schemas().compileInBackground(List.of("no-such.schema.json"));
    JsonNode doc = JsonReader.parse("x.json", "{}").root();
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> s.validate("no-such.schema.json", doc));
    assertTrue(String.valueOf(e.getMessage()).contains("no-such.schema.json"), e.toString());
    // and the other schemas still compile on demand afterwards
    assertEquals(List.of(), s.validate("teams.schema.json",
        JsonReader.parse("x.json", "[]").root()));
  }

  private static List<String> messages(List<Error> errors) {
    List<String> out = new ArrayList<>();
    for (Error e : errors) {
      out.add(e.getInstanceLocation() + " " + e.getKeyword() + " " + e.getMessage());
    }
    return out;
  }
}
