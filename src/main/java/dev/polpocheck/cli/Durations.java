package dev.polpocheck.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Converters for the forecast and capacity flags: horizons, growth, money, shares, delays. */
final class Durations {
  private Durations() {}

  private static final Pattern DAYS = Pattern.compile("(\\d{1,4})\\s*([dw])");
  private static final Pattern GROWTH =
      Pattern.compile("([-+]?\\d+(?:\\.\\d+)?)\\s*(%)?\\s*(?:/\\s*(month|mo|m))?");
  private static final Pattern MILLIS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

  /** {@code 30d} or {@code 4w} to whole days. */
  static final class Horizon implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String v) {
      Matcher m = DAYS.matcher(v.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "'" + v + "' is not a horizon: use days or weeks, e.g. 30d or 4w");
      }
      int n = Integer.parseInt(m.group(1)) * (m.group(2).equals("w") ? 7 : 1);
      if (n < 1 || n > 3660) {
        throw new CommandLine.TypeConversionException("horizon must be 1 to 3660 days");
      }
      return n;
    }
  }

  /** {@code 10%/month}, {@code 10%} or {@code 0.1} to a fraction per month. */
  static final class Growth implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String v) {
      Matcher m = GROWTH.matcher(v.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "'" + v + "' is not a growth rate: use e.g. 10%/month");
      }
      double g = Double.parseDouble(m.group(1)) / (m.group(2) != null ? 100 : 1);
      if (g <= -1 || g > 100) {
        throw new CommandLine.TypeConversionException("growth must be above -100%/month");
      }
      return g;
    }
  }

  /** {@code 1500}, {@code $1,500.50} to exact USD. */
  static final class Usd implements CommandLine.ITypeConverter<BigDecimal> {
    @Override
    public BigDecimal convert(String v) {
      String s = v.trim().replace("$", "").replace(",", "");
      try {
        BigDecimal d = new BigDecimal(s);
        if (d.signum() < 0 || d.scale() > 12) {
          throw new NumberFormatException();
        }
        return d;
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException(
            "'" + v + "' is not an amount in USD (e.g. 1500 or 1500.50)");
      }
    }
  }

  /** {@code 1%} or {@code 0.01} to a share in 0..1. */
  static final class Share implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String v) {
      String s = v.trim();
      try {
        double d = s.endsWith("%")
            ? Double.parseDouble(s.substring(0, s.length() - 1).trim()) / 100
            : Double.parseDouble(s);
        if (!(d >= 0 && d <= 1)) {
          throw new NumberFormatException();
        }
        return d;
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException(
            "'" + v + "' is not a share: use e.g. 1% or 0.01");
      }
    }
  }

  /** {@code 2s}, {@code 500ms}, {@code 1m} to milliseconds. */
  static final class Millis implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String v) {
      Matcher m = MILLIS.matcher(v.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "'" + v + "' is not a duration: use e.g. 2s or 500ms");
      }
      double n = Double.parseDouble(m.group(1));
      long unit = switch (m.group(2)) {
        case "ms" -> 1L;
        case "s" -> 1000L;
        default -> 60_000L;
      };
      return Math.round(n * unit);
    }
  }
}
