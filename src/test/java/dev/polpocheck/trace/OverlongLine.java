package dev.polpocheck.trace;

import java.io.InputStream;

/**
 * A stream of {@code length} bytes of 'x' (one line longer than a reader's cap) followed by {@code
 * tail}, generated as it is read so a test of the 64 MiB cap holds no 64 MiB array.
 */
final class OverlongLine extends InputStream {
  private final long length;
  private final byte[] tail;
  private long at;

  OverlongLine(long length, byte[] tail) {
    this.length = length;
    this.tail = tail;
  }

  @Override
  public int read() {
    if (at >= length + tail.length) {
      return -1;
    }
    int b = at < length ? 'x' : tail[(int) (at - length)] & 0xff;
    at++;
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (at >= length + tail.length) {
      return -1;
    }
    int n = 0;
    while (n < len && at < length + tail.length) {
      b[off + n++] = (byte) read();
    }
    return n;
  }
}
