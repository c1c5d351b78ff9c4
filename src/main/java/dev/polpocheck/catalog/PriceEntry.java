package dev.polpocheck.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One model's row in a price catalog over one period: its {@link Price}, the other ids it is known
 * by, the batch rates when the source states them, when the row is in force and where it comes
 * from.
 *
 * <p>A catalog lists a model once per period with different prices (a cut, a promotion, a fast mode
 * that starts or ends); the row in force at a call's timestamp prices it.
 *
 * @param price the rates used for pricing
 * @param aliases other ids of the same model (dated snapshots, "-latest" names)
 * @param batchInput batch input rate in picodollars per token, or -1 when the source has none
 * @param batchOutput batch output rate in picodollars per token, or -1 when the source has none
 * @param derived names of the rates the source does not state and the catalog derived
 * @param fromMillis first instant the row is in force (epoch ms, inclusive), or {@link
 *     Long#MIN_VALUE} for "always"
 * @param untilMillis instant the row stops being in force (exclusive), or {@link Long#MAX_VALUE}
 * @param source where the row's figures come from ("" when the catalog's source covers it)
 * @param thirdParty what in the row only third parties state (not found on the vendor's pages)
 */
public record PriceEntry(
    Price price,
    List<String> aliases,
    long batchInput,
    long batchOutput,
    Set<String> derived,
    long fromMillis,
    long untilMillis,
    String source,
    List<String> thirdParty) {

  /** A row in force at every date, with no source of its own. */
  public PriceEntry(
      Price price, List<String> aliases, long batchInput, long batchOutput, Set<String> derived) {
    this(
        price,
        aliases,
        batchInput,
        batchOutput,
        derived,
        Long.MIN_VALUE,
        Long.MAX_VALUE,
        "",
        List.of());
  }

  public PriceEntry {
    Objects.requireNonNull(price, "price");
    aliases = List.copyOf(aliases);
    derived = Set.copyOf(derived);
    Objects.requireNonNull(source, "source");
    thirdParty = List.copyOf(thirdParty);
    if (fromMillis >= untilMillis) {
      throw new IllegalArgumentException(
          price.model() + ": a price period must end after it starts");
    }
  }

  /** The model id this entry is listed under. */
  public String model() {
    return price.model();
  }

  /** The provider id this entry is listed under. */
  public String provider() {
    return price.provider();
  }

  /** True when the row prices a call made at {@code millis}. */
  public boolean inForceAt(long millis) {
    return millis >= fromMillis && millis < untilMillis;
  }

  /** True when the row has no end: the price as it stands today. */
  public boolean current() {
    return untilMillis == Long.MAX_VALUE;
  }

  /** This row over {@code [from, until)}, with {@code p} as its price. */
  PriceEntry over(Price p, long from, long until) {
    return new PriceEntry(
        p, aliases, batchInput, batchOutput, derived, from, until, source, thirdParty);
  }

  /** The period as text: "2026-10-07 .. today", "always", "until 2026-02-17T08:00:00Z". */
  public String describePeriod() {
    if (fromMillis == Long.MIN_VALUE && untilMillis == Long.MAX_VALUE) {
      return "always";
    }
    String f = fromMillis == Long.MIN_VALUE ? "" : instant(fromMillis);
    String u = untilMillis == Long.MAX_VALUE ? "" : instant(untilMillis);
    if (f.isEmpty()) {
      return "until " + u;
    }
    return u.isEmpty() ? "from " + f : f + " until " + u;
  }

  private static String instant(long millis) {
    String s = Instant.ofEpochMilli(millis).toString();
    return s.endsWith("T00:00:00Z") ? s.substring(0, 10) : s;
  }
}
