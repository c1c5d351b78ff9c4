package dev.polpocheck.sim;

import dev.polpocheck.trace.Call;
import java.util.ArrayDeque;

/**
 * The replay's state of one open session: its number in the input, its number in the replay, the
 * delay it has accumulated, whether a call is in flight, whether its agent run has ended, its calls
 * still to come and those waiting.
 */
final class SessionState {
  /** A call that arrived while its session was busy: the recorded call and its start. */
  record Waiting(Call call, long startMillis) {}

  /** The session's number in the input ({@link dev.polpocheck.trace.CallColumns.Cursor}). */
  final int input;
  /** The session's number in the replay: sessions are numbered as they open. */
  final int idx;
  long offset;
  boolean inFlight;
  boolean dead;
  int remaining;
  /** The agent whose concurrency slot this run holds, or null when it holds none. */
  String slot;
  final ArrayDeque<Waiting> pending = new ArrayDeque<>(0);
  /** The session's one task, reassigned to each of its calls in turn. */
  final Task task = new Task(this);

  SessionState(int input, int idx, int remaining) {
    this.input = input;
    this.idx = idx;
    this.remaining = remaining;
  }
}
