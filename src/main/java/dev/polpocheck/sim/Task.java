package dev.polpocheck.sim;

import dev.polpocheck.trace.Call;

/**
 * One recorded call on its way through the replay: its token counts scaled to the replay model,
 * the session it belongs to, and where its attempts stand (model in the fallback chain, Polpo and
 * SDK retry counts, the credential in use, rotations so far).
 */
final class Task {
  final Call call;
  final SessionState sess;
  final ReplayModel primary;
  final long prompt;
  final long out;
  final long rIn;
  final long rRead;
  final long rW5;
  final long rW1;
  final long rWu;
  final long ready;
  ReplayModel model;
  int spec;
  int polpoAttempt;
  int sdkAttempt;
  int agent;
  int cred = -1;
  int rotations;
  /** An error the next SEND event delivers (a timed-out or broken attempt ends later), or null. */
  String failure;

  Task(Call call, SessionState sess, ReplayModel primary, long ready) {
    this.call = call;
    this.sess = sess;
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
