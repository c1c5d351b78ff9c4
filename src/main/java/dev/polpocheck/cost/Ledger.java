package dev.polpocheck.cost;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.catalog.PriceEntry;
import dev.polpocheck.trace.Call;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Prices calls one at a time and sums them into groups ({@link GroupBy}); memory grows with the
 * number of groups, never with the number of calls.
 *
 * <p><b>5-hour blocks</b> follow ccusage ({@code blocks}, anthropic-and-peers.md section 5.6):
 * calls in time order; a block starts at its first call's time floored to the UTC hour and ends 5
 * hours later; a call opens a new block when it is more than 5 hours after the block's start or
 * after the previous call. Calls are kept as per-hour sums (with calls exactly on the hour kept
 * apart, the only place the strict "more than 5 hours" can split an hour), which gives the same
 * blocks as sorting every call: within one hour no gap exceeds 5 hours, and a block that takes in a
 * call of an hour takes in all of that hour's later calls. Gap blocks carry no calls and are not
 * listed.
 */
public final class Ledger {
  static final long HOUR = 3_600_000L;
  static final long BLOCK = 5 * HOUR;

  private final PriceCatalog catalog;
  private final GroupBy by;
  private final ZoneId zone;
  private final LocalDate since;
  private final LocalDate until;
  private final int share1hBasisPoints;
  private final Map<String, Totals> groups = new HashMap<>();
  private final TreeMap<Long, HourBucket> hours = new TreeMap<>();
  private final Map<String, PriceEntry> priceCache = new HashMap<>();
  private final SortedMap<String, Long> unpricedModels = new TreeMap<>();
  private long outsideRange;

  /** Sums of one UTC hour (or of the calls exactly at its start), with its first and last call. */
  private static final class HourBucket {
    final Totals totals = new Totals();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
  }

  /**
   * A ledger.
   *
   * @param catalog prices; calls of models it lacks are counted as unpriced
   * @param by grouping
   * @param zone time zone of day, week and month groups and of {@code since}/{@code until}
   * @param since first local date included, or null
   * @param until last local date included, or null
   * @param share1hBasisPoints share of unsplit cache writes priced as 1-hour writes (0..10000)
   */
  public Ledger(
      PriceCatalog catalog,
      GroupBy by,
      ZoneId zone,
      LocalDate since,
      LocalDate until,
      int share1hBasisPoints) {
    this.catalog = Objects.requireNonNull(catalog);
    this.by = Objects.requireNonNull(by);
    this.zone = Objects.requireNonNull(zone);
    this.since = since;
    this.until = until;
    if (share1hBasisPoints < 0 || share1hBasisPoints > 10_000) {
      throw new IllegalArgumentException("1-hour share must be within 0..10000 basis points");
    }
    this.share1hBasisPoints = share1hBasisPoints;
  }

  /** Prices {@code c} and adds it to its group, unless it falls outside since/until. */
  public void accept(Call c) {
    ZonedDateTime t = Instant.ofEpochMilli(c.timestampMillis()).atZone(zone);
    LocalDate d = t.toLocalDate();
    if ((since != null && d.isBefore(since)) || (until != null && d.isAfter(until))) {
      outsideRange++;
      return;
    }
    Totals g;
    if (by == GroupBy.BLOCK) {
      long ts = c.timestampMillis();
      long hour = Math.floorDiv(ts, HOUR);
      long key = ts == hour * HOUR ? hour * 2 : hour * 2 + 1;
      HourBucket b = hours.computeIfAbsent(key, k -> new HourBucket());
      b.first = Math.min(b.first, ts);
      b.last = Math.max(b.last, ts);
      g = b.totals;
    } else {
      g = groups.computeIfAbsent(key(c, t), k -> new Totals());
    }
    add(g, c);
  }

  private String key(Call c, ZonedDateTime t) {
    return switch (by) {
      case DAY -> t.toLocalDate().toString();
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%d-W%02d",
              t.get(IsoFields.WEEK_BASED_YEAR),
              t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> t.toLocalDate().toString().substring(0, 7);
      case SESSION -> c.session();
      case AGENT -> c.agent().isEmpty() ? "(none)" : c.agent();
      case MODEL -> (c.provider().isEmpty() ? "" : c.provider() + ":") + c.model();
      case PROFILE -> c.profile() == null || c.profile().isEmpty() ? "(none)" : c.profile();
      case BLOCK -> throw new IllegalStateException("blocks are keyed by hour");
    };
  }

  private void add(Totals g, Call c) {
    g.calls++;
    g.input = Math.addExact(g.input, c.inputTokens());
    g.output = Math.addExact(g.output, c.outputTokens());
    g.cacheRead = Math.addExact(g.cacheRead, c.cacheReadTokens());
    g.cacheWrite5m = Math.addExact(g.cacheWrite5m, c.cacheWrite5mTokens());
    g.cacheWrite1h = Math.addExact(g.cacheWrite1h, c.cacheWrite1hTokens());
    g.cacheWriteUnsplit = Math.addExact(g.cacheWriteUnsplit, c.cacheWriteUnsplitTokens());
    g.models.add(c.model());
    Price p = price(c);
    if (p == null) {
      g.unpriced++;
      unpricedModels.merge(
          c.model().isEmpty()
              ? "(empty model name)"
              : (c.provider().isEmpty() ? "" : c.provider() + ":") + c.model(),
          1L,
          Long::sum);
      if (c.hasRecordedCost()) {
        g.unpricedRecordedCalls++;
        g.unpricedRecordedPicos = Money.add(g.unpricedRecordedPicos, c.recordedCostPicos());
      }
      return;
    }
    CostBreakdown cost = Pricing.cost(c, p, share1hBasisPoints);
    g.cost = g.cost.plus(cost);
    if (c.hasRecordedCost()) {
      g.recordedCalls++;
      g.recordedPicos = Money.add(g.recordedPicos, c.recordedCostPicos());
      g.computedOfRecordedPicos = Money.add(g.computedOfRecordedPicos, cost.total());
    }
  }

  /** The price in force at the call's time: a change mid-month splits the month. */
  private Price price(Call c) {
    String k = c.provider() + '\u0000' + c.model();
    long t = c.timestampMillis();
    PriceEntry cached = priceCache.get(k);
    if (cached != null && cached.inForceAt(t)) {
      return cached.price();
    }
    if (cached == null && priceCache.containsKey(k)) {
      return null;
    }
    PriceEntry e = catalog.findEntry(c.provider(), c.model(), t).orElse(null);
    priceCache.put(k, e);
    return e == null ? null : e.price();
  }

  /** The groups so far, sorted by key (blocks by start time), and the grand total. */
  public LedgerReport report() {
    List<LedgerReport.Row> rows = new ArrayList<>();
    if (by == GroupBy.BLOCK) {
      Totals cur = null;
      long start = 0;
      long last = 0;
      for (HourBucket b : hours.values()) {
        if (cur == null || b.first - start > BLOCK || b.first - last > BLOCK) {
          if (cur != null) {
            rows.add(blockRow(start, last, cur));
          }
          cur = new Totals();
          start = Math.floorDiv(b.first, HOUR) * HOUR;
        }
        cur.add(b.totals);
        last = b.last;
      }
      if (cur != null) {
        rows.add(blockRow(start, last, cur));
      }
    } else {
      new TreeMap<>(groups).forEach((k, t) -> rows.add(new LedgerReport.Row(k, t, -1, -1)));
    }
    Totals total = new Totals();
    for (LedgerReport.Row r : rows) {
      total.add(r.totals());
    }
    return new LedgerReport(by, rows, total, unpricedModels, outsideRange);
  }

  private static LedgerReport.Row blockRow(long start, long last, Totals t) {
    return new LedgerReport.Row(Instant.ofEpochMilli(start).toString(), t, start, last);
  }
}
