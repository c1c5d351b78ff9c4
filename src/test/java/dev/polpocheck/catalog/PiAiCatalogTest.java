package dev.polpocheck.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The bundled pi-ai catalog is the whole of pi-ai 0.62.0's {@code models.generated.js}, looked up
 * exactly as {@code getModel} does, so {@code validate} reports a spec Polpo 0.3.x cannot resolve
 * and never one it can.
 *
 * <p>Expected figures counted in the package itself ({@code npm pack @mariozechner/pi-ai@0.62.0},
 * then in node: {@code Object.keys(MODELS).length} = 23 and the sum of each provider's
 * {@code Object.keys} = 811), not read back from the data file.
 */
class PiAiCatalogTest {

  private final PiAiCatalog catalog = PiAiCatalog.bundled();

  @Test
  void bundled_isPiAi062WithEveryProviderAndModel() {
    assertEquals("0.62.0", catalog.version());
    assertEquals(23, catalog.providers().size());
    int models = 0;
    for (String p : catalog.providers()) {
      models += catalog.ids(p).size();
    }
    assertEquals(811, models);
  }

  @Test
  void resolves_exactCaseSensitiveIdsOfEveryProvider() {
    assertTrue(catalog.resolves("openai", "gpt-4"));
    assertTrue(catalog.resolves("xai", "grok-3"));
    assertTrue(catalog.resolves("xai", "grok-4-1-fast-non-reasoning"));
    assertTrue(catalog.resolves("amazon-bedrock", "us.anthropic.claude-sonnet-4-6"));
    assertTrue(catalog.resolves("opencode", "big-pickle"));
    assertTrue(catalog.resolves("huggingface", "moonshotai/Kimi-K2-Instruct"));
    assertFalse(catalog.resolves("xai", "grok-4.1-fast-non-reasoning"), "dots are not hyphens");
    assertFalse(catalog.resolves("anthropic", "claude-opus-4-7"), "newer than pi-ai 0.62.0");
    assertFalse(catalog.resolves("huggingface", "moonshotai/kimi-k2-instruct"), "case-sensitive");
    assertFalse(catalog.resolves("hf", "moonshotai/Kimi-K2-Instruct"), "hf is not a provider");
  }

  @Test
  void ids_unknownProvider_isEmpty() {
    assertEquals(0, catalog.ids("deepseek").size());
    assertFalse(catalog.hasProvider("deepseek"));
    assertTrue(catalog.hasProvider("github-copilot"));
  }
}
