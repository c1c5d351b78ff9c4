package dev.polpocheck.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.json.LineMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Protects the engine against files nobody wrote a case for: for any JSON built from Polpo's own
 * keys and arbitrary values, in any file kind, validation never throws, every finding lies inside
 * the file with a registered rule id, and a planted secret never appears in a message, help line or
 * suggestion.
 */
class ValidatorProperties {
  private static final String CANARY = "sk-ant-api03-PROPCANARY";
  private static final List<String> KEYS =
      List.of(
          "settings",
          "providers",
          "project",
          "logLevel",
          "storage",
          "orchestratorModel",
          "primary",
          "fallbacks",
          "anthropic",
          "apiKey",
          "baseUrl",
          "api",
          "models",
          "agent",
          "name",
          "reportsTo",
          "teamName",
          "notifications",
          "channels",
          "type",
          "url",
          "headers",
          "version",
          "profiles",
          "access",
          "provider",
          "expires",
          "agents",
          "org",
          "maxRetires",
          "identity",
          "responsibilities",
          "browserProfile",
          "${X}",
          "a/b~c");

  @Provide
  Arbitrary<String> json() {
    return value(4);
  }

  private Arbitrary<String> value(int depth) {
    Arbitrary<String> scalars =
        Arbitraries.oneOf(
            Arbitraries.of(
                "null",
                "true",
                "false",
                "0",
                "-1.5e3",
                "3",
                "\"\"",
                "\"loud\"",
                "\"postgres\"",
                "\"slack\"",
                "\"oauth\"",
                "\"claude-sonnet-4-6\"",
                "\"${ANTHROPIC_API_KEY}\"",
                "\"" + CANARY + "\"",
                "\"a\\\"b\\u00e9\""));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<String> member =
        Arbitraries.of(KEYS).flatMap(k -> value(depth - 1).map(v -> "\"" + k + "\": " + v));
    Arbitrary<String> object =
        member.list().ofMaxSize(5).map(m -> "{" + String.join(", ", m) + "}");
    Arbitrary<String> array =
        value(depth - 1).list().ofMaxSize(4).map(m -> "[" + String.join(", ", m) + "]");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, scalars),
        net.jqwik.api.Tuple.of(4, object),
        net.jqwik.api.Tuple.of(2, array));
  }

  @Property(tries = 300, seed = "20261125")
  void validate_anyPolpoShapedJson_neverThrowsAndStaysInsideTheFile(
      @ForAll("json") String json, @ForAll FileKind kind) {
    List<Diagnostic> diagnostics = RuleTesting.run(kind, json);
    LineMap lines = new LineMap(json);
    for (Diagnostic d : diagnostics) {
      assertTrue(Rules.byId().containsKey(d.rule()), d.rule());
      if (d.hasPosition()) {
        assertTrue(d.line() >= 1 && d.line() <= lines.lineCount(), d.toString());
        assertTrue(d.endLine() >= d.line(), d.toString());
      }
      String shown = d.message() + " " + d.help() + " " + d.suggestion();
      assertFalse(shown.contains("PROPCANARY"), shown);
    }
  }
}
