package dev.polpocheck.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.polpocheck.UserInputException;
import dev.polpocheck.cost.Money;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The price catalogs a user picks with {@code --prices}: built-ins load and match their published
 * sources, lookups find dated and prefixed ids, Anthropic's multipliers are checked on load
 * (pi-ai's 1-hour price is flagged), LiteLLM files are read, bad files fail with a position.
 */
class PriceCatalogTest {
  @TempDir Path tmp;

  private static BigDecimal perM(long picos) {
    return Money.perMillionFromPerToken(picos);
  }

  @Test
  void builtins_loadWithSourceAndDate_andMatchTheirSchema() throws Exception {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                Files.readString(
                    Path.of(
                        System.getProperty("polpocheck.basedir", "."),
                        "schemas",
                        "prices.schema.json")));
    JsonMapper m = JsonMapper.builder().build();
    for (String name : List.of("anthropic", "polpo-docs", "pi-ai", "deepseek")) {
      PriceCatalog c = PriceCatalog.builtin(name);
      assertEquals(name, c.name());
      assertFalse(c.source().isBlank());
      assertTrue(c.effectiveDate().matches("\\d{4}-\\d{2}-\\d{2}"));
      try (InputStream in =
          getClass().getResourceAsStream("/dev/polpocheck/catalog/prices/" + name + ".json")) {
        List<Error> errors = schema.validate(m.readTree(in));
        assertTrue(errors.isEmpty(), name + ": " + errors);
      }
    }
  }

  @Test
  void list_composedCatalog_isDatedByItsOldestPartAndNamesEachPartsDate() {
    PriceCatalog list = PriceCatalog.defaultCatalog();
    // deepseek: the mini-swe-agent traces were recorded in April 2026 (their README)
    assertEquals("2026-04-01", list.effectiveDate());
    assertEquals(
        List.of("anthropic", "deepseek"), list.parts().stream().map(PriceCatalog::name).toList());
    assertEquals(
        "anthropic effective 2026-12-04, deepseek effective 2026-04-01", list.describeDates());
    assertEquals("effective 2026-04-01", PriceCatalog.builtin("deepseek").describeDates());
  }

  @Test
  void builtins_areDatedByTheirSourcesNotByTheDayTheyWereWritten() {
    // polpo-semantics.md: pi-ai 0.58.3 is dated 2026-03-15; Polpo's docs pages were last in the
    // repository at commit fed60c8 (2026-03-22)
    assertEquals("2026-03-15", PriceCatalog.builtin("pi-ai").effectiveDate());
    assertEquals("2026-03-22", PriceCatalog.builtin("polpo-docs").effectiveDate());
  }

  @Test
  void anthropic_sonnet45_hasPublishedRatesAndLongContextTier() {
    Price p =
        PriceCatalog.builtin("anthropic")
            .find("anthropic", "claude-sonnet-4-5-20250929")
            .orElseThrow();
    assertEquals(new BigDecimal("3"), perM(p.input()));
    assertEquals(new BigDecimal("15"), perM(p.output()));
    assertEquals(new BigDecimal("3.75"), perM(p.cacheWrite5m()));
    assertEquals(new BigDecimal("6"), perM(p.cacheWrite1h()));
    assertEquals(new BigDecimal("0.3"), perM(p.cacheRead()));
    assertEquals(200_000, p.longContext().thresholdTokens());
    assertEquals(new BigDecimal("22.5"), perM(p.longContext().output()));
  }

  @Test
  void anthropic_satisfiesEveryInvariantIncludingDocumentedExceptions() {
    assertEquals(List.of(), PriceCatalog.builtin("anthropic").warnings());
    assertEquals(List.of(), PriceCatalog.builtin("polpo-docs").warnings());
  }

  @Test
  void piAi_oneHourWriteAtFiveMinutePrice_isReported() {
    List<String> w = PriceCatalog.builtin("pi-ai").warnings();
    assertTrue(
        w.contains(
            "anthropic:claude-sonnet-4-5: 1-hour cache write is $3.75/MTok, Anthropic's rule"
                + " gives $6 (2 x input)"),
        w.toString());
    // pi-ai's claude-3-sonnet quirk: cacheWrite 0.3 instead of 1.25 x 3 = 3.75
    assertTrue(
        w.stream()
            .anyMatch(
                s ->
                    s.startsWith(
                        "anthropic:claude-3-sonnet-20240229: 5-minute cache write is $0.3/MTok")),
        w.toString());
  }

  @Test
  void polpoDocs_listsOpus46AtThePagesPrice() {
    Price p = PriceCatalog.builtin("polpo-docs").find("anthropic", "claude-opus-4-6").orElseThrow();
    assertEquals(new BigDecimal("15"), perM(p.input()));
    assertEquals(new BigDecimal("75"), perM(p.output()));
  }

  @Test
  void find_acceptsAliasesDateSuffixesAndProviderPrefixes() {
    PriceCatalog c = PriceCatalog.defaultCatalog();
    assertEquals(
        "claude-opus-4-0", c.find("anthropic", "claude-opus-4-20250514").orElseThrow().model());
    assertEquals(
        "claude-haiku-4-5", c.find("anthropic", "claude-haiku-4-5-20991231").orElseThrow().model());
    assertEquals("claude-opus-4-6", c.find("", "anthropic/claude-opus-4-6").orElseThrow().model());
    assertEquals(
        "claude-opus-4-6", c.find(null, "anthropic:claude-opus-4-6").orElseThrow().model());
    assertEquals("deepseek-chat", c.find(null, "deepseek-chat").orElseThrow().model());
    assertTrue(c.find("anthropic", "claude-unknown-9").isEmpty());
    assertTrue(
        c.find("openrouter", "claude-opus-4-6").isEmpty(),
        "another provider's price is not assumed");
  }

  @Test
  void unknownName_listsTheBuiltins() {
    UserInputException e =
        assertThrows(UserInputException.class, () -> PriceCatalog.resolve("antropic"));
    assertTrue(
        e.getMessage().contains("list, anthropic, polpo-docs, pi-ai, deepseek"), e.getMessage());
  }

  @Test
  void ownFormatFile_missingRate_failsWithLineAndColumn() throws Exception {
    Path f = tmp.resolve("mine.json");
    Files.writeString(
        f,
        "{\"schemaVersion\":1,\"name\":\"mine\",\"source\":\"me\",\"effectiveDate\":\"2026-01-01\",\n"
            + "\"models\":[\n"
            + "  {\"provider\":\"anthropic\",\"model\":\"claude-x\",\"output\":1,\"cacheWrite5m\":1,\"cacheWrite1h\":1,\"cacheRead\":1}]}\n");
    UserInputException e =
        assertThrows(UserInputException.class, () -> PriceCatalog.resolve(f.toString()));
    assertEquals(
        f + ":3:3: models[0] (anthropic:claude-x): 'input' is required (USD per million tokens)",
        e.getMessage());
  }

  @Test
  void ownFormatFile_rateFinerThanAPicodollar_isRejected() throws Exception {
    Path f = tmp.resolve("fine.json");
    Files.writeString(
        f,
        "{\"schemaVersion\":1,\"name\":\"fine\",\"source\":\"me\",\"effectiveDate\":\"2026-01-01\",\"models\":["
            + "{\"provider\":\"x\",\"model\":\"m\",\"input\":0.0000001,\"output\":1,\"cacheWrite5m\":1,\"cacheWrite1h\":1,\"cacheRead\":1}]}");
    UserInputException e =
        assertThrows(UserInputException.class, () -> PriceCatalog.resolve(f.toString()));
    assertTrue(e.getMessage().contains("more than 6 decimals"), e.getMessage());
  }

  @Test
  void ownFormatFile_impossibleDateOrHugeRate_isRejectedWithAClearReason() throws Exception {
    Path bad = tmp.resolve("date.json");
    Files.writeString(
        bad,
        "{\"schemaVersion\":1,\"name\":\"d\",\"source\":\"me\",\"effectiveDate\":\"2026-13-45\","
            + "\"models\":[]}");
    UserInputException e =
        assertThrows(UserInputException.class, () -> PriceCatalog.resolve(bad.toString()));
    assertTrue(
        e.getMessage().contains("'effectiveDate' is required as a real date"), e.getMessage());
    Path huge = tmp.resolve("huge.json");
    Files.writeString(
        huge,
        "{\"schemaVersion\":1,\"name\":\"h\",\"source\":\"me\",\"effectiveDate\":\"2026-01-01\","
            + "\"models\":[{\"provider\":\"x\",\"model\":\"m\",\"input\":1e300,\"output\":1,"
            + "\"cacheWrite5m\":1,\"cacheWrite1h\":1,\"cacheRead\":1}]}");
    e = assertThrows(UserInputException.class, () -> PriceCatalog.resolve(huge.toString()));
    assertTrue(e.getMessage().contains("'input' is above 10000 USD per million"), e.getMessage());
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }

  @Test
  void liteLlmFile_negativeHugeOrTextRate_skipsThatModelWithAWarning() throws Exception {
    Path f = tmp.resolve("ll.json");
    Files.writeString(
        f,
        """
        {"neg": {"litellm_provider": "anthropic", "mode": "chat",
           "input_cost_per_token": -3e-06, "output_cost_per_token": 1.5e-05},
         "huge": {"litellm_provider": "anthropic", "mode": "chat",
           "input_cost_per_token": 1e300, "output_cost_per_token": 1.5e-05},
         "text": {"litellm_provider": "anthropic", "mode": "chat",
           "input_cost_per_token": "abc", "output_cost_per_token": 1.5e-05},
         "ok": {"litellm_provider": "anthropic", "mode": "chat",
           "input_cost_per_token": 1e-06, "output_cost_per_token": 5e-06}}
        """);
    PriceCatalog c = PriceCatalog.resolve(f.toString());
    assertEquals(List.of("ok"), c.list().stream().map(PriceEntry::model).toList());
    for (String m : new String[] {"neg", "huge", "text"}) {
      assertTrue(
          c.warnings().stream()
              .anyMatch(w -> w.startsWith(f + ": " + m + ": input_cost_per_token is not a number")),
          m + " " + c.warnings());
    }
  }

  @Test
  void jsonObjectWithoutAnyPrice_isNotReadAsAnEmptyCatalog() throws Exception {
    Path f = tmp.resolve("empty.json");
    Files.writeString(f, "{}");
    UserInputException e =
        assertThrows(UserInputException.class, () -> PriceCatalog.resolve(f.toString()));
    assertTrue(e.getMessage().startsWith(f + ": no chat model"), e.getMessage());
  }

  @Test
  void truncatedFile_reportsInvalidJsonWithPosition() throws Exception {
    Path f = tmp.resolve("cut.json");
    Files.writeString(f, "{\"schemaVersion\":1,\"name\":\"cut\",\n\"models\":[{\"provider\":");
    UserInputException e =
        assertThrows(UserInputException.class, () -> PriceCatalog.resolve(f.toString()));
    assertTrue(e.getMessage().startsWith(f + ":2:"), e.getMessage());
    assertTrue(e.getMessage().contains("invalid JSON"), e.getMessage());
  }

  @Test
  void liteLlmFile_isReadExactly_andItsKnownTypoIsFlagged() throws Exception {
    Path f = tmp.resolve("model_prices_and_context_window.json");
    // Values as LiteLLM publishes them (USD per token); claude-3-5-haiku carries the 1-hour
    // write typo of section 6.1 (6e-6 where 2 x 8e-7 = 1.6e-6).
    Files.writeString(
        f,
        """
        {"sample_spec": {"input_cost_per_token": 0},
         "claude-sonnet-4-5-20250929": {"litellm_provider": "anthropic", "mode": "chat",
           "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
           "cache_creation_input_token_cost": 3.75e-06, "cache_read_input_token_cost": 3e-07,
           "input_cost_per_token_above_200k_tokens": 6e-06, "output_cost_per_token_above_200k_tokens": 2.25e-05,
           "cache_creation_input_token_cost_above_200k_tokens": 7.5e-06,
           "cache_read_input_token_cost_above_200k_tokens": 6e-07},
         "claude-3-5-haiku-20241022": {"litellm_provider": "anthropic", "mode": "chat",
           "input_cost_per_token": 8e-07, "output_cost_per_token": 4e-06,
           "cache_creation_input_token_cost": 1e-06, "cache_creation_input_token_cost_above_1hr": 6e-06,
           "cache_read_input_token_cost": 8e-08},
         "deepseek/deepseek-chat": {"litellm_provider": "deepseek", "mode": "chat",
           "input_cost_per_token": 2.8e-07, "output_cost_per_token": 4.2e-07, "cache_read_input_token_cost": 2.8e-08},
         "text-embedding-3-small": {"litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 2e-08}}
        """);
    PriceCatalog c = PriceCatalog.resolve(f.toString());
    assertEquals(3, c.list().size());
    assertEquals("unknown", c.effectiveDate(), "LiteLLM's table has no date; none is invented");
    Price s = c.find("anthropic", "claude-sonnet-4-5-20250929").orElseThrow();
    assertEquals(new BigDecimal("6"), perM(s.cacheWrite1h()), "1h defaults to 2 x input");
    assertEquals(new BigDecimal("12"), perM(s.longContext().cacheWrite1h()));
    assertEquals(
        new BigDecimal("0.028"),
        perM(c.find("deepseek", "deepseek-chat").orElseThrow().cacheRead()));
    assertEquals(
        List.of(
            "anthropic:claude-3-5-haiku-20241022: 1-hour cache write is $6/MTok, Anthropic's"
                + " rule gives $1.6 (2 x input)"),
        c.warnings());
  }
}
