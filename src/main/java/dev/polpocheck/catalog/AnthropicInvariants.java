package dev.polpocheck.catalog;

import dev.polpocheck.cost.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an Anthropic price row against the multipliers Anthropic documents (5-minute write 1.25 x
 * input, 1-hour write 2 x input, cache read 0.1 x input, batch 0.5 x input and output; a fast-mode
 * tier at 2 x the standard input and output with the same cache multipliers on its input rate).
 *
 * <p>The documented exceptions are part of the rule, not of the data: Claude 3 Haiku writes at 1.2
 * x and reads at 0.12 x, and Fable 5.1 / Mythos 5.1 read at 0.025 x. A catalog that breaks an
 * invariant is still loaded; the warning is shown so a wrong row (a LiteLLM typo, pi-ai's missing
 * 1-hour price) is seen rather than silently trusted. Comparisons are exact integer arithmetic on
 * picodollar rates.
 */
final class AnthropicInvariants {
  private AnthropicInvariants() {}

  /** The broken invariants of {@code e}, one sentence each; empty for non-Anthropic rows. */
  static List<String> check(PriceEntry e) {
    List<String> out = new ArrayList<>();
    if (!"anthropic".equals(e.provider())) {
      return out;
    }
    Price p = e.price();
    boolean haiku3 = matches(e, "claude-3-haiku");
    boolean read0025 = matches(e, "fable-5-1") || matches(e, "mythos-5-1");
    // ratios as (numerator, denominator) so the check stays in integers
    long[] w5 = haiku3 ? new long[] {6, 5} : new long[] {5, 4};
    long[] read = haiku3 ? new long[] {3, 25} : read0025 ? new long[] {1, 40} : new long[] {1, 10};
    String where = "anthropic:" + e.model();
    ratio(out, where, "5-minute cache write", p.cacheWrite5m(), p.input(), w5);
    ratio(out, where, "1-hour cache write", p.cacheWrite1h(), p.input(), new long[] {2, 1});
    ratio(out, where, "cache read", p.cacheRead(), p.input(), read);
    if (e.batchInput() >= 0) {
      ratio(out, where, "batch input", e.batchInput(), p.input(), new long[] {1, 2});
    }
    if (e.batchOutput() >= 0) {
      ratio(out, where, "batch output", e.batchOutput(), p.output(), new long[] {1, 2});
    }
    Price.LongContext lc = p.longContext();
    if (lc != null) {
      String lw = where + " (long context)";
      ratio(out, lw, "5-minute cache write", lc.cacheWrite5m(), lc.input(), w5);
      ratio(out, lw, "1-hour cache write", lc.cacheWrite1h(), lc.input(), new long[] {2, 1});
      ratio(out, lw, "cache read", lc.cacheRead(), lc.input(), read);
    }
    Price.Fast f = p.fast();
    if (f != null) {
      // fast mode is 2 x the standard input and output rates; the cache multipliers apply on top
      String fw = where + " (fast mode)";
      ratio(out, fw, "input", f.input(), p.input(), new long[] {2, 1}, "standard input");
      ratio(out, fw, "output", f.output(), p.output(), new long[] {2, 1}, "standard output");
      ratio(out, fw, "5-minute cache write", f.cacheWrite5m(), f.input(), w5);
      ratio(out, fw, "1-hour cache write", f.cacheWrite1h(), f.input(), new long[] {2, 1});
      ratio(out, fw, "cache read", f.cacheRead(), f.input(), read);
    }
    return out;
  }

  private static boolean matches(PriceEntry e, String fragment) {
    if (e.model().contains(fragment)) {
      return true;
    }
    return e.aliases().stream().anyMatch(a -> a.contains(fragment));
  }

  private static void ratio(
      List<String> out, String where, String what, long actual, long base, long[] r) {
    ratio(out, where, what, actual, base, r, "input");
  }

  private static void ratio(
      List<String> out,
      String where,
      String what,
      long actual,
      long base,
      long[] r,
      String baseName) {
    if (Math.multiplyExact(actual, r[1]) != Math.multiplyExact(base, r[0])) {
      out.add(
          where
              + ": "
              + what
              + " is $"
              + perM(actual)
              + "/MTok, Anthropic's rule gives $"
              + perM(Math.multiplyExact(base, r[0]) / r[1])
              + " ("
              + multiplier(r)
              + " x "
              + baseName
              + ")");
    }
  }

  private static String perM(long picosPerToken) {
    return Money.perMillionFromPerToken(picosPerToken).toPlainString();
  }

  private static String multiplier(long[] r) {
    return new BigDecimal(r[0]).divide(new BigDecimal(r[1])).toPlainString();
  }
}
