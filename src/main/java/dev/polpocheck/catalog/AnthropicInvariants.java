package dev.polpocheck.catalog;

import dev.polpocheck.cost.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an Anthropic price row against the multipliers Anthropic documents: 5-minute write 1.25 x
 * input, 1-hour write 2 x input, cache read 0.1 x input, batch 0.5 x input and output, in every
 * prompt-length tier and in the fast-mode tier (whose cache rates apply to the fast input rate).
 *
 * <p>The documented exceptions are data, not code: the built-in {@code anthropic.json} lists them
 * under {@code multiplierExceptions} (Haiku 3 writes at 1.2 x and reads at 0.12 x; Fable 5.1 / 5.2
 * read at 0.025 x; Opus 5.5 and Sonnet 5.5 at 0.05 x), so a new model's exception is one line of
 * data and the same list checks a LiteLLM file. A catalog that breaks an invariant is still loaded;
 * the warning is shown so a wrong row (a LiteLLM typo, pi-ai's missing 1-hour price) is seen rather
 * than silently trusted. Comparisons are exact integer arithmetic on picodollar rates.
 */
final class AnthropicInvariants {
  private static final String RESOURCE = "/dev/polpocheck/catalog/prices/anthropic.json";
  private static final Map<String, Map<String, List<BigDecimal>>> EXCEPTIONS = load();

  private AnthropicInvariants() {}

  /** The broken invariants of {@code e}, one sentence each; empty for non-Anthropic rows. */
  static List<String> check(PriceEntry e) {
    List<String> out = new ArrayList<>();
    if (!"anthropic".equals(e.provider())) {
      return out;
    }
    Map<String, List<BigDecimal>> ex = exceptionsOf(e);
    List<BigDecimal> w5 = ex.getOrDefault("cacheWrite5m", List.of(new BigDecimal("1.25")));
    List<BigDecimal> w1 = ex.getOrDefault("cacheWrite1h", List.of(BigDecimal.valueOf(2)));
    List<BigDecimal> read = ex.getOrDefault("cacheRead", List.of(new BigDecimal("0.1")));
    List<BigDecimal> half = List.of(new BigDecimal("0.5"));
    Price p = e.price();
    String where = "anthropic:" + e.model() + (e.current() ? "" : " (" + e.describePeriod() + ")");
    cache(out, where, p.input(), p.cacheWrite5m(), p.cacheWrite1h(), p.cacheRead(), w5, w1, read);
    if (e.batchInput() >= 0) {
      ratio(out, where, "batch input", e.batchInput(), p.input(), half);
    }
    if (e.batchOutput() >= 0) {
      ratio(out, where, "batch output", e.batchOutput(), p.output(), half);
    }
    for (Price.LongContext t : p.promptTiers()) {
      String tw = where + " (prompts over " + t.thresholdTokens() + ")";
      cache(out, tw, t.input(), t.cacheWrite5m(), t.cacheWrite1h(), t.cacheRead(), w5, w1, read);
    }
    Price.Fast f = p.fast();
    if (f != null) {
      String fw = where + " (fast mode)";
      cache(out, fw, f.input(), f.cacheWrite5m(), f.cacheWrite1h(), f.cacheRead(), w5, w1, read);
      for (Price.LongContext t : f.promptTiers()) {
        String tw = fw + " (prompts over " + t.thresholdTokens() + ")";
        cache(out, tw, t.input(), t.cacheWrite5m(), t.cacheWrite1h(), t.cacheRead(), w5, w1, read);
      }
    }
    return out;
  }

  private static void cache(
      List<String> out,
      String where,
      long in,
      long w5,
      long w1,
      long rd,
      List<BigDecimal> r5,
      List<BigDecimal> r1,
      List<BigDecimal> rr) {
    ratio(out, where, "5-minute cache write", w5, in, r5);
    ratio(out, where, "1-hour cache write", w1, in, r1);
    ratio(out, where, "cache read", rd, in, rr);
  }

  /** The documented exceptions of the row's model (its id or an alias, date suffix dropped). */
  private static Map<String, List<BigDecimal>> exceptionsOf(PriceEntry e) {
    List<String> ids = new ArrayList<>(e.aliases());
    ids.add(0, e.model());
    for (String id : ids) {
      String m = id.toLowerCase(Locale.ROOT).replaceFirst("-\\d{8}$", "");
      Map<String, List<BigDecimal>> x = EXCEPTIONS.get(m);
      if (x != null) {
        return x;
      }
    }
    return Map.of();
  }

  private static void ratio(
      List<String> out, String where, String what, long actual, long base, List<BigDecimal> rs) {
    BigDecimal a = BigDecimal.valueOf(actual);
    for (BigDecimal r : rs) {
      if (a.compareTo(r.multiply(BigDecimal.valueOf(base))) == 0) {
        return;
      }
    }
    BigDecimal r = rs.get(0);
    out.add(
        where
            + ": "
            + what
            + " is $"
            + Money.perMillionFromPerToken(actual).toPlainString()
            + "/MTok, Anthropic's rule gives $"
            + Money.perMillionFromPerToken(base).multiply(r).stripTrailingZeros().toPlainString()
            + " ("
            + r.toPlainString()
            + " x input)");
  }

  private static Map<String, Map<String, List<BigDecimal>>> load() {
    try (InputStream in = AnthropicInvariants.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("built-in catalog missing from the jar: " + RESOURCE);
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      Map<String, Map<String, List<BigDecimal>>> m = new HashMap<>();
      for (Map.Entry<String, JsonNode> model : root.path("multiplierExceptions").properties()) {
        Map<String, List<BigDecimal>> rates = new HashMap<>();
        for (Map.Entry<String, JsonNode> r : model.getValue().properties()) {
          List<BigDecimal> l = new ArrayList<>();
          if (r.getValue().isArray()) {
            r.getValue().forEach(v -> l.add(new BigDecimal(v.asString())));
          } else {
            l.add(new BigDecimal(r.getValue().asString()));
          }
          rates.put(r.getKey(), List.copyOf(l));
        }
        m.put(model.getKey(), Map.copyOf(rates));
      }
      return Map.copyOf(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
