package dev.polpocheck.trace;

import dev.polpocheck.config.SecretScanner;

/**
 * One record a reader could not use: where it is and why.
 *
 * @param file the trace file as given or found
 * @param line 1-based line (JSONL) or the line where the JSON object starts; 0 when the problem
 *     concerns the whole file
 * @param message what is wrong, without secrets
 */
public record TraceProblem(String file, long line, String message) {
  /** Masks anything credential-shaped a reader quoted from the record into the message. */
  public TraceProblem {
    message = SecretScanner.redact(message);
  }

  /** {@code file:line: message}, the form every report prints. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
