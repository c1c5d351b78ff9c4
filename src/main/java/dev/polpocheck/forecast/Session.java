package dev.polpocheck.forecast;

import dev.polpocheck.trace.Call;
import java.util.List;
import java.util.Objects;

/**
 * One recorded agent run: the calls of one session, in time order, that the bootstrap draws as a
 * whole so that a session's length, prompt growth and gaps stay as they were recorded.
 *
 * @param id the session id from the trace
 * @param agent the agent that ran it ("" when unknown)
 * @param calls its calls, sorted by timestamp, never empty
 */
public record Session(String id, String agent, List<Call> calls) {

  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agent, "agent");
    calls = List.copyOf(calls);
    if (calls.isEmpty()) {
      throw new IllegalArgumentException("a session has at least one call");
    }
  }

  /** When the session's first call started, epoch milliseconds. */
  public long startMillis() {
    return calls.get(0).timestampMillis();
  }

  /** Time from the first call's start to the last call's start. */
  public long durationMillis() {
    return calls.get(calls.size() - 1).timestampMillis() - startMillis();
  }
}
