package dev.polpocheck.trace;

import java.util.List;

/**
 * Time-ordered calls that a consumer can also read without a {@link Call} record per call: recorded
 * calls re-timed and regrouped into new sessions, as a forecast's sampled workload is. A {@link
 * Cursor} gives each call's new start, a session number, and the recorded call that supplies every
 * other field.
 *
 * <p>Contract: the j-th call of {@link #iterator()} and the cursor's j-th position describe the
 * same call. Its start is {@link Cursor#startMillis()}; calls share a session id exactly when they
 * share a session number; every other field equals {@link Cursor#recorded()}'s, except the
 * profile, the recorded cost and the inference geography, which the iterated call leaves unset
 * (null, -1, "") and a reader of the cursor must ignore.
 */
public interface CallColumns extends TimeOrdered {
  /** A cursor before the first call; each cursor walks the calls once, in iteration order. */
  Cursor cursor();

  /**
   * What a reader would otherwise gather in a pass over every call, per session: how many calls,
   * the first one, the agents. Null (the default) when this implementation does not keep it; the
   * reader then walks a cursor.
   */
  default Sessions sessions() {
    return null;
  }

  /** Per-session facts of the calls, by the cursor's session numbers. */
  interface Sessions {
    /** Every session number is below this. */
    int count();

    /** How many calls the session numbered {@code s} has (0 when it has none). */
    int callCount(int s);

    /**
     * The recorded call of session {@code s}'s first call (the cursor's first position with that
     * session number); only when it has calls.
     */
    Call first(int s);

    /** The agents of session {@code s}'s calls, each once (in order of their first call). */
    List<String> agents(int s);
  }

  /** Reads the calls one position at a time; nothing is allocated per call. */
  interface Cursor {
    /** Moves to the next call; false when there is none (the cursor is then spent). */
    boolean advance();

    /** The current call's start, epoch milliseconds. */
    long startMillis();

    /**
     * The current call's session number: non-negative, equal for calls of one session and
     * different between sessions.
     */
    int session();

    /** The recorded call whose fields (but start and session) the current call carries. */
    Call recorded();
  }
}
