package dev.polpocheck.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Conversions every reader shares: timestamps, recorded costs, provider inference, names. */
final class Fields {
  private static final BigDecimal PICOS = BigDecimal.valueOf(1_000_000_000_000L);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Fields() {}

  /** Epoch milliseconds of an ISO-8601 instant ("...Z" or with an offset), or null if invalid. */
  static Long isoMillis(String s) {
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
