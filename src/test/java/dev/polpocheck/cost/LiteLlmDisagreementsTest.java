package dev.polpocheck.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A LiteLLM {@code model_prices_and_context_window.json} is imported with its multipliers (the
 * {@code provider_specific_entry} geography and fast-mode multipliers, every {@code _above_Nk_tokens}
 * tier), and where LiteLLM's table disagrees with Anthropic's pages the built-in catalog keeps
 * Anthropic's rule. One test per known disagreement (anthropic-and-peers.md section 6.1); the
 * claude-3-5-haiku 1-hour typo is {@code PriceCatalogTest.liteLlmFile_isReadExactly...}.
 */
class LiteLlmDisagreementsTest {
  @TempDir Path tmp;

  private static Call call(String model, long in, long out, long read, boolean fast, String geo) {
    return new Call(
        0, "s", "", CallerRole.AGENT, "anthropic", model, in, out, read, 0, 0, 0, null,
        CallStatus.OK, -1, -1, false, fast, geo);
  }

  private static BigDecimal usd(PriceCatalog c, Call call) {
    Price p = c.find(call.provider(), call.model(), call.timestampMillis()).orElseThrow();
    return Money.toUsd(Pricing.cost(call, p, 0).total()).stripTrailingZeros();
  }

  private PriceCatalog liteLlm(String json) throws Exception {
    Path f = tmp.resolve("model_prices_and_context_window.json");
    Files.writeString(f, json);
    return PriceCatalog.resolve(f.toString());
  }

  @Test
  void opus46_aboveTwoHundredThousand_liteLlmChargesAPremium_anthropicDoesNot() throws Exception {
    // LiteLLM-derived tables list above-200K rates for claude-opus-4-6 (1e-5 in, 3.75e-5 out);
    // Anthropic bills Claude 4.6 across the full 1M window at standard rates.
    PriceCatalog lite =
        liteLlm(
            """
            {"claude-opus-4-6": {"litellm_provider": "anthropic", "mode": "chat",
              "input_cost_per_token": 5e-06, "output_cost_per_token": 2.5e-05,
              "cache_creation_input_token_cost": 6.25e-06, "cache_read_input_token_cost": 5e-07,
              "input_cost_per_token_above_200k_tokens": 1e-05,
              "output_cost_per_token_above_200k_tokens": 3.75e-05}}
            """);
    Call c = call("claude-opus-4-6", 300_000, 1_000, 0, false, "");
    // built-in: 300,000 x 5/M = 1.5; 1,000 x 25/M = 0.025 -> 1.525
    assertEquals(new BigDecimal("1.525"), usd(PriceCatalog.builtin("anthropic"), c));
    // LiteLLM's table: 300,000 x 10/M = 3; 1,000 x 37.5/M = 0.0375 -> 3.0375
    assertEquals(new BigDecimal("3.0375"), usd(lite, c));
  }

  @Test
  void providerSpecificEntry_fastAndGeoMultipliers_areImported() throws Exception {
    PriceCatalog lite =
        liteLlm(
            """
            {"claude-opus-5": {"litellm_provider": "anthropic", "mode": "chat",
              "input_cost_per_token": 5e-06, "output_cost_per_token": 2.5e-05,
              "cache_creation_input_token_cost": 6.25e-06,
              "cache_creation_input_token_cost_above_1hr": 1e-05,
              "cache_read_input_token_cost": 5e-07,
              "provider_specific_entry": {"us": 1.1, "fast": 2}}}
            """);
    Price p = lite.find("anthropic", "claude-opus-5").orElseThrow();
    assertNotNull(p.fast());
    assertEquals(11_000, p.geoBasisPoints().get("us"));
    // fast x 2: 10,000 in x 10/M = 0.1; 1,000 out x 50/M = 0.05; 100,000 read x 1/M = 0.1
    assertEquals(new BigDecimal("0.25"), usd(lite, call("claude-opus-5", 10_000, 1_000, 100_000,
        true, "")));
    // us x 1.1 on every category: (0.05 + 0.025 + 0.05) x 1.1 = 0.1375
    assertEquals(new BigDecimal("0.1375"), usd(lite, call("claude-opus-5", 10_000, 1_000, 100_000,
        false, "us")));
  }

  @Test
  void anyAboveNkTier_isImportedAsAPromptTier() throws Exception {
    // a 100K tier written the LiteLLM way, as Haiku 5.5's would be
    PriceCatalog lite =
        liteLlm(
            """
            {"claude-haiku-5-5": {"litellm_provider": "anthropic", "mode": "chat",
              "input_cost_per_token": 1e-07, "output_cost_per_token": 5e-07,
              "cache_read_input_token_cost": 1e-08,
              "input_cost_per_token_above_100k_tokens": 5e-07,
              "output_cost_per_token_above_100k_tokens": 2.5e-06,
              "cache_read_input_token_cost_above_100k_tokens": 5e-08}}
            """);
    // 100,001 in x 0.5/M = 0.0500005; 1,000 out x 2.5/M = 0.0025 -> 0.0525005
    assertEquals(new BigDecimal("0.0525005"), usd(lite, call("claude-haiku-5-5", 100_001, 1_000,
        0, false, "")));
    assertEquals(new BigDecimal("0.0105"), usd(lite, call("claude-haiku-5-5", 100_000, 1_000,
        0, false, "")));
  }
}
