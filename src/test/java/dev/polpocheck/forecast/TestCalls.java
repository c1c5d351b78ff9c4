package dev.polpocheck.forecast;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;

/** Builds calls for the forecast tests. */
final class TestCalls {
  private TestCalls() {}

  /** An Anthropic call with only uncached input and output tokens. */
  static Call call(long ts, String session, String agent, String model, long in, long out) {
    return new Call(ts, session, agent, CallerRole.AGENT, "anthropic", model, in, out, 0, 0, 0, 0,
        null, CallStatus.OK, -1, -1, false);
  }
}
