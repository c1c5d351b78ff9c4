package dev.polpocheck.trace;

/**
 * A record that breaks its format (a wrong type, a missing field): the parser reports it with its
 * line and skips it. Thrown without a stack trace: it is control flow, not a failure.
 */
final class BadRecord extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRecord(String message) {
    super(message, null, false, false);
  }
}
