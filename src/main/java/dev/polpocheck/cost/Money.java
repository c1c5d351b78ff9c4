package dev.polpocheck.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point money: amounts are {@code long} picodollars (1 unit = 1e-12 USD).
 *
 * <p>Why picodollars: every list price in use is a whole number of picodollars per token
 * ($0.028 per million tokens = 28,000 p$/token; $3/MTok = 3,000,000 p$/token), so the cost of a
 * call is an exact integer and sums over millions of calls carry no floating-point drift. A long
 * holds about 9.2 million USD; additions use {@link Math#addExact} so an overflow fails loudly
 * instead of wrapping. Conversion to {@link BigDecimal} happens only at the edges (reports).
 */
public final class Money {
  /** Picodollars per US dollar. */
  public static final long PICOS_PER_USD = 1_000_000_000_000L;

  private static final BigDecimal PICOS = BigDecimal.valueOf(PICOS_PER_USD);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000L);

  private Money() {}

  /** Exact USD value of an amount in picodollars. */
  public static BigDecimal toUsd(long picos) {
    return BigDecimal.valueOf(picos).divide(PICOS).stripTrailingZeros();
  }

  /** Exact picodollars of a USD amount; fails if the amount has more than 12 decimals. */
  public static long fromUsd(BigDecimal usd) {
    return usd.multiply(PICOS).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  /**
   * Picodollars per token for a price given in USD per million tokens, as every catalog states it.
   *
   * @throws ArithmeticException if the price has more than 6 decimals (sub-picodollar per token)
   */
  public static long perTokenFromPerMillion(BigDecimal usdPerMillion) {
    return usdPerMillion.multiply(PICOS).divide(MILLION).setScale(0, RoundingMode.UNNECESSARY)
        .longValueExact();
  }

  /** USD per million tokens for a per-token rate in picodollars (inverse of the above). */
  public static BigDecimal perMillionFromPerToken(long picosPerToken) {
    return BigDecimal.valueOf(picosPerToken).multiply(MILLION).divide(PICOS).stripTrailingZeros();
  }

  /** Human form, e.g. {@code $13.2635} (4 decimals, half-even); never use it for sums. */
  public static String format(long picos) {
    return "$" + toUsd(picos).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** {@code a + b}, failing on overflow rather than wrapping. */
  public static long add(long a, long b) {
    return Math.addExact(a, b);
  }
}
