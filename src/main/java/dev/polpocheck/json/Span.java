package dev.polpocheck.json;

/**
 * A half-open range {@code [offset, endOffset)} of source characters, with the 1-based line and
 * column of both ends.
 *
 * <p>Columns count UTF-16 code units from the start of the line, as Jackson and SARIF's default
 * {@code columnKind} do; a tab is one column. {@code endColumn} is the column just after the last
 * character, so a one-character token at column 5 has {@code endColumn} 6.
 */
public record Span(int line, int column, int endLine, int endColumn, int offset, int endOffset) {

  /** Validates that both ends are positive and ordered. */
  public Span {
    if (line < 1 || column < 1 || endLine < line || offset < 0 || endOffset < offset) {
      throw new IllegalArgumentException(
          "invalid span "
              + line
              + ":"
              + column
              + "-"
              + endLine
              + ":"
              + endColumn
              + " ["
              + offset
              + ","
              + endOffset
              + ")");
    }
  }

  /** The span of the first character of a file (line 1, column 1, length 0). */
  public static Span fileStart() {
    return new Span(1, 1, 1, 1, 0, 0);
  }
}
