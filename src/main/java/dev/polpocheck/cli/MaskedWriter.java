package dev.polpocheck.cli;

import dev.polpocheck.redact.RedactingWriter;
import dev.polpocheck.redact.Redactor;
import java.io.PrintWriter;

/**
 * A print writer known to write through the run's masker, so that it is never wrapped twice.
 * Kept apart from {@link RedactingCommandLine} so that a run without picocli ({@link
 * DirectValidate}) does not initialise picocli's {@code CommandLine} class to get one.
 */
final class MaskedWriter extends PrintWriter {
  private MaskedWriter(RedactingWriter w) {
    super(w, true);
  }

  /** {@code w} writing through {@code redactor} (itself if it already does). */
  static PrintWriter of(PrintWriter w, Redactor redactor) {
    return w instanceof MaskedWriter ? w : new MaskedWriter(new RedactingWriter(w, redactor));
  }
}
