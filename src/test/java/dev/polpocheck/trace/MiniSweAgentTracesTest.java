package dev.polpocheck.trace;

import dev.polpocheck.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.Money;
import dev.polpocheck.cost.Pricing;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proof against the real world: the 206 recorded mini-swe-agent trajectories, priced with the
 * {@code deepseek} catalog, add up to the costs the agent itself recorded. Protects the
 * mini-swe-agent reader (usage mapping, timestamps, calls without usage) and exact pricing.
 * Expected values come from the traces ({@code info.model_stats}), read here independently of the
 * reader, and from their README (13.263509728 USD, 16,232 calls, 12 short files).
 */
class MiniSweAgentTracesTest {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static Path root;
  private static List<Path> files;

  @BeforeAll
  static void locate() throws Exception {
    root = SharedData.require("data", "traces", "mini-swe-agent");
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".traj.json.gz")).sorted().toList();
    }
  }

  @Test
  void everyFile_pricedWithDeepseek_equalsRecordedInstanceCost() throws Exception {
    assertEquals(206, files.size());
    Price price = PriceCatalog.builtin("deepseek").find("deepseek", "deepseek-chat").orElseThrow();
    PriceCatalog catalog = PriceCatalog.builtin("deepseek");
    BigDecimal tolerance = new BigDecimal("1e-9");
    long allPicos = 0;
    long allCalls = 0;
    int short1 = 0;
    List<String> mismatches = new ArrayList<>();
    for (Path f : files) {
      JsonNode stats = stats(f);
      BigDecimal recorded = stats.path("instance_cost").decimalValue();
      long apiCalls = stats.path("api_calls").longValue();
      long[] sum = new long[2];
      ReadSummary s =
          new TraceReader(true, 1)
              .read(
                  List.of(f),
                  c -> {
                    Price p =
                        catalog
                            .find(c.provider(), c.model())
                            .orElseThrow(
                                () -> new AssertionError("no deepseek price for " + c.model()));
                    sum[0] += Pricing.cost(c, p, 0).total();
                    sum[1]++;
                  });
      BigDecimal computed = Money.toUsd(sum[0]);
      if (computed.subtract(recorded).abs().compareTo(tolerance) > 0) {
        mismatches.add(f.getFileName() + ": computed " + computed + " recorded " + recorded);
      }
      assertEquals(apiCalls, s.calls() + s.withoutUsage(), f.toString());
      if (s.withoutUsage() > 0) {
        assertEquals(1, s.withoutUsage(), f.toString());
        assertEquals(1, s.problemCount(), f.toString());
        short1++;
      }
      allPicos += sum[0];
      allCalls += sum[1];
    }
    assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    assertEquals(12, short1);
    assertEquals(16_232, allCalls);
    // README: the recorded costs of all 206 files add up to 13.263509728 USD.
    long total = allPicos;
    // Exact: every DeepSeek rate is a whole number of picodollars per token.
    assertEquals(
        0,
        Money.toUsd(total).compareTo(new BigDecimal("13.263509728")),
        () -> "total " + Money.toUsd(total));
    // The rates the exact match above rests on, from DeepSeek's price list of April 2026
    // (api-docs.deepseek.com/quick_start/pricing, deepseek-chat): $0.28 per million input tokens
    // on a cache miss, $0.028 on a cache hit, $0.42 for output. $0.28 / 1e6 tokens = 2.8e-7 USD =
    // 280,000 picodollars per token; $0.028 -> 28,000; $0.42 -> 420,000.
    assertEquals(280_000, price.input());
    assertEquals(28_000, price.cacheRead());
    assertEquals(420_000, price.output());
  }

  @Test
  void wholeDirectory_readAtOnce_countsEveryCallAndReportsTheTwelveShortRuns() {
    ReadSummary s = new TraceReader(false, 2).read(List.of(root), c -> {});
    assertEquals(206, s.files());
    assertEquals(16_232, s.calls());
    assertEquals(16_232, s.records());
    assertEquals(0, s.deduplicated());
    assertEquals(0, s.skipped());
    assertEquals(12, s.withoutUsage());
    assertEquals(12, s.problemCount());
    assertTrue(s.problems().get(0).toString().contains("without recorded usage"));
  }

  private static JsonNode stats(Path f) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
      return MAPPER.readTree(in).path("info").path("model_stats");
    }
  }
}
