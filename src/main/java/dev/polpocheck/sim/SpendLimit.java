package dev.polpocheck.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * What one organisation may still spend with one provider: Anthropic keeps spend limits and credit
 * per organisation, so every key of the organisation draws on the same account
 * (https://platform.claude.com/docs/en/api/rate-limits, "Spend limits"). Three limits, each with
 * the error the API returns once it is reached:
 *
 * <ul>
 *   <li>the limit set in the Console, per calendar month (UTC): HTTP 400 invalid_request_error "You
 *       have reached your specified API usage limits", which Polpo's classifier files as a client
 *       error (the substring "400");
 *   <li>the tier's monthly spend cap: HTTP 429 rate_limit_error without a {@code retry-after}
 *       ("enforced_spend_limit_reached"; usage pauses until the next month);
 *   <li>the prepaid credit balance, which no month resets: HTTP 400 "Your credit balance is too low
 *       to access the Anthropic API" (Polpo: billing, via "credit").
 * </ul>
 *
 * Spend is the list price of the calls that ran. Mutable; one per (provider, organisation) per run.
 */
final class SpendLimit {
  /** Which limit refuses a request, if any. */
  enum Refusal {
    NONE,
    SPEND_LIMIT,
    TIER_CAP,
    CREDIT
  }

  private final long limitPicos;
  private final long tierCapPicos;
  private final long creditPicos;
  private long monthPicos;
  private long totalPicos;
  private long monthKey = Long.MIN_VALUE;
  private final Map<Long, Long> otherMonths = new HashMap<>();
  // [monthStart, monthEnd): the UTC month of the last look-up, so most look-ups are two compares
  private long monthStart = 1;
  private long monthEnd = 0;

  /**
   * A spend account; each argument is -1 when that limit does not apply.
   *
   * @param limitPicos the Console spend limit per month
   * @param tierCapPicos the tier's monthly spend cap
   * @param creditPicos the prepaid credit at the start of the run
   */
  SpendLimit(long limitPicos, long tierCapPicos, long creditPicos) {
    this.limitPicos = limitPicos;
    this.tierCapPicos = tierCapPicos;
    this.creditPicos = creditPicos;
  }

  /** True when some limit applies (otherwise spend need not be tracked). */
  boolean tracked() {
    return limitPicos >= 0 || tierCapPicos >= 0 || creditPicos >= 0;
  }

  /**
   * The limit that refuses a request at {@code now}. The credit is checked first (an empty balance
   * refuses whatever the month); of the two monthly limits, the lower one is reached first.
   */
  Refusal refusal(long now) {
    if (creditPicos >= 0 && totalPicos >= creditPicos) {
      return Refusal.CREDIT;
    }
    long month = month(now);
    boolean overLimit = limitPicos >= 0 && month >= limitPicos;
    boolean overCap = tierCapPicos >= 0 && month >= tierCapPicos;
    if (overLimit && (!overCap || limitPicos <= tierCapPicos)) {
      return Refusal.SPEND_LIMIT;
    }
    return overCap ? Refusal.TIER_CAP : Refusal.NONE;
  }

  /** Adds the list price of a call that ran at {@code now}. */
  void add(long picos, long now) {
    month(now);
    monthPicos = Math.addExact(monthPicos, picos);
    totalPicos = Math.addExact(totalPicos, picos);
  }

  /** This month's spend (UTC calendar month of {@code now}); a new month starts at 0. */
  private long month(long now) {
    if (now >= monthStart && now < monthEnd) {
      return monthPicos;
    }
    ZonedDateTime d = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC);
    long key = d.getYear() * 12L + d.getMonthValue();
    if (key != monthKey) {
      // a batch request is billed at its completion, possibly in a month the replay's clock has
      // not reached yet: keep every month's spend, not only the current one
      if (monthKey != Long.MIN_VALUE) {
        otherMonths.put(monthKey, monthPicos);
      }
      Long kept = otherMonths.remove(key);
      monthKey = key;
      monthPicos = kept == null ? 0 : kept;
    }
    ZonedDateTime first = d.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
    monthStart = first.toInstant().toEpochMilli();
    monthEnd = first.plusMonths(1).toInstant().toEpochMilli();
    return monthPicos;
  }
}
