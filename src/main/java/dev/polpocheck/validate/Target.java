package dev.polpocheck.validate;

/**
 * Where a finding points: the key or the value at a JSON Pointer, or a range of characters inside a
 * string value.
 *
 * <p>Point at the key for findings about a member's presence or name (unknown, ignored or
 * deprecated keys); at the value when the value is wrong. {@code from}/{@code to} are indexes into
 * the decoded string value (what {@code JsonNode.asString()} returns); the engine maps them to
 * source columns, accounting for escape sequences.
 *
 * @param pointer JSON Pointer of the member or value
 * @param anchor key, whole value, or part of a string value
 * @param from first character (inclusive) for {@link Anchor#IN_STRING}, else 0
 * @param to last character (exclusive) for {@link Anchor#IN_STRING}, else 0
 */
public record Target(String pointer, Anchor anchor, int from, int to) {

  /** The part of a member a finding points at. */
  public enum Anchor {
    /** The quoted key; falls back to the value for array items and the root. */
    KEY,
    /** The whole value token (for objects and arrays: from the brace to the closing brace). */
    VALUE,
    /** Characters {@code [from, to)} of a string value. */
    IN_STRING
  }

  /** Validates the range. */
  public Target {
    if (pointer == null || anchor == null) {
      throw new IllegalArgumentException("pointer and anchor are required");
    }
    if (anchor == Anchor.IN_STRING ? from < 0 || to < from : from != 0 || to != 0) {
      throw new IllegalArgumentException("bad range " + from + ".." + to + " for " + anchor);
    }
  }

  /** The key of the member at {@code pointer}. */
  public static Target key(String pointer) {
    return new Target(pointer, Anchor.KEY, 0, 0);
  }

  /** The value at {@code pointer}. */
  public static Target value(String pointer) {
    return new Target(pointer, Anchor.VALUE, 0, 0);
  }

  /** Characters {@code [from, to)} of the string value at {@code pointer}. */
  public static Target inString(String pointer, int from, int to) {
    return new Target(pointer, Anchor.IN_STRING, from, to);
  }
}
