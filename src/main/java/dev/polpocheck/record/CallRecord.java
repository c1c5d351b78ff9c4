package dev.polpocheck.record;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallObservation;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import dev.polpocheck.trace.NativeLine;
import java.util.TreeMap;

/**
 * One relayed Messages call's observations, filled in by {@link Relay} as the exchange goes, and
 * turned into its native trace line when the call has ended.
 *
 * <p>Status: a call is {@code ok} only when the client got a 2xx, no error event came, the client
 * stayed, and a stream reached {@code message_stop}; anything else is an error whose type says
 * why ({@link CallObservation#errorType()}).
 */
final class CallRecord {
  final long startNanos;
  final long startMillis;
  RequestFacts facts = RequestFacts.UNKNOWN;
  Credential credential;
  long requestBytes;
  long responseBytes;
  long ttfbNanos = -1;
  int status;
  String errorType;
  boolean aborted;
  boolean stream;
  String requestId;
  long retryAfter = -1;
  boolean sawRetryAfter;
  final TreeMap<String, String> rateLimits = new TreeMap<>();
  final ResponseUsage usage = new ResponseUsage();
  /** The batch of a result fetched from the Batch API, or null for a Messages call. */
  String batchId;

  CallRecord(long startNanos, long startMillis) {
    this.startNanos = startNanos;
    this.startMillis = startMillis;
  }

  /**
   * A record of one succeeded result of batch {@code batchId}, fetched by the call this record
   * describes: same start and credential, a 200, the result line's size as response bytes.
   */
  CallRecord batchResult(String batchId, long resultBytes) {
    CallRecord r = new CallRecord(startNanos, startMillis);
    r.batchId = batchId;
    r.credential = credential;
    r.status = 200;
    r.responseBytes = resultBytes;
    return r;
  }

  /** The call's native trace line (no newline). */
  byte[] line(Conversations conversations) {
    return NativeLine.toJson(toCall(conversations), observation());
  }

  private Call toCall(Conversations conversations) {
    ResponseUsage u = usage;
    RequestFacts f = facts;
    String model = u.model != null ? u.model : f.model() != null ? f.model() : "unknown";
    boolean ok =
        status >= 200
            && status < 300
            && errorType == null
            && u.errorType == null
            && !aborted
            && (!stream || u.sawStop);
    long w5 = 0;
    long w1 = 0;
    long unsplit = 0;
    if (u.splitIsComplete()) {
      w5 = u.write5m;
      w1 = u.write1h;
    } else {
      unsplit = u.cacheCreation;
    }
    long end = System.nanoTime();
    return new Call(
        startMillis,
        batchId != null ? "batch-" + batchId : conversations.sessionOf(f, startMillis),
        f.agentKey() == null ? "" : f.agentKey(),
        CallerRole.AGENT,
        "anthropic",
        model,
        u.input,
        u.output,
        u.cacheRead,
        w5,
        w1,
        unsplit,
        credential == null ? null : credential.profile(),
        ok ? CallStatus.OK : CallStatus.ERROR,
        batchId != null ? -1 : (end - startNanos) / 1_000_000L,
        -1,
        batchId != null,
        "fast".equals(u.speed),
        u.inferenceGeo == null ? "" : u.inferenceGeo);
  }

  private CallObservation observation() {
    ResponseUsage u = usage;
    String error = errorType;
    if (error == null) {
      error = u.errorType;
    }
    if (error == null && aborted) {
      error = "aborted";
    }
    if (error == null && stream && !u.sawStop && status >= 200 && status < 300) {
      error = "upstream_cut";
    }
    return new CallObservation(
        requestId,
        credential == null ? null : credential.type(),
        status,
        error,
        aborted,
        ttfbNanos < 0 ? -1 : (ttfbNanos - startNanos) / 1_000_000L,
        retryAfter,
        stream,
        u.inferenceGeo,
        u.serviceTier,
        requestBytes,
        responseBytes,
        rateLimits);
  }
}
