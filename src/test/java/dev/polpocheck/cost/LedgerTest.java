package dev.polpocheck.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The groups a user reads in a cost report: days, ISO weeks and months in the chosen time zone, the
 * since/until window, ccusage's 5-hour blocks (so the two tools compare), sessions and models, and
 * recorded vs computed cost. Expected values are worked by hand.
 */
class LedgerTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static Call at(String iso, String session, String model, long in, long recordedPicos) {
    String provider = model.startsWith("deepseek") ? "deepseek" : "anthropic";
    return new Call(
        Instant.parse(iso).toEpochMilli(),
        session,
        "",
        CallerRole.AGENT,
        provider,
        model,
        in,
        0,
        0,
        0,
        0,
        0,
        null,
        CallStatus.OK,
        -1,
        recordedPicos,
        false);
  }

  private static LedgerReport run(
      GroupBy by, ZoneId zone, LocalDate since, LocalDate until, Call... calls) {
    Ledger l = new Ledger(PriceCatalog.defaultCatalog(), by, zone, since, until, 8_000);
    for (Call c : calls) {
      l.accept(c);
    }
    return l.report();
  }

  private static List<String> keys(LedgerReport r) {
    return r.rows().stream().map(LedgerReport.Row::key).toList();
  }

  @Test
  void day_followsTheTimeZone() {
    Call late = at("2026-11-20T23:30:00Z", "s", "claude-haiku-4-5", 1_000_000, -1);
    assertEquals(List.of("2026-11-20"), keys(run(GroupBy.DAY, UTC, null, null, late)));
    // Rome is UTC+1 in November: 00:30 on the 21st
    assertEquals(
        List.of("2026-11-21"), keys(run(GroupBy.DAY, ZoneId.of("Europe/Rome"), null, null, late)));
  }

  @Test
  void weekAndMonth_useIsoWeeksAndCalendarMonths() {
    Call a = at("2026-11-20T12:00:00Z", "s", "claude-haiku-4-5", 1, -1);
    Call b = at("2027-01-01T12:00:00Z", "s", "claude-haiku-4-5", 1, -1);
    // ISO: 2026-11-20 is in week 47 of 2026; 2027-01-01 (a Friday) in week 53 of 2026
    assertEquals(List.of("2026-W47", "2026-W53"), keys(run(GroupBy.WEEK, UTC, null, null, a, b)));
    assertEquals(List.of("2026-11", "2027-01"), keys(run(GroupBy.MONTH, UTC, null, null, a, b)));
  }

  @Test
  void sinceUntil_areInclusive_andFilteredCallsAreCounted() {
    LedgerReport r =
        run(
            GroupBy.DAY,
            UTC,
            LocalDate.parse("2026-11-02"),
            LocalDate.parse("2026-11-03"),
            at("2026-11-01T23:59:59Z", "s", "claude-haiku-4-5", 1, -1),
            at("2026-11-02T00:00:00Z", "s", "claude-haiku-4-5", 1, -1),
            at("2026-11-03T23:59:59Z", "s", "claude-haiku-4-5", 1, -1),
            at("2026-11-04T00:00:00Z", "s", "claude-haiku-4-5", 1, -1));
    assertEquals(List.of("2026-11-02", "2026-11-03"), keys(r));
    assertEquals(2, r.outsideRange());
  }

  @Test
  void blocks_startOnTheHour_andSplitOnlyAfterMoreThanFiveHours() {
    LedgerReport r =
        run(
            GroupBy.BLOCK,
            UTC,
            null,
            null,
            at("2026-11-20T10:20:00Z", "s", "claude-haiku-4-5", 1, -1),
            at("2026-11-20T14:59:59Z", "s", "claude-haiku-4-5", 1, -1),
            // exactly start + 5 h is not "more than 5 h": same block
            at("2026-11-20T15:00:00.000Z", "s", "claude-haiku-4-5", 1, -1),
            // 1 ms later is: a new block, floored to 15:00
            at("2026-11-20T15:00:00.001Z", "s", "claude-haiku-4-5", 1, -1),
            at("2026-11-20T15:30:00Z", "s", "claude-haiku-4-5", 1, -1),
            // more than 5 h after the previous call: a new block at 21:00 (no gap row)
            at("2026-11-20T21:00:00.002Z", "s", "claude-haiku-4-5", 1, -1));
    assertEquals(
        List.of("2026-11-20T10:00:00Z", "2026-11-20T15:00:00Z", "2026-11-20T21:00:00Z"), keys(r));
    assertEquals(List.of(3L, 2L, 1L), r.rows().stream().map(x -> x.totals().calls()).toList());
    assertEquals(
        Instant.parse("2026-11-20T20:00:00Z").toEpochMilli(), r.rows().get(1).blockEndMillis());
    assertEquals(
        Instant.parse("2026-11-20T15:30:00Z").toEpochMilli(), r.rows().get(1).lastCallMillis());
  }

  @Test
  void blocks_callsOutOfOrder_giveTheSameBlocksAsSorted() {
    LedgerReport r =
        run(
            GroupBy.BLOCK,
            UTC,
            null,
            null,
            at("2026-11-20T16:00:00Z", "s", "claude-haiku-4-5", 1, -1),
            at("2026-11-20T10:20:00Z", "s", "claude-haiku-4-5", 1, -1));
    // sorted: 10:20 opens block 10:00; 16:00 is 6 h after 10:00 -> block 16:00
    assertEquals(List.of("2026-11-20T10:00:00Z", "2026-11-20T16:00:00Z"), keys(r));
  }

  @Test
  void sessionAndModel_groups_andUnpricedModelsAreCountedNotCosted() {
    LedgerReport r =
        run(
            GroupBy.MODEL,
            UTC,
            null,
            null,
            at("2026-11-20T10:00:00Z", "a", "claude-haiku-4-5", 1_000_000, -1),
            at("2026-11-20T10:00:00Z", "b", "claude-mystery-1", 1_000_000, -1));
    assertEquals(List.of("anthropic:claude-haiku-4-5", "anthropic:claude-mystery-1"), keys(r));
    // Haiku 4.5: 1M input x $1/M = $1; the unknown model costs nothing and is listed
    assertEquals(new BigDecimal("1"), Money.toUsd(r.total().cost().total()));
    assertEquals(1, r.total().unpriced());
    assertEquals(2_000_000, r.total().input());
    assertEquals(1L, r.unpricedModels().get("anthropic:claude-mystery-1"));
    assertEquals(
        List.of("a", "b"),
        keys(
            run(
                GroupBy.SESSION,
                UTC,
                null,
                null,
                at("2026-11-20T10:00:00Z", "b", "claude-haiku-4-5", 1, -1),
                at("2026-11-20T10:00:00Z", "a", "claude-haiku-4-5", 1, -1))));
  }

  @Test
  void recordedCost_isComparedWithComputedOverTheSameCalls() {
    // DeepSeek: 1,000,000 misses x $0.28/M = $0.28 computed; recorded $0.25 -> difference +$0.03.
    // The second call has no recorded cost and stays out of the comparison.
    LedgerReport r =
        run(
            GroupBy.DAY,
            UTC,
            null,
            null,
            at("2026-04-10T10:00:00Z", "s", "deepseek-chat", 1_000_000, 250_000_000_000L),
            at("2026-04-10T11:00:00Z", "s", "deepseek-chat", 1_000_000, -1));
    Totals t = r.total();
    assertEquals(1, t.recordedCalls());
    assertEquals(new BigDecimal("0.25"), Money.toUsd(t.recordedPicos()));
    assertEquals(new BigDecimal("0.28"), Money.toUsd(t.computedOfRecordedPicos()));
    assertEquals(new BigDecimal("0.03"), Money.toUsd(t.differencePicos()));
    assertEquals(new BigDecimal("0.56"), Money.toUsd(t.cost().total()));
  }
}
