package dev.polpocheck.validate.report;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The output formats of {@code polpo-check validate}; each constant builds its reporter. */
public enum Format {
  /** Human-readable, actionlint style, with code frames. */
  TEXT(o -> new TextReporter(o.snippets(), o.color())),
  /** Stable machine format (schemaVersion 1). */
  JSON(o -> new JsonReporter()),
  /** SARIF 2.1.0 for GitHub code scanning. */
  SARIF(o -> new SarifReporter()),
  /** GitHub Actions workflow commands (annotations). */
  GITHUB(o -> new GithubReporter()),
  /** JUnit XML for CI test reports. */
  JUNIT(o -> new JunitReporter());

  /** Options that only some formats use. */
  public record Options(boolean snippets, boolean color) {}

  private final Function<Options, Reporter> factory;

  Format(Function<Options, Reporter> factory) {
    this.factory = factory;
  }

  /** A reporter for this format. */
  public Reporter reporter(Options options) {
    return factory.apply(options);
  }

  /** The name used by {@code --format}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code id}, if any. */
  public static Optional<Format> fromId(String id) {
    for (Format f : values()) {
      if (f.id().equalsIgnoreCase(id)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
