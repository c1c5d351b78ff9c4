package dev.polpocheck.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value of a JSON document sits in its source text, by JSON Pointer (RFC 6901).
 *
 * <p>Every value has a value span; object members also have a key span (the quoted key including
 * its quotes). The root's pointer is {@code ""}. When a key occurs twice in one object the index
 * keeps the <em>last</em> occurrence, the one JavaScript's {@code JSON.parse} (and so Polpo) uses;
 * the earlier ones are listed in {@link JsonDocument#duplicates()}.
 */
public final class PositionIndex {

  /** The key span (absent for the root and array items) and value span of one JSON value. */
  public record Entry(Span key, Span value) {
    /** Requires a value span; {@code key} may be null. */
    public Entry {
      if (value == null) {
        throw new IllegalArgumentException("value span is required");
      }
    }
  }

  private final Map<String, Entry> entries;

  PositionIndex(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** The entry for a pointer, if the document has a value there. */
  public Optional<Entry> get(String pointer) {
    return Optional.ofNullable(entries.get(pointer));
  }

  /** The value span at a pointer, if present. */
  public Optional<Span> valueSpan(String pointer) {
    return get(pointer).map(Entry::value);
  }

  /**
   * The key span at a pointer, if the value is an object member; otherwise empty (root, array item,
   * or unknown pointer).
   */
  public Optional<Span> keySpan(String pointer) {
    return get(pointer).map(Entry::key);
  }

  /** Number of indexed values. */
  public int size() {
    return entries.size();
  }

  /**
   * Appends one reference token to a pointer, escaping {@code ~} and {@code /} as RFC 6901
   * requires.
   */
  public static String child(String pointer, String token) {
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** Appends an array index to a pointer. */
  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  /** The unescaped last reference token of a non-root pointer ({@code "/a/b~1c"} → {@code b/c}). */
  public static String lastToken(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
  }

  /** The pointer of the parent value ({@code "/a/b"} → {@code "/a"}); the root's parent is root. */
  public static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }
}
