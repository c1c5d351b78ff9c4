package dev.polpocheck.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.UserInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protects the model facts that validation, cost and simulation read from the bundled catalog:
 * expected values are copied from polpo-semantics.md §19 (pi-ai's catalog) and
 * anthropic-and-peers.md §3.1 / §4 (Anthropic's pages), not from the data file.
 */
class ModelCatalogTest {

  private final ModelCatalog catalog = ModelCatalog.bundled();

  @ParameterizedTest
  @ValueSource(
      strings = {
        // every Claude id of pi-ai 0.58.3 (polpo-semantics.md §19.1)
        "claude-opus-4-6",
        "claude-sonnet-4-6",
        "claude-opus-4-5",
        "claude-opus-4-5-20251101",
        "claude-sonnet-4-5",
        "claude-sonnet-4-5-20250929",
        "claude-haiku-4-5",
        "claude-haiku-4-5-20251001",
        "claude-opus-4-1",
        "claude-opus-4-1-20250805",
        "claude-opus-4-0",
        "claude-opus-4-20250514",
        "claude-sonnet-4-0",
        "claude-sonnet-4-20250514",
        "claude-3-7-sonnet-20250219",
        "claude-3-7-sonnet-latest",
        "claude-3-5-sonnet-20241022",
        "claude-3-5-sonnet-20240620",
        "claude-3-5-haiku-20241022",
        "claude-3-5-haiku-latest",
        "claude-3-opus-20240229",
        "claude-3-sonnet-20240229",
        "claude-3-haiku-20240307"
      })
  void find_everyPiAiClaudeId_isInCatalogAndMarkedPiAi(String id) {
    ModelInfo m = catalog.find("anthropic", id).orElseThrow();
    assertTrue(m.piAiCatalog(), id);
  }

  @Test
  void find_datedAlias_returnsSameModelAsUndatedId() {
    ModelInfo dated = catalog.find("anthropic", "claude-sonnet-4-5-20250929").orElseThrow();
    assertEquals("claude-sonnet-4-5", dated.id());
    // §19.1: 200 000 context, 64 000 output; §3.1: 1 024 minimum; §4.1: Sonnet 4.x pool
    assertEquals(200_000, dated.contextWindow());
    assertEquals(64_000, dated.maxOutputTokens());
    assertEquals(OptionalInt.of(1024), dated.minCacheable());
    assertEquals(RateLimitClass.SONNET_4, dated.rateLimitClass());
  }

  @Test
  void find_opus46_hasMillionContextAnd128kOutput() {
    ModelInfo m = catalog.find("anthropic", "claude-opus-4-6").orElseThrow();
    assertEquals(1_000_000, m.contextWindow());
    assertEquals(128_000, m.maxOutputTokens());
    assertEquals(4096, m.minCacheableTokens());
    assertEquals(RateLimitClass.OPUS_4, m.rateLimitClass());
    assertTrue(m.reasoning());
  }

  @Test
  void find_sonnet46_marksDisputedCacheMinimumAndChoosesLargerValue() {
    ModelInfo m = catalog.find("anthropic", "claude-sonnet-4-6").orElseThrow();
    assertTrue(m.minCacheableUnsettled());
    assertEquals(2048, m.minCacheableTokens());
  }

  @Test
  void find_haiku35_isInPoolWhereCacheReadsCountTowardItpm() {
    ModelInfo m = catalog.find("anthropic", "claude-3-5-haiku-latest").orElseThrow();
    assertEquals(RateLimitClass.HAIKU_3, m.rateLimitClass());
    assertTrue(m.rateLimitClass().cacheReadsCountTowardItpm());
    assertFalse(RateLimitClass.OPUS_4.cacheReadsCountTowardItpm());
  }

  @Test
  void find_allOpus4Generations_shareOnePool() {
    for (String id :
        List.of("claude-opus-4-0", "claude-opus-4-1", "claude-opus-4-5", "claude-opus-4-6")) {
      assertEquals(
          RateLimitClass.OPUS_4, catalog.find("anthropic", id).orElseThrow().rateLimitClass(), id);
    }
  }

  @Test
  void find_2026Lines_areMarkedRecheckAndOutsidePiAi() {
    for (String id :
        List.of("claude-opus-4-7", "claude-opus-4-8", "claude-opus-5", "claude-sonnet-5")) {
      ModelInfo m = catalog.find("anthropic", id).orElseThrow();
      assertTrue(m.recheck(), id);
      assertFalse(m.piAiCatalog(), id);
    }
  }

  @Test
  void find_retiredModel_saysSo() {
    assertEquals(
        ModelStatus.RETIRED,
        catalog.find("anthropic", "claude-3-opus-20240229").orElseThrow().status());
    assertEquals(
        ModelStatus.ACTIVE, catalog.find("anthropic", "claude-haiku-4-5").orElseThrow().status());
  }

  @Test
  void find_otherProviders_matchPiAiTable() {
    // §19.2: gpt-4.1 1 047 576 / 32 768; o3 200 000 / 100 000; grok-4 256 000 / 64 000
    assertEquals(1_047_576, catalog.find("openai", "gpt-4.1").orElseThrow().contextWindow());
    assertEquals(100_000, catalog.find("openai", "o3").orElseThrow().maxOutputTokens());
    assertEquals(256_000, catalog.find("xai", "grok-4").orElseThrow().contextWindow());
    assertTrue(catalog.find("deepseek", "deepseek-chat").isPresent());
    assertTrue(catalog.find("deepseek", "deepseek-reasoner").orElseThrow().reasoning());
    assertTrue(catalog.find("deepseek", "deepseek-v4-flash").isPresent());
  }

  @Test
  void find_wrongCaseOrUnknownOrWrongProvider_isEmpty() {
    assertTrue(catalog.find("anthropic", "Claude-Opus-4-6").isEmpty());
    assertTrue(catalog.find("anthropic", "claude-opus-4.6").isEmpty());
    assertTrue(catalog.find("openai", "claude-opus-4-6").isEmpty());
  }

  @Test
  void providers_piAiListHas23AndExcludesDeepseek() {
    assertEquals(23, ModelCatalog.PI_AI_PROVIDERS.size());
    assertTrue(ModelCatalog.isPiAiProvider("anthropic"));
    assertFalse(ModelCatalog.isPiAiProvider("deepseek"));
    assertTrue(catalog.providers().contains("deepseek"));
    assertTrue(catalog.isComplete("anthropic"));
    assertFalse(catalog.isComplete("openai"));
  }

  @Test
  void ids_listsIdsAndAliasesSorted() {
    List<String> ids = catalog.ids("anthropic");
    assertTrue(ids.contains("claude-3-7-sonnet-latest"));
    assertEquals(ids.stream().sorted().toList(), ids);
    assertEquals(List.of(), catalog.ids("nope"));
    assertEquals(8, catalog.models("openai").size());
  }

  @Test
  void load_invalidJson_throwsUserInputExceptionNamingSource() {
    UserInputException e =
        assertThrows(UserInputException.class, () -> load("{\"models\": [", "my.json"));
    assertTrue(e.getMessage().startsWith("my.json: "), e.getMessage());
  }

  @Test
  void load_modelWithoutContextWindow_namesTheEntry() {
    String json =
        "{\"models\": [{\"provider\": \"x\", \"id\": \"y\", \"maxOutputTokens\": 1,"
            + " \"status\": \"active\"}]}";
    UserInputException e = assertThrows(UserInputException.class, () -> load(json, "c.json"));
    assertEquals("c.json: models[0]: missing \"contextWindow\"", e.getMessage());
  }

  @Test
  void load_duplicateAlias_isRejected() {
    String m =
        "{\"provider\": \"x\", \"id\": \"y\", \"contextWindow\": 1, \"maxOutputTokens\": 1,"
            + " \"status\": \"active\"}";
    UserInputException e =
        assertThrows(
            UserInputException.class, () -> load("{\"models\": [" + m + "," + m + "]}", "d.json"));
    assertTrue(e.getMessage().contains("duplicate model id x:y"), e.getMessage());
  }

  private static ModelCatalog load(String json, String source) {
    return ModelCatalog.load(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source);
  }
}
