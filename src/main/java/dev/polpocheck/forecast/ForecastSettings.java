package dev.polpocheck.forecast;

/**
 * The knobs of a forecast.
 *
 * @param horizon the period forecast
 * @param sessionsPerDay base arrival rate; {@code NaN} takes the corpus's own rate
 * @param growthPerMonth compounding growth per 30 days (0.1 = +10 %)
 * @param runs Monte Carlo runs, at least 1
 * @param seed the one seed every random choice derives from
 * @param threads worker threads, at least 1 (results do not depend on it)
 * @param confidence confidence level of every interval (0.95)
 */
public record ForecastSettings(
    Horizon horizon,
    double sessionsPerDay,
    double growthPerMonth,
    int runs,
    long seed,
    int threads,
    double confidence) {

  public ForecastSettings {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be strictly between 0 and 1");
    }
  }

  /** The rate used for {@code corpus}: the given one, or the corpus's when none was given. */
  public double rateFor(Corpus corpus) {
    return Double.isNaN(sessionsPerDay) ? corpus.sessionsPerDay() : sessionsPerDay;
  }
}
