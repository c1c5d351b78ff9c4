package dev.polpocheck.sim;

import dev.polpocheck.catalog.Price;

/** Where the simulation finds the list price of a model; null when it has none. */
@FunctionalInterface
public interface PriceLookup {
  /** The price of {@code provider:model}, or null. */
  Price find(String provider, String model);
}
