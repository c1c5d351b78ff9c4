package dev.polpocheck.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One model's row in a price catalog: its {@link Price}, the other ids it is known by, and the
 * batch rates when the source states them.
 *
 * @param price the rates used for pricing
 * @param aliases other ids of the same model (dated snapshots, "-latest" names)
 * @param batchInput batch input rate in picodollars per token, or -1 when the source has none
 * @param batchOutput batch output rate in picodollars per token, or -1 when the source has none
 * @param derived names of the rates the source does not state and the catalog derived
 */
public record PriceEntry(
    Price price, List<String> aliases, long batchInput, long batchOutput, Set<String> derived) {

  public PriceEntry {
    Objects.requireNonNull(price, "price");
    aliases = List.copyOf(aliases);
    derived = Set.copyOf(derived);
  }

  /** The model id this entry is listed under. */
  public String model() {
    return price.model();
  }

  /** The provider id this entry is listed under. */
  public String provider() {
    return price.provider();
  }
}
