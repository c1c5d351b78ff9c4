package dev.polpocheck.trace;

import dev.polpocheck.config.SecretScanner;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Conversions every reader shares: timestamps, recorded costs, provider inference, names. */
final class Fields {
  private static final BigDecimal PICOS = BigDecimal.valueOf(1_000_000_000_000L);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  /**
   * The largest token count one field of one call may hold. It is a thousand times the largest
   * context window (1M tokens), so no real record reaches it, and it keeps every call's cost (at
   * most about 5 x 10^17 picodollars) inside {@link dev.polpocheck.cost.Money}'s exact range.
   */
  static final long MAX_TOKENS = 1_000_000_000L;

  /** The largest recorded cost of one call, in USD; beyond it a record is not a real call. */
  static final BigDecimal MAX_RECORDED_USD = BigDecimal.valueOf(1_000_000L);

  private static final BigDecimal MAX_TOKENS_DECIMAL = BigDecimal.valueOf(MAX_TOKENS);

  /** Largest epoch-millisecond timestamp accepted (year 9999). */
  private static final long MAX_MILLIS = 253_402_300_799_999L;

  private static final Pattern SOURCE_NOTE =
      Pattern.compile("\\s*\\(?(start marker at )?\\[Source:.*$", Pattern.DOTALL);
  private static final Pattern SETTING_NOTE = Pattern.compile(",? from `[^`]*`");
  // Jackson quotes the unreadable token, which is the record's own text: the tail of a key cut by
  // a line break has no prefix the masker knows. Found by fuzzing (reports/hardening.md).
  private static final Pattern TOKEN_QUOTE = Pattern.compile("(Unrecognized token) '[^']*'");

  private Fields() {}

  /**
   * Why a record whose number Jackson cannot turn into a BigDecimal was skipped: Jackson 3 throws
   * a plain {@link NumberFormatException} (not a JacksonException) for an exponent beyond its
   * limits, such as {@code 1e999999999}. Found by fuzzing (reports/hardening.md).
   */
  static final String NUMBER_OUT_OF_LIMITS =
      "malformed JSON: a number has too many digits or too large an exponent to read";

  /**
   * A JSON parser's message without its internals: the "[Source: REDACTED ...]" location (the
   * caller names file, line and column itself), the names of Jackson settings and the text of an
   * unrecognized token.
   */
  static String parserMessage(JacksonException ex) {
    String m = ex.getOriginalMessage();
    if (m == null || m.isBlank()) {
      return "unreadable JSON";
    }
    m = SOURCE_NOTE.matcher(m).replaceAll("");
    m = SETTING_NOTE.matcher(m).replaceAll("");
    m = TOKEN_QUOTE.matcher(m).replaceAll("$1");
    return m.strip();
  }

  /** "{@code what} at column N: reason", without the column when the parser does not know it. */
  static String malformed(String what, JacksonException ex) {
    int col = ex.getLocation() == null ? -1 : ex.getLocation().getColumnNr();
    return what + (col > 0 ? " at column " + col : "") + ": " + parserMessage(ex);
  }

  /** Whether a token count fits {@link #MAX_TOKENS} (callers have checked it is whole, >= 0). */
  static boolean tokensInRange(BigDecimal tokens) {
    return tokens.compareTo(MAX_TOKENS_DECIMAL) <= 0;
  }

  /** The reason shown for a token count above {@link #MAX_TOKENS}. */
  static String tokensTooLarge(String field) {
    return field + " is above " + MAX_TOKENS + " tokens, more than any call can hold";
  }

  /** Whether a recorded cost is within 0..{@link #MAX_RECORDED_USD} in absolute value. */
  static boolean usdInRange(BigDecimal usd) {
    return usd.abs().compareTo(MAX_RECORDED_USD) <= 0;
  }

  /** Whether epoch milliseconds lie between 1970 and the end of year 9999. */
  static boolean millisInRange(BigDecimal millis) {
    return millis.signum() >= 0 && millis.compareTo(BigDecimal.valueOf(MAX_MILLIS)) <= 0;
  }

  /**
   * How a value that failed a type check is named in a message: numbers and booleans as they are,
   * anything else by its type only, so a secret in the wrong field is never echoed.
   */
  static String describe(JsonNode v) {
    if (v.isNumber() || v.isBoolean()) {
      return v.toString();
    }
    return v.isString()
        ? "a string"
        : v.isObject() ? "an object" : v.isArray() ? "an array" : "null";
  }

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
      } catch (DateTimeParseException | ArithmeticException e2) {
        return null;
      }
    } catch (ArithmeticException e) {
      // a year beyond what epoch milliseconds can hold (+1000000000-01-01T00:00:00Z)
      return null;
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
    return wholeHalfEven(seconds.multiply(THOUSAND));
  }

  /**
   * {@code x} rounded half-even to a whole number, for a value its caller has range-checked. A
   * value below 0.1 in magnitude is 0 without {@code setScale}: for {@code 1e-999999999} that would
   * compute 10^999999999 and throw (found hardening the trace readers, reports/hardening.md F10).
   */
  static long wholeHalfEven(BigDecimal x) {
    if ((long) x.precision() - x.scale() < 0) {
      return 0;
    }
    return x.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /**
   * Picodollars of a recorded USD cost. Recorded costs come from floating-point code (JavaScript,
   * Python) and may carry more than 12 decimals; they are rounded half-even to a picodollar.
   */
  static long usdToPicos(BigDecimal usd) {
    return wholeHalfEven(usd.multiply(PICOS));
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

  /**
   * An identifier read from a trace (session, agent, provider, model, profile) in the form every
   * later stage may print: a credential-shaped value — a token pasted as a session id, a key in a
   * model field — keeps only its public prefix ({@code sk-ant-oat01-…}). Redacting here, once, is
   * what keeps such values out of cost, simulate, forecast and report output alike.
   */
  static String shown(String id) {
    return id == null ? null : SecretScanner.redact(id);
  }

  /** True when {@code bytes[0, len)} is exactly one well-formed JSON value. */
  static boolean isJson(byte[] bytes, int len) {
    try (tools.jackson.core.JsonParser p =
        JSON.createParser(tools.jackson.core.ObjectReadContext.empty(), bytes, 0, len)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (JacksonException e) {
      return false;
    }
  }

  private static final tools.jackson.core.json.JsonFactory JSON =
      new tools.jackson.core.json.JsonFactory();
}
