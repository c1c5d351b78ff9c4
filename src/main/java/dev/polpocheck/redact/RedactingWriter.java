package dev.polpocheck.redact;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A writer that passes everything through a {@link Redactor} before it reaches {@code delegate}:
 * the sink every output of polpo-check is written through (standard output and error, {@code
 * --output} files, report files), so a new code path that prints a secret is masked all the same.
 *
 * <p>Text is held until a line ends (or {@link #flush} / {@link #close}), then masked a whole line
 * at a time: a secret written in two pieces is still seen whole. A progress line redrawn with
 * {@code \r} and flushed is masked at each flush.
 */
public final class RedactingWriter extends Writer {
  private final Writer delegate;
  private final Redactor redactor;
  private final StringBuilder pending = new StringBuilder();

  /** Wraps {@code delegate}; everything written is masked by {@code redactor}. */
  public RedactingWriter(Writer delegate, Redactor redactor) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    synchronized (lock) {
      pending.append(buf, off, len);
      int lastNewline = pending.lastIndexOf("\n");
      if (lastNewline >= 0) {
        emit(lastNewline + 1);
      }
    }
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    synchronized (lock) {
      pending.append(s, off, off + len);
      // Only the new text can hold a newline; search it rather than the whole buffer.
      int newline = s.lastIndexOf('\n', off + len - 1);
      if (newline >= off) {
        emit(pending.length() - (off + len - newline - 1));
      }
    }
  }

  @Override
  public void flush() throws IOException {
    synchronized (lock) {
      emit(pending.length());
      delegate.flush();
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      emit(pending.length());
      delegate.close();
    }
  }

  /** Masks and writes the first {@code end} pending characters. */
  private void emit(int end) throws IOException {
    if (end == 0) {
      return;
    }
    String chunk = pending.substring(0, end);
    pending.delete(0, end);
    delegate.write(redactor.redact(chunk));
  }
}
