package dev.polpocheck.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.UserInputException;
import dev.polpocheck.cost.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast-mode tier of a price catalog (a user's {@code --prices} file or the built-in {@code
 * anthropic} one): it is read exactly, a cache rate that breaks Anthropic's rule (cache
 * multipliers on the fast input) is flagged on load, and a malformed tier fails with the model
 * named. The fast-to-standard ratio is not a rule: it is 6 x on Opus 4.6 and 2 x on Opus 4.8.
 */
class FastTierCatalogTest {
  @TempDir Path tmp;

  private Path catalog(String fast) throws Exception {
    Path f = tmp.resolve("p.json");
    Files.writeString(
        f,
        "{\"schemaVersion\":1,\"name\":\"t\",\"source\":\"test\",\"effectiveDate\":\"2026-11-25\","
            + "\"models\":[{\"provider\":\"anthropic\",\"model\":\"claude-opus-4-8\","
            + "\"input\":5,\"output\":25,\"cacheWrite5m\":6.25,\"cacheWrite1h\":10,\"cacheRead\":0.5,"
            + "\"fast\":"
            + fast
            + "}]}");
    return f;
  }

  private static String perM(long picosPerToken) {
    return Money.perMillionFromPerToken(picosPerToken).stripTrailingZeros().toPlainString();
  }

  @Test
  void builtinAnthropic_opus48FastTier_isTenAndFiftyWithCacheMultipliers() {
    Price.Fast f =
        PriceCatalog.builtin("anthropic")
            .find("anthropic", "claude-opus-4-8", java.time.Instant.parse("2026-11-29T23:59:59Z")
                .toEpochMilli())
            .orElseThrow()
            .fast();
    // Anthropic's published fast rates: $10 in / $50 out; 1.25 x 10, 2 x 10, 0.1 x 10
    assertEquals("10", perM(f.input()));
    assertEquals("50", perM(f.output()));
    assertEquals("12.5", perM(f.cacheWrite5m()));
    assertEquals("20", perM(f.cacheWrite1h()));
    assertEquals("1", perM(f.cacheRead()));
  }

  @Test
  void fileFastTier_breakingTheMultipliers_isFlaggedOnLoad() throws Exception {
    // cache read 2 where 0.1 x 10 = 1 (output 60 is not checked: the ratio differs by model)
    PriceCatalog c =
        PriceCatalog.resolve(
            catalog(
                    "{\"input\":10,\"output\":60,\"cacheWrite5m\":12.5,\"cacheWrite1h\":20,"
                        + "\"cacheRead\":2}")
                .toString());
    assertEquals(
        List.of(
            "anthropic:claude-opus-4-8 (fast mode): cache read is $2/MTok, Anthropic's rule gives"
                + " $1 (0.1 x input)"),
        c.warnings());
  }

  @Test
  void fileFastTier_missingARate_failsNamingTheModel() throws Exception {
    Path f = catalog("{\"input\":10,\"output\":50}");
    UserInputException e =
        assertThrows(UserInputException.class, () -> PriceCatalog.resolve(f.toString()));
    assertTrue(e.getMessage().contains("claude-opus-4-8"), e.getMessage());
  }
}
