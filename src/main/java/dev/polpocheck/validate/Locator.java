package dev.polpocheck.validate;

import dev.polpocheck.json.JsonDocument;
import dev.polpocheck.json.LineMap;
import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.json.Span;
import java.util.Optional;

/**
 * Converts a {@link Target} into a source span: the key or value of a pointer, or characters inside
 * a string value with escape sequences accounted for (validation-ux.md §3.3).
 */
final class Locator {
  private Locator() {}

  /**
   * The span of a target. A pointer that is not in the document (a missing key) falls back to its
   * nearest existing ancestor's key, or the file start.
   */
  static Span locate(JsonDocument doc, Target t) {
    PositionIndex idx = doc.positions();
    String p = t.pointer();
    while (idx.get(p).isEmpty() && !p.isEmpty()) {
      p = PositionIndex.parent(p);
    }
    Optional<PositionIndex.Entry> e = idx.get(p);
    if (e.isEmpty()) {
      return Span.fileStart();
    }
    boolean exact = p.equals(t.pointer());
    PositionIndex.Entry entry = e.get();
    switch (t.anchor()) {
      case KEY:
        return entry.key() != null ? entry.key() : openingOf(doc, entry.value());
      case IN_STRING:
        if (exact && doc.text().charAt(entry.value().offset()) == '"') {
          return inString(doc, entry.value(), t.from(), t.to());
        }
        return entry.value();
      default:
        return exact ? entry.value() : (entry.key() != null ? entry.key() : entry.value());
    }
  }

  /** For the root or an array item without a key: just its first character ({@code {}). */
  private static Span openingOf(JsonDocument doc, Span value) {
    int start = value.offset();
    return new Span(
        value.line(),
        value.column(),
        value.line(),
        value.column() + 1,
        start,
        Math.min(start + 1, doc.text().length()));
  }

  private static Span inString(JsonDocument doc, Span value, int from, int to) {
    String text = doc.text();
    int src = value.offset() + 1;
    int decoded = 0;
    int start = -1;
    int end = -1;
    int limit = value.endOffset() - 1;
    while (src <= limit) {
      if (decoded == from && start < 0) {
        start = src;
      }
      if (decoded == to) {
        end = src;
        break;
      }
      if (src == limit) {
        break;
      }
      char c = text.charAt(src);
      src += c == '\\' ? (text.charAt(src + 1) == 'u' ? 6 : 2) : 1;
      decoded++;
    }
    if (start < 0) {
      return value;
    }
    if (end < 0) {
      end = limit;
    }
    LineMap lines = new LineMap(text);
    return new Span(
        lines.line(start), lines.column(start), lines.line(end), lines.column(end), start, end);
  }
}
