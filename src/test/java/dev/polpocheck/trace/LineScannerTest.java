package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Protects the byte-level line splitter every reader stands on: line numbers, the CR of CRLF, a
 * last line without newline, the per-line cap (a line of exactly the cap is kept, one byte more is
 * dropped and flagged, the next line is whole again), lines arriving in pieces across reads, and
 * the raw marker search the readers use to skip lines before parsing.
 */
class LineScannerTest {

  /** A stream that hands out at most {@code step} bytes per read, as a pipe or socket may. */
  private static InputStream trickle(String text, int step) {
    byte[] all = text.getBytes(StandardCharsets.ISO_8859_1);
    return new InputStream() {
      private int at;

      @Override
      public int read() {
        return at < all.length ? all[at++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at >= all.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, step), all.length - at);
        System.arraycopy(all, at, b, off, n);
        at += n;
        return n;
      }
    };
  }

  private static String text(LineScanner s) {
    return new String(s.bytes(), 0, s.length(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void next_linesInPieces_numberedWithCrDroppedAndLastLineWithoutNewline() throws IOException {
    // "a" / "bb" + CR / "" / "x\ry" (a CR inside a line is kept) / "ccc" without a newline
    LineScanner s = new LineScanner(trickle("a\nbb\r\n\nx\ry\nccc", 2), 1 << 20);
    assertTrue(s.next());
    assertEquals("a", text(s));
    assertEquals(1, s.lineNumber());
    assertTrue(s.next());
    assertEquals("bb", text(s));
    assertEquals(2, s.length());
    assertEquals(2, s.lineNumber());
    assertTrue(s.next());
    assertEquals("", text(s));
    assertTrue(s.blank());
    assertEquals(3, s.lineNumber());
    assertTrue(s.next());
    assertEquals("x\ry", text(s));
    assertTrue(s.next());
    assertEquals("ccc", text(s));
    assertEquals(5, s.lineNumber());
    assertFalse(s.next());
    assertFalse(s.next());
  }

  @Test
  void next_emptyInputHasNoLineButOneNewlineIsOneEmptyLine() throws IOException {
    assertFalse(new LineScanner(new ByteArrayInputStream(new byte[0]), 10).next());
    LineScanner one = new LineScanner(trickle("\n", 1), 10);
    assertTrue(one.next());
    assertEquals(0, one.length());
    assertEquals(1, one.lineNumber());
    assertFalse(one.next());
  }

  @Test
  void next_lineAtTheCapIsKeptOneByteMoreIsDroppedAndTheNextIsWhole() throws IOException {
    // cap 5: "12345" is exactly 5 bytes (kept), "123456" is 6 (dropped), "ab" is read again
    LineScanner s = new LineScanner(trickle("12345\n123456\nab\n", 2), 5);
    assertTrue(s.next());
    assertEquals("12345", text(s));
    assertFalse(s.tooLong());
    assertTrue(s.next());
    assertTrue(s.tooLong());
    assertEquals(0, s.length());
    assertEquals(2, s.lineNumber());
    assertTrue(s.next());
    assertFalse(s.tooLong());
    assertEquals("ab", text(s));
    assertEquals(3, s.lineNumber());
  }

  @Test
  void next_lineLongerThanTheFirstBuffersIsKeptByteForByte() throws IOException {
    // 70,000 bytes: more than the 16 KiB line buffer and the 64 KiB read chunk
    byte[] big = new byte[70_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) ('a' + i % 26);
    }
    String line = new String(big, StandardCharsets.ISO_8859_1);
    LineScanner s = new LineScanner(trickle(line + "\nz", 50_000), 1 << 20);
    assertTrue(s.next());
    assertEquals(70_000, s.length());
    assertArrayEquals(big, Arrays.copyOf(s.bytes(), s.length()));
    assertTrue(s.next());
    assertEquals("z", text(s));
  }

  @Test
  void blankAndLastNonBlank_spaceTabAndCrAreWhitespaceOnly() throws IOException {
    LineScanner s = new LineScanner(trickle(" \t \r\n  {\"a\":1} \t\r\n x \n\u000b\n", 64), 100);
    assertTrue(s.next());
    assertTrue(s.blank());
    assertEquals(-1, s.lastNonBlank());
    assertTrue(s.next());
    assertFalse(s.blank());
    assertEquals('}', s.lastNonBlank());
    assertTrue(s.next());
    assertFalse(s.blank());
    assertEquals('x', s.lastNonBlank());
    assertTrue(s.next()); // a vertical tab is not one of the three blanks
    assertFalse(s.blank());
    assertEquals(0x0b, s.lastNonBlank());
  }

  @Test
  void contains_findsTheNeedleAnywhereButNotCutByTheLineEnd() throws IOException {
    byte[] usage = "\"usage\"".getBytes(StandardCharsets.US_ASCII);
    LineScanner s =
        new LineScanner(
            trickle(
                "\"usage\":1\n{\"x\":\"usage\"}\n{\"u\"\"usage\"}\n{\"a\":\"usag\"}\n{\"usage\n\"}\n\"usage\"\n\"us\n",
                7),
            100);
    assertTrue(s.next());
    assertTrue(s.contains(usage)); // at the start
    assertTrue(s.next());
    assertTrue(s.contains(usage)); // inside: "usage" preceded by a quote
    assertTrue(s.next());
    assertTrue(s.contains(usage)); // a false start ("u") before the real match
    assertTrue(s.next());
    assertFalse(s.contains(usage)); // a prefix only
    assertTrue(s.next());
    assertFalse(s.contains(usage)); // cut by the line end: the closing quote is on the next line
    assertTrue(s.next());
    assertFalse(s.contains(usage));
    assertTrue(s.next());
    assertTrue(s.contains(usage)); // the whole line, ending at the last byte
    assertTrue(s.next());
    assertFalse(s.contains(usage)); // shorter than the needle
  }
}
