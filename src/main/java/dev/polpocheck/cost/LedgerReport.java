package dev.polpocheck.cost;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of a {@link Ledger}: one row per group in key order, the total, and what was not
 * priced or was filtered out.
 *
 * @param by the grouping
 * @param rows the groups
 * @param total sum of all rows
 * @param unpricedModels calls per "provider:model" the catalog has no price for
 * @param outsideRange calls dropped by since/until
 */
public record LedgerReport(
    GroupBy by,
    List<Row> rows,
    Totals total,
    SortedMap<String, Long> unpricedModels,
    long outsideRange) {

  public LedgerReport {
    rows = List.copyOf(rows);
    unpricedModels = Collections.unmodifiableSortedMap(new TreeMap<>(unpricedModels));
  }

  /**
   * One group.
   *
   * @param key the group's key (date, week, session id, "provider:model", block start ISO instant)
   * @param totals its sums
   * @param blockStartMillis for blocks, the block's start (epoch ms); else -1
   * @param lastCallMillis for blocks, its last call (epoch ms); else -1
   */
  public record Row(String key, Totals totals, long blockStartMillis, long lastCallMillis) {
    /** For blocks, the block's end: start + 5 hours; else -1. */
    public long blockEndMillis() {
      return blockStartMillis < 0 ? -1 : blockStartMillis + Ledger.BLOCK;
    }
  }
}
