package dev.polpocheck.cli;

/** The output formats of the result commands; the same names in every command. */
public enum OutputFormat {
  /** The human table. */
  text,
  /** The versioned JSON result ({@code schemas/result.schema.json}). */
  json,
  /** One CSV row per group (RFC 4180, via Apache Commons CSV). */
  csv
}
