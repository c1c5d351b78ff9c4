package dev.polpocheck.trace;

/** How a recorded call ended, as far as the trace says. */
public enum CallStatus {
  /** The provider answered with usage. */
  OK,
  /** The provider answered with an error (usage may be partial). */
  ERROR
}
