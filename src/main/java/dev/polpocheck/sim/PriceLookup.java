package dev.polpocheck.sim;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.catalog.PriceEntry;
import java.util.List;
import java.util.TreeSet;

/**
 * Where the simulation finds the list price of a model; null when it has none. A lookup may be
 * dated: then a call is priced at the row in force at its time, as {@code cost} does, and {@link
 * #changes} names the instants where the price changes so that the replay resolves each (model,
 * period) once instead of once per call.
 */
@FunctionalInterface
public interface PriceLookup {
  /** The price of {@code provider:model} as it stands today, or null. */
  Price find(String provider, String model);

  /** The price of {@code provider:model} in force at {@code atMillis} (epoch ms), or null. */
  default Price find(String provider, String model, long atMillis) {
    return find(provider, model);
  }

  /**
   * The instants (epoch ms, ascending, without repeats) where the price of {@code provider:model}
   * changes: {@link #find(String, String, long)} is constant between two of them. An undated
   * lookup has none.
   */
  default long[] changes(String provider, String model) {
    return new long[0];
  }

  /** The lookup of {@code catalog}, dated: each call is priced at its own time's row. */
  static PriceLookup of(PriceCatalog catalog) {
    return new PriceLookup() {
      @Override
      public Price find(String provider, String model) {
        return catalog.find(provider, model).orElse(null);
      }

      @Override
      public Price find(String provider, String model, long atMillis) {
        return catalog.find(provider, model, atMillis).orElse(null);
      }

      @Override
      public long[] changes(String provider, String model) {
        List<PriceEntry> rows = catalog.periods(provider, model);
        TreeSet<Long> at = new TreeSet<>();
        for (PriceEntry e : rows) {
          // a gap between rows changes the price too (the catalog's rule for it takes over)
          if (e.fromMillis() != Long.MIN_VALUE) {
            at.add(e.fromMillis());
          }
          if (e.untilMillis() != Long.MAX_VALUE) {
            at.add(e.untilMillis());
          }
        }
        return at.stream().mapToLong(Long::longValue).toArray();
      }
    };
  }
}
