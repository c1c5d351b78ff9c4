package dev.polpocheck.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Protects line and column numbers for files saved with Windows (CRLF) or old Mac (CR) line
 * endings, so findings point at the same place an editor shows.
 */
class LineMapTest {

  @Test
  void lineAndColumn_crlfAndLoneCr_countAsOneLineBreak() {
    // Offsets: "ab" 0-1, CRLF 2-3, "c" 4, CR 5, "d" 6, LF 7, "" (line 4 starts at 8).
    LineMap m = new LineMap("ab\r\nc\rd\n");
    assertEquals(1, m.line(1));
    assertEquals(2, m.column(1));
    assertEquals(2, m.line(4));
    assertEquals(1, m.column(4));
    assertEquals(3, m.line(6));
    assertEquals(4, m.lineCount());
    assertEquals(8, m.lineStart(4));
  }

  @Test
  void reader_crlfFile_keyPositionsMatchEditor() {
    JsonDocument doc = JsonReader.parse("p.json", "{\r\n  \"a\": 1\r\n}\r\n");
    Span key = doc.positions().keySpan("/a").orElseThrow();
    assertEquals(2, key.line());
    assertEquals(3, key.column());
  }
}
