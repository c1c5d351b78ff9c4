package dev.polpocheck.validate.rules;

import static dev.polpocheck.validate.RuleTesting.only;
import static dev.polpocheck.validate.RuleTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.config.Environment;
import dev.polpocheck.validate.Diagnostic;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Protects the lint rules that need code: postgres storage without a URL (static warning, resolved
 * error), dropped provider entries, and the agent rules Polpo documents but never runs (duplicate
 * names, reportsTo self / unknown / cycle), each with a failing and a passing case.
 */
class ValidateRulesTest {
  private static final String POSTGRES = "{\"settings\": {\"storage\": \"postgres\"}}";

  @Test
  void postgresUrl_staticPassWithoutUrl_isWarningNamingTheLimit() {
    List<Diagnostic> d = run("polpo/settings/postgres-url", FileKind.POLPO, POSTGRES);
    assertEquals(1, d.size());
    assertEquals(Severity.WARNING, d.get(0).severity());
    assertTrue(d.get(0).message().contains("static pass"), d.get(0).message());
  }

  @Test
  void postgresUrl_resolvedPassWithoutDatabaseUrl_isError() {
    Environment env = Environment.resolved(Map.of(), null, Map.of());
    List<Diagnostic> d = only("polpo/settings/postgres-url", run(FileKind.POLPO, POSTGRES, env));
    assertEquals(Severity.ERROR, d.get(0).severity());
    assertTrue(d.get(0).message().contains("DATABASE_URL is unset"), d.get(0).message());
  }

  @Test
  void postgresUrl_resolvedPassWithDatabaseUrl_isSilent() {
    Environment env = Environment.resolved(Map.of("DATABASE_URL", "postgres://db"), null, Map.of());
    assertEquals(
        List.of(), only("polpo/settings/postgres-url", run(FileKind.POLPO, POSTGRES, env)));
  }

  @Test
  void postgresUrl_databaseUrlSetting_isSilent() {
    assertEquals(
        List.of(),
        run(
            "polpo/settings/postgres-url",
            FileKind.POLPO,
            "{\"settings\": {\"storage\": \"postgres\", \"databaseUrl\": \"postgres://db\"}}"));
  }

  @Test
  void emptyEntry_onlyApiKey_isReportedAtProviderKey() {
    List<Diagnostic> d =
        run(
            "polpo/providers/empty-entry",
            FileKind.POLPO,
            "{\"providers\": {\"openai\": {\"apiKey\": \"${OPENAI_API_KEY}\"}}}");
    assertEquals(1, d.size());
    assertEquals("/providers/openai", d.get(0).pointer());
    assertEquals(
        List.of(),
        run(
            "polpo/providers/empty-entry",
            FileKind.POLPO,
            "{\"providers\": {\"openai\": {\"baseUrl\": \"https://proxy.test/v1\"}}}"));
  }

  @Test
  void duplicateName_secondAgent_isReportedPointingAtFirst() {
    List<Diagnostic> d =
        run(
            "polpo/agents/duplicate-name",
            FileKind.AGENTS,
            "[\n{\"agent\": {\"name\": \"coder\"}},\n{\"agent\": {\"name\": \"coder\"}}\n]");
    assertEquals(1, d.size());
    assertEquals(3, d.get(0).line());
    assertTrue(d.get(0).message().contains("line 2"), d.get(0).message());
    assertTrue(d.get(0).message().contains("would not tell you"), d.get(0).message());
    assertEquals(
        List.of(),
        run(
            "polpo/agents/duplicate-name",
            FileKind.AGENTS,
            "[{\"agent\": {\"name\": \"a\"}}, {\"agent\": {\"name\": \"b\"}}]"));
  }

  @Test
  void reportsToSelf_isReported() {
    assertEquals(
        1,
        run(
                "polpo/agents/reports-to-self",
                FileKind.AGENTS,
                "[{\"agent\": {\"name\": \"a\", \"reportsTo\": \"a\"}}]")
            .size());
    assertEquals(
        List.of(),
        run(
            "polpo/agents/reports-to-self",
            FileKind.AGENTS,
            "[{\"agent\": {\"name\": \"a\"}}, {\"agent\": {\"name\": \"b\", \"reportsTo\":"
                + " \"a\"}}]"));
  }

  @Test
  void reportsToUnknown_typo_suggestsAgent() {
    List<Diagnostic> d =
        run(
            "polpo/agents/reports-to-unknown",
            FileKind.AGENTS,
            "[{\"agent\": {\"name\": \"lead\"}}, {\"agent\": {\"name\": \"b\", \"reportsTo\":"
                + " \"laed\"}}]");
    assertEquals(1, d.size());
    assertEquals("lead", d.get(0).suggestion());
    assertEquals("/1/agent/reportsTo", d.get(0).pointer());
    assertEquals(
        List.of(),
        run(
            "polpo/agents/reports-to-unknown",
            FileKind.AGENTS,
            "[{\"agent\": {\"name\": \"lead\"}}, {\"agent\": {\"name\": \"b\", \"reportsTo\":"
                + " \"lead\"}}]"));
  }

  @Test
  void reportsToCycle_threeAgents_reportedOnceWithChain() {
    List<Diagnostic> d =
        run(
            "polpo/agents/reports-to-cycle",
            FileKind.AGENTS,
            "[{\"agent\": {\"name\": \"a\", \"reportsTo\": \"b\"}},"
                + " {\"agent\": {\"name\": \"b\", \"reportsTo\": \"c\"}},"
                + " {\"agent\": {\"name\": \"c\", \"reportsTo\": \"a\"}},"
                + " {\"agent\": {\"name\": \"d\", \"reportsTo\": \"a\"}}]");
    assertEquals(1, d.size());
    assertTrue(d.get(0).message().contains("a → b → c → a"), d.get(0).message());
    assertEquals("/0/agent/reportsTo", d.get(0).pointer());
  }

  @Test
  void reportsToCycle_chainWithoutLoop_isSilent() {
    assertEquals(
        List.of(),
        run(
            "polpo/agents/reports-to-cycle",
            FileKind.AGENTS,
            "[{\"agent\": {\"name\": \"a\", \"reportsTo\": \"b\"}},"
                + " {\"agent\": {\"name\": \"b\", \"reportsTo\": \"c\"}},"
                + " {\"agent\": {\"name\": \"c\"}}]"));
  }
}
