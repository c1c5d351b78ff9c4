package dev.polpocheck.validate;

import java.util.Locale;

/** How serious a finding is; the order is from most to least serious. */
public enum Severity {
  /** Polpo fails, silently loses data, or the value can never work. */
  ERROR,
  /** Polpo silently ignores the value or changes its meaning. */
  WARNING,
  /** Worth knowing; never fails a run. */
  INFO;

  /**
   * The lower-case name used in every output format ({@code error}, {@code warning}, {@code info}).
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this severity is at least as serious as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** Parses {@code error}, {@code warning} or {@code info} (any case). */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.label().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity \"" + text + "\"; expected error, warning or info");
  }
}
