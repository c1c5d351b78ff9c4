package dev.polpocheck.forecast;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.cost.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Finds the list price of a provider's model; the forecast's view of a price catalog. */
@FunctionalInterface
public interface PriceLookup {
  /**
   * The price of {@code model} at {@code provider}.
   *
   * @throws IllegalArgumentException when the model is unknown
   */
  Price priceOf(String provider, String model);

  /**
   * Anthropic's published list prices for the Claude models the sample workload uses and
   * DeepSeek's for the shared real traces (anthropic-and-peers.md §2.1; DeepSeek: the traces'
   * README). USD per million tokens: input, output; cache writes and reads follow Anthropic's
   * multipliers (1.25x, 2x, 0.1x); DeepSeek bills cache hits at its own read price and never
   * writes.
   */
  static PriceLookup builtIn() {
    Map<String, Price> table = new TreeMap<>();
    putClaude(table, "claude-opus-4-5", "5", "25");
    putClaude(table, "claude-opus-4-1", "15", "75");
    putClaude(table, "claude-sonnet-4-5", "3", "15");
    putClaude(table, "claude-sonnet-4", "3", "15");
    putClaude(table, "claude-haiku-4-5", "1", "5");
    for (String m : new String[] {"deepseek-chat", "deepseek-reasoner", "deepseek-v4-flash"}) {
      long in = Money.perTokenFromPerMillion(new BigDecimal("0.28"));
      table.put("deepseek:" + m, new Price("deepseek", m, in,
          Money.perTokenFromPerMillion(new BigDecimal("0.42")), in, in,
          Money.perTokenFromPerMillion(new BigDecimal("0.028")), null));
    }
    return (provider, model) -> {
      Price p = table.get(provider + ":" + model);
      if (p == null) {
        throw new IllegalArgumentException(
            "no price for " + provider + ":" + model + " (known: " + table.keySet() + ")");
      }
      return p;
    };
  }

  private static void putClaude(Map<String, Price> t, String model, String in, String out) {
    BigDecimal i = new BigDecimal(in);
    t.put("anthropic:" + model, new Price("anthropic", model,
        Money.perTokenFromPerMillion(i),
        Money.perTokenFromPerMillion(new BigDecimal(out)),
        Money.perTokenFromPerMillion(i.multiply(new BigDecimal("1.25"))),
        Money.perTokenFromPerMillion(i.multiply(new BigDecimal("2"))),
        Money.perTokenFromPerMillion(i.multiply(new BigDecimal("0.1"))),
        null));
  }
}
