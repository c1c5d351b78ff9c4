package dev.polpocheck.sim;

import dev.polpocheck.trace.Call;
import java.util.ArrayDeque;

/**
 * The replay's state of one open session: its number, the delay it has accumulated, whether a call
 * is in flight, whether its agent run has ended, its calls still to come and those waiting.
 */
final class SessionState {
  final int idx;
  long offset;
  boolean inFlight;
  boolean dead;
  int remaining;
  /** The agent whose concurrency slot this run holds, or null when it holds none. */
  String slot;
  final ArrayDeque<Call> pending = new ArrayDeque<>(0);

  SessionState(int idx, int remaining) {
    this.idx = idx;
    this.remaining = remaining;
  }
}
