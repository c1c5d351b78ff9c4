package dev.polpocheck.forecast;

import java.util.List;
import java.util.Objects;

/**
 * How one credential profile was used in a run: its share of the calls and when it could not be
 * used.
 *
 * @param id profile id
 * @param calls calls it served
 * @param unavailable its cooldown and billing-disable periods, in time order
 */
public record ProfileUsage(String id, long calls, List<Span> unavailable)
    implements java.io.Serializable {
  public ProfileUsage {
    Objects.requireNonNull(id, "id");
    unavailable = List.copyOf(unavailable);
  }

  /**
   * One period in which a profile was not usable.
   *
   * @param startMillis start, epoch ms
   * @param endMillis end, epoch ms (exclusive)
   * @param kind "cooldown" or "disabled"
   */
  public record Span(long startMillis, long endMillis, String kind)
      implements java.io.Serializable {}
}
