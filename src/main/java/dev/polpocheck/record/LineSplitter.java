package dev.polpocheck.record;

import java.util.Arrays;

/**
 * Cuts relayed bytes into lines as they pass (server-sent events, JSON Lines) without holding
 * more than the line being read: each complete line goes to a {@link Sink} without its {@code
 * \n} or {@code \r\n}; a line longer than the cap is dropped as it grows, never kept, and
 * counted. Pushed, not pulled: the relay hands it the bytes it has just written to the client,
 * where {@code trace.LineScanner} pulls lines from a file's stream.
 */
final class LineSplitter {
  /** Receives each complete line; the array is reused after the call returns. */
  interface Sink {
    void line(byte[] bytes, int length);
  }

  private final int maxLine;
  private final Sink sink;
  private byte[] line = new byte[4096];
  private int len;
  private boolean overlong;
  private long skipped;

  LineSplitter(int maxLine, Sink sink) {
    this.maxLine = maxLine;
    this.sink = sink;
  }

  /** Feeds relayed bytes; complete lines reach the sink as they end. */
  void feed(byte[] buf, int off, int n) {
    for (int i = off; i < off + n; i++) {
      byte b = buf[i];
      if (b == '\n') {
        endLine();
      } else if (!overlong) {
        append(b);
      }
    }
  }

  /** The stream ended: a last line without a newline (JSON Lines allows one) still counts. */
  void finish() {
    if (len > 0 || overlong) {
      endLine();
    }
  }

  /** Lines longer than the cap, not passed on. */
  long skipped() {
    return skipped;
  }

  private void append(byte b) {
    if (len == line.length) {
      if (len >= maxLine) {
        overlong = true;
        return;
      }
      line = Arrays.copyOf(line, Math.min(maxLine, len * 2));
    }
    line[len++] = b;
  }

  private void endLine() {
    byte[] l = line;
    int n = len > 0 && l[len - 1] == '\r' ? len - 1 : len;
    boolean skip = overlong;
    len = 0;
    overlong = false;
    if (l.length > 4096) {
      line = new byte[4096]; // a long line's memory is not kept for the rest of the stream
    }
    if (skip) {
      skipped++;
      return;
    }
    sink.line(l, n);
  }
}
