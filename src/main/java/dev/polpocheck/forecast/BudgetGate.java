package dev.polpocheck.forecast;

import java.util.Locale;

/**
 * The CI budget gate: fails when a chosen statistic of the forecast total exceeds the budget.
 *
 * @param statistic "mean" or "pNN" (p50, p90, p95, p99 ...)
 * @param budgetPicos the budget
 * @param valuePicos the statistic's value
 * @param over true when {@code value > budget}
 */
public record BudgetGate(String statistic, long budgetPicos, long valuePicos, boolean over) {

  /**
   * Evaluates the gate on the baseline's totals.
   *
   * @throws IllegalArgumentException when the statistic is not "mean" or "p1".."p99"
   */
  public static BudgetGate evaluate(ForecastResult result, long budgetPicos, String statistic) {
    String s = statistic.trim().toLowerCase(Locale.ROOT);
    long[] totals = result.baseline().runs().stream().mapToLong(r -> r.total().total()).toArray();
    long value;
    if (s.equals("mean")) {
      value = Math.round(result.baseline().total(result.confidence()).mean());
    } else if (s.matches("p[1-9][0-9]?")) {
      value = Stats.percentile(totals, Integer.parseInt(s.substring(1)) / 100.0,
          result.confidence()).value();
    } else {
      throw new IllegalArgumentException(
          "unknown statistic '" + statistic + "': use mean or p1..p99 (e.g. p95)");
    }
    return new BudgetGate(s, budgetPicos, value, value > budgetPicos);
  }
}
