package dev.polpocheck.trace;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding them, so a reader can look for a marker (e.g.
 * {@code "usage"}) in the raw bytes and skip most lines before any JSON parsing.
 *
 * <p>Memory is one read buffer plus the longest line kept, capped at {@code maxLineBytes}: a longer
 * line is consumed to its end, reported as too long, and never held whole, so a 500 MB file of
 * snapshots cannot exhaust the heap.
 */
final class LineScanner {
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] chunk = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[1 << 14];
  private int lineLen;
  private boolean tooLong;
  private long lineNo;
  private boolean eof;

  LineScanner(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Advances to the next line; false at end of input. */
  boolean next() throws IOException {
    lineLen = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (pos >= limit) {
        if (eof) {
          if (any) {
            lineNo++;
            return true;
          }
          return false;
        }
        limit = in.read(chunk, 0, chunk.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          eof = true;
          continue;
        }
      }
      any = true;
      int start = pos;
      int nl = -1;
      for (int i = pos; i < limit; i++) {
        if (chunk[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? limit : nl;
      append(start, end - start);
      pos = nl < 0 ? limit : nl + 1;
      if (nl >= 0) {
        lineNo++;
        return true;
      }
    }
  }

  private void append(int start, int len) {
    if (tooLong || len == 0) {
      return;
    }
    if ((long) lineLen + len > maxLineBytes) {
      tooLong = true;
      lineLen = 0;
      return;
    }
    if (lineLen + len > line.length) {
      int cap = line.length;
      while (cap < lineLen + len) {
        cap = (int) Math.min((long) cap * 2, Integer.MAX_VALUE - 8);
      }
      line = Arrays.copyOf(line, cap);
    }
    System.arraycopy(chunk, start, line, lineLen, len);
    lineLen += len;
  }

  /** The current line's bytes (valid up to {@link #length()}, without the newline). */
  byte[] bytes() {
    return line;
  }

  /** Length of the current line, trailing carriage return excluded. */
  int length() {
    return lineLen > 0 && line[lineLen - 1] == '\r' ? lineLen - 1 : lineLen;
  }

  /** True when the current line exceeded the cap and its bytes were dropped. */
  boolean tooLong() {
    return tooLong;
  }

  /** 1-based number of the current line. */
  long lineNumber() {
    return lineNo;
  }

  /** True when the current line holds only whitespace. */
  boolean blank() {
    for (int i = 0; i < length(); i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The last byte of the current line that is not whitespace, or -1 for a blank line. */
  int lastNonBlank() {
    for (int i = length() - 1; i >= 0; i--) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return b;
      }
    }
    return -1;
  }

  /** True when the current line contains {@code needle} (plain byte search). */
  boolean contains(byte[] needle) {
    int n = length() - needle.length;
    byte first = needle[0];
    outer:
    for (int i = 0; i <= n; i++) {
      if (line[i] != first) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (line[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
