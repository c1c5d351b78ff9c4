package dev.polpocheck.sim;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.trace.ReadSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Writes a {@link SimResult} as text, JSON (the result envelope of {@code
 * schemas/result.schema.json} plus a {@code simulation} object) or CSV (one row per group). Money
 * is printed in USD from exact picodollars; times as ISO-8601 UTC. Output depends only on the
 * result, so equal runs print equal bytes.
 */
public final class SimOutput {
  private final SimResult r;
  private final ReadSummary read;
  private final PriceCatalog catalog;
  private final List<String> paths;
  private final int assumed1hShareBasisPoints;

  /**
   * An output of {@code result} for the traces {@code paths} read as {@code read}.
   *
   * @param assumed1hShareBasisPoints the share of unsplit recorded writes priced as 1-hour writes
   */
  public SimOutput(
      SimResult result,
      ReadSummary read,
      PriceCatalog catalog,
      List<String> paths,
      int assumed1hShareBasisPoints) {
    this.r = result;
    this.read = read;
    this.catalog = catalog;
    this.paths = List.copyOf(paths);
    this.assumed1hShareBasisPoints = assumed1hShareBasisPoints;
  }

  /** The JSON document. */
  public String json(String toolVersion) {
    return new SimJson(r, read, catalog, paths, assumed1hShareBasisPoints).json(toolVersion);
  }

  /** The human summary. */
  public String text() {
    return new SimText(r, read, catalog).text();
  }

  /** One CSV row per group (agent, model, profile, organisation) and a total row. */
  public String csv() {
    return new SimCsv(r).csv();
  }

  /** A ratio with 6 decimals (printing a double directly is not stable across formats). */
  static BigDecimal share(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN);
  }
}
