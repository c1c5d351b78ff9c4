package dev.polpocheck.sim;

import dev.polpocheck.trace.Call;

/**
 * One recorded call on its way through the replay: its token counts scaled to the replay model,
 * the session it belongs to, and where its attempts stand (model in the fallback chain, Polpo and
 * SDK retry counts, the credential in use, rotations so far).
 *
 * <p>A session runs one call at a time, so each session has one task, which {@link #assign}
 * resets for each of its calls once the previous one has completed (no event or waiting list
 * refers to it any more): a task per call was the replay's largest allocation. The fields after
 * {@code sess} describe the current call.
 */
final class Task {
  final SessionState sess;
  Call call;
  ReplayModel primary;
  long prompt;
  long out;
  long rIn;
  long rRead;
  long rW5;
  long rW1;
  long rWu;
  long ready;
  ReplayModel model;
  int spec;
  int polpoAttempt;
  int sdkAttempt;
  int agent;
  int cred = -1;
  int rotations;
  /** An error the next SEND event delivers (a timed-out or broken attempt ends later), or null. */
  String failure;

  Task(SessionState sess) {
    this.sess = sess;
  }

  /** Starts over with {@code call}, replayed as {@code primary} from {@code ready}. */
  Task assign(Call call, ReplayModel primary, long ready) {
    this.call = call;
    this.primary = primary;
    this.model = primary;
    double f = primary.factor;
    this.rIn = scale(call.inputTokens(), f);
    this.rRead = scale(call.cacheReadTokens(), f);
    this.rW5 = scale(call.cacheWrite5mTokens(), f);
    this.rW1 = scale(call.cacheWrite1hTokens(), f);
    this.rWu = scale(call.cacheWriteUnsplitTokens(), f);
    this.out = scale(call.outputTokens(), f);
    this.prompt = rIn + rRead + rW5 + rW1 + rWu;
    this.ready = ready;
    this.spec = 0;
    this.polpoAttempt = 0;
    this.sdkAttempt = 0;
    this.agent = 0;
    this.cred = -1;
    this.rotations = 0;
    this.failure = null;
    return this;
  }

  /** A recorded token count under a replay model's token factor, rounded half-up. */
  static long scale(long tokens, double factor) {
    return factor == 1.0 ? tokens : Math.round(tokens * factor);
  }

  /** All of a call's tokens (prompt and output) under the factor of {@code m}. */
  static long scaledTotal(Call call, ReplayModel m) {
    return scale(call.inputTokens(), m.factor)
        + scale(call.cacheReadTokens(), m.factor)
        + scale(call.cacheWrite5mTokens(), m.factor)
        + scale(call.cacheWrite1hTokens(), m.factor)
        + scale(call.cacheWriteUnsplitTokens(), m.factor)
        + scale(call.outputTokens(), m.factor);
  }
}
