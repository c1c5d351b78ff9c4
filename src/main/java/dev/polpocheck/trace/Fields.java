package dev.polpocheck.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Conversions every reader shares: timestamps, recorded costs, provider inference, names. */
final class Fields {
  private static final BigDecimal PICOS = BigDecimal.valueOf(1_000_000_000_000L);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Fields() {}

  /** Epoch milliseconds of an ISO-8601 instant ("...Z" or with an offset), or null if invalid. */
  static Long isoMillis(String s) {
    long fast = fastUtcMillis(s);
    if (fast != Long.MIN_VALUE) {
      return fast;
    }
    try {
      return Instant.parse(s).toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /**
   * The common transcript form {@code YYYY-MM-DDTHH:MM:SS[.fff]Z} parsed by hand (the general
   * parser is a measurable share of a large read); {@code Long.MIN_VALUE} for any other form, which
   * then goes through {@link Instant#parse}.
   */
  static long fastUtcMillis(String s) {
    int n = s.length();
    if ((n != 20 && n != 24)
        || s.charAt(n - 1) != 'Z'
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || (n == 24 && s.charAt(19) != '.')) {
      return Long.MIN_VALUE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int min = digits(s, 14, 2);
    int sec = digits(s, 17, 2);
    int milli = n == 24 ? digits(s, 20, 3) : 0;
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || hour < 0
        || hour > 23
        || min < 0
        || min > 59
        || sec < 0
        || sec > 59
        || milli < 0
        || day > YearMonth.of(year, month).lengthOfMonth()) {
      return Long.MIN_VALUE;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return ((days * 24 + hour) * 60 + min) * 60_000L + sec * 1000L + milli;
  }

  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Epoch milliseconds of epoch seconds with a fraction (mini-swe-agent), rounded half-even. */
  static long secondsToMillis(BigDecimal seconds) {
    return seconds.multiply(THOUSAND).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /**
   * Picodollars of a recorded USD cost. Recorded costs come from floating-point code (JavaScript,
   * Python) and may carry more than 12 decimals; they are rounded half-even to a picodollar.
   */
  static long usdToPicos(BigDecimal usd) {
    return usd.multiply(PICOS).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** The provider a bare model id implies, as Polpo's prefix inference and the catalogs name it. */
  static String inferProvider(String model) {
    String m = model.toLowerCase(Locale.ROOT);
    if (m.startsWith("claude-")) {
      return "anthropic";
    }
    if (m.startsWith("deepseek-")) {
      return "deepseek";
    }
    if (m.startsWith("gpt-") || m.startsWith("o1") || m.startsWith("o3") || m.startsWith("o4")) {
      return "openai";
    }
    if (m.startsWith("gemini-")) {
      return "google";
    }
    if (m.startsWith("grok-")) {
      return "xai";
    }
    return "";
  }

  /** A file's name without the trace extensions, used as a session id when the trace has none. */
  static String stem(Path file) {
    String n = file.getFileName().toString();
    for (String ext : new String[] {".gz", ".jsonl", ".json", ".traj"}) {
      if (n.endsWith(ext)) {
        n = n.substring(0, n.length() - ext.length());
      }
    }
    return n;
  }
}
