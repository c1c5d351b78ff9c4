package dev.polpocheck.sim.retry;

import java.util.Locale;

/**
 * Polpo's error classification and {@code withRetry}'s transient test: substring matches on the
 * lower-cased message, first rule wins (polpo-semantics.md §14 and §15). The pitfalls are kept on
 * purpose: "quota exceeded" is a rate limit, any digit run containing 401 is "auth", "invalid"
 * alone is a client error.
 */
public final class ErrorClassifier {
  private static final String[][] RULES = {
    {"401", "unauthorized", "invalid api key", "authentication", "forbidden", "403"},
    {"429", "rate limit", "too many requests", "quota exceeded"},
    {"insufficient", "credit", "billing", "payment required", "402"},
    {"500", "502", "503", "504", "overloaded", "service unavailable"},
    {"timeout", "econnreset", "econnrefused", "socket hang up"},
    {"400", "invalid", "not found", "404"},
  };
  private static final ErrorReason[] REASONS = {
    ErrorReason.AUTH,
    ErrorReason.RATE_LIMIT,
    ErrorReason.BILLING,
    ErrorReason.SERVER_ERROR,
    ErrorReason.NETWORK,
    ErrorReason.CLIENT_ERROR
  };
  private static final String[] TRANSIENT = {
    "timeout",
    "econnreset",
    "econnrefused",
    "socket hang up",
    "429",
    "503",
    "overloaded",
    "rate limit"
  };

  private ErrorClassifier() {}

  /** {@code classifyProviderError}: the reason of an error message. */
  public static ErrorReason classify(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    for (int i = 0; i < RULES.length; i++) {
      for (String s : RULES[i]) {
        if (m.contains(s)) {
          return REASONS[i];
        }
      }
    }
    return ErrorReason.UNKNOWN;
  }

  /** {@code withRetry}'s transient test (note: not 500, 502 or 504). */
  public static boolean isTransient(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    for (String s : TRANSIENT) {
      if (m.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
