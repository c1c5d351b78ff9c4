package dev.polpocheck.validate;

/**
 * One finding about one place in one file, the unit every output format renders.
 *
 * <p>Positions are 1-based; {@code endColumn} is exclusive. A finding about the whole file (for
 * example an unreadable file) has line 0 and column 0. The message, help and suggestion never
 * contain a secret or an environment variable's value: rules build them from keys, schema-side data
 * and variable names only.
 *
 * @param rule stable rule id, e.g. {@code polpo/config/unknown-key}
 * @param severity effective severity after command-line re-levelling
 * @param message one sentence saying what is wrong
 * @param file the file as the user named it
 * @param pointer JSON Pointer of the value concerned ({@code ""} for the root)
 * @param line start line, or 0 for a file-level finding
 * @param column start column, or 0
 * @param endLine end line
 * @param endColumn end column (exclusive)
 * @param help how to fix it, or null
 * @param suggestion a replacement for the underlined text (did-you-mean), or null
 * @param docs link to the rule's documentation, or null
 */
public record Diagnostic(
    String rule,
    Severity severity,
    String message,
    String file,
    String pointer,
    int line,
    int column,
    int endLine,
    int endColumn,
    String help,
    String suggestion,
    String docs) {

  /** Requires rule, severity, message and file. */
  public Diagnostic {
    if (rule == null || severity == null || message == null || file == null) {
      throw new IllegalArgumentException("rule, severity, message and file are required");
    }
    if (pointer == null) {
      pointer = "";
    }
  }

  /** Whether this finding has a source position. */
  public boolean hasPosition() {
    return line > 0;
  }

  /** The same finding with another severity. */
  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(
        rule,
        newSeverity,
        message,
        file,
        pointer,
        line,
        column,
        endLine,
        endColumn,
        help,
        suggestion,
        docs);
  }
}
