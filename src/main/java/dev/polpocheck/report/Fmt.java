package dev.polpocheck.report;

import dev.polpocheck.cost.Money;
import dev.polpocheck.forecast.Stats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** Formatting shared by the report writers: money, percentiles with intervals, dates. */
final class Fmt {
  private Fmt() {}

  /** {@code $1,234.57}: picodollars rounded half-even to the cent. */
  static String usd(long picos) {
    BigDecimal v = Money.toUsd(picos).setScale(2, RoundingMode.HALF_EVEN);
    return (v.signum() < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,.2f", v.abs());
  }

  /** {@link #usd(long)} of a fractional picodollar amount (means). */
  static String usd(double picos) {
    return usd(Math.round(picos));
  }

  /** Exact USD of picodollars, for JSON. */
  static BigDecimal usdExact(long picos) {
    return Money.toUsd(picos);
  }

  /** USD of a fractional picodollar amount rounded to a picodollar, for JSON. */
  static BigDecimal usdExact(double picos) {
    return Money.toUsd(Math.round(picos));
  }

  /** Dollars as a double, for charts only. */
  static double usdChart(long picos) {
    return picos / (double) Money.PICOS_PER_USD;
  }

  /** "[low, high]" of a percentile's interval, with "≤"/"≥" when a side is open. */
  static String interval(Stats.PercentileEstimate e, java.util.function.LongFunction<String> f) {
    return "[" + (e.lowerOpen() ? "≤" : "") + f.apply(e.lower()) + ", "
        + (e.upperOpen() ? "≥" : "") + f.apply(e.upper()) + "]";
  }

  /** A share as a percentage with one decimal. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** The UTC date of an instant, ISO form. */
  static String date(long millis) {
    return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** An instant to the minute, UTC ({@code 2026-11-09 14:05}). */
  static String instant(long millis) {
    return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDateTime().withSecond(0)
        .withNano(0).toString().replace('T', ' ');
  }

  /** Milliseconds as seconds with two decimals. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  /** Exact USD of picodollars as a plain CSV number ({@code 12634.43}, no sign or separators). */
  static String csvUsd(long picos) {
    return Money.toUsd(picos).toPlainString();
  }

  /** {@link #csvUsd(long)} of a fractional amount (means), rounded to a picodollar. */
  static String csvUsd(double picos) {
    return csvUsd(Math.round(picos));
  }

  /** A ratio (0-1) as a plain CSV number with six decimals; empty for NaN ("no data"). */
  static String csvRatio(double ratio) {
    return Double.isNaN(ratio) ? "" : BigDecimal.valueOf(ratio).setScale(6, RoundingMode.HALF_EVEN)
        .stripTrailingZeros().toPlainString();
  }

  /** The lower bound of a percentile's interval for a CSV: empty when the side is open. */
  static String csvLow(Stats.PercentileEstimate e) {
    return e.lowerOpen() ? "" : csvUsd(e.lower());
  }

  /** The upper bound of a percentile's interval for a CSV: empty when the side is open. */
  static String csvHigh(Stats.PercentileEstimate e) {
    return e.upperOpen() ? "" : csvUsd(e.upper());
  }

  /** A share as a percentage, or "no data" for NaN. */
  static String percentOrNoData(double share) {
    return Double.isNaN(share) ? "no data" : percent(share);
  }

  /** A rate: whole above 10 ("500"), one decimal below ("3.5"), so a small one never reads 0. */
  static String rate(double perDay) {
    return String.format(Locale.ROOT, perDay >= 10 ? "%,.0f" : "%.1f", perDay);
  }

  /** A plain count with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
