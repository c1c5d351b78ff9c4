package dev.polpocheck.json;

import java.util.Arrays;

/**
 * Converts character offsets to 1-based lines and columns. A line ends at {@code \n}, {@code \r\n}
 * or a lone {@code \r}, as Jackson counts them.
 */
public final class LineMap {
  private final int[] lineStarts;
  private final int length;

  /** Indexes the line starts of {@code text}. */
  public LineMap(String text) {
    int[] starts = new int[16];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineEnd =
          c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
      if (lineEnd) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
    this.length = text.length();
  }

  /** The 1-based line holding {@code offset}. */
  public int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), length));
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The 1-based column of {@code offset} in its line. */
  public int column(int offset) {
    int clamped = Math.min(Math.max(offset, 0), length);
    return clamped - lineStarts[line(clamped) - 1] + 1;
  }

  /** Offset of the first character of a 1-based line. */
  public int lineStart(int line) {
    return lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1];
  }

  /** Number of lines. */
  public int lineCount() {
    return lineStarts.length;
  }
}
