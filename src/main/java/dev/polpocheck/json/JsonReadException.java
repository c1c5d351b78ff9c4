package dev.polpocheck.json;

import dev.polpocheck.UserInputException;

/**
 * A JSON file that could not be read or parsed, with the place and a message that never quotes the
 * file's content (a token could be a secret).
 */
public final class JsonReadException extends UserInputException {
  private static final long serialVersionUID = 1L;

  /** Why the file could not be used. */
  public enum Reason {
    /** Missing, a directory, or not readable. */
    UNREADABLE,
    /** Larger than {@link JsonReader#MAX_BYTES}. */
    TOO_LARGE,
    /** Not UTF-8. */
    ENCODING,
    /** Nothing but white space. */
    EMPTY,
    /** Not valid JSON. */
    SYNTAX,
    /** Nested deeper than {@link JsonReader#MAX_DEPTH}. */
    TOO_DEEP
  }

  private final Reason reason;
  private final String file;
  private final int line;
  private final int column;
  private final String detail;

  JsonReadException(Reason reason, String file, int line, int column, String detail) {
    super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + detail);
    this.reason = reason;
    this.file = file;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** Why the file could not be used. */
  public Reason reason() {
    return reason;
  }

  /** The file as the user named it. */
  public String file() {
    return file;
  }

  /** 1-based line of the problem, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }

  /** 1-based column of the problem, or 0. */
  public int column() {
    return column;
  }

  /** The message without the file and position. */
  public String detail() {
    return detail;
  }
}
