package dev.polpocheck.trace;

import java.util.Objects;

/**
 * One LLM call as recorded in a trace: the canonical record every reader produces. Nothing
 * downstream of the readers knows which format a call came from.
 *
 * <p>Token fields follow Anthropic's usage semantics: {@code inputTokens} is the <em>uncached</em>
 * input; the prompt is {@code input + cacheRead + cacheWrite*}. Cache writes are split by TTL when
 * the trace says so; writes recorded without a split go to {@code cacheWriteUnsplitTokens} and
 * pricing applies the assumed 1-hour share.
 *
 * <p>Serializable: {@code polpo-check-spark} broadcasts a forecast's corpus as its calls.
 *
 * @param timestampMillis when the request started, epoch milliseconds (UTC)
 * @param session the agent run / conversation id (never null; readers synthesise one from the file
 *     name when the trace has none)
 * @param agent agent name, or "" when unknown
 * @param role agent turn or orchestrator call
 * @param provider provider id as Polpo spells it ("anthropic", "openai", "deepseek", ...)
 * @param model model id without provider prefix
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens (reasoning included)
 * @param cacheReadTokens tokens read from the prompt cache
 * @param cacheWrite5mTokens tokens written with a 5-minute TTL
 * @param cacheWrite1hTokens tokens written with a 1-hour TTL
 * @param cacheWriteUnsplitTokens tokens written with no recorded TTL split
 * @param profile auth profile id, or null when unknown
 * @param status how the call ended
 * @param latencyMillis request duration in ms, or -1 when unknown
 * @param recordedCostPicos cost the trace recorded, in picodollars (1e-12 USD), or -1 when none
 * @param batch true when the request went through the Batch API (50 % off)
 * @param fast true when the trace marks the request as fast mode (Claude Code's {@code usage.speed:
 *     "fast"}); pricing uses the model's fast tier when its price has one
 * @param inferenceGeo where inference ran as the trace records it ({@code usage.inference_geo}:
 *     "us", "global"), or "" when not recorded; a geography the price lists is a multiplier
 */
public record Call(
    long timestampMillis,
    String session,
    String agent,
    CallerRole role,
    String provider,
    String model,
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheWrite5mTokens,
    long cacheWrite1hTokens,
    long cacheWriteUnsplitTokens,
    String profile,
    CallStatus status,
    long latencyMillis,
    long recordedCostPicos,
    boolean batch,
    boolean fast,
    String inferenceGeo) implements java.io.Serializable {

  /** A call with no recorded inference geography. */
  public Call(
      long timestampMillis,
      String session,
      String agent,
      CallerRole role,
      String provider,
      String model,
      long inputTokens,
      long outputTokens,
      long cacheReadTokens,
      long cacheWrite5mTokens,
      long cacheWrite1hTokens,
      long cacheWriteUnsplitTokens,
      String profile,
      CallStatus status,
      long latencyMillis,
      long recordedCostPicos,
      boolean batch,
      boolean fast) {
    this(
        timestampMillis,
        session,
        agent,
        role,
        provider,
        model,
        inputTokens,
        outputTokens,
        cacheReadTokens,
        cacheWrite5mTokens,
        cacheWrite1hTokens,
        cacheWriteUnsplitTokens,
        profile,
        status,
        latencyMillis,
        recordedCostPicos,
        batch,
        fast,
        "");
  }

  /** A call at standard speed: the record as it was before the fast-mode flag existed. */
  public Call(
      long timestampMillis,
      String session,
      String agent,
      CallerRole role,
      String provider,
      String model,
      long inputTokens,
      long outputTokens,
      long cacheReadTokens,
      long cacheWrite5mTokens,
      long cacheWrite1hTokens,
      long cacheWriteUnsplitTokens,
      String profile,
      CallStatus status,
      long latencyMillis,
      long recordedCostPicos,
      boolean batch) {
    this(
        timestampMillis,
        session,
        agent,
        role,
        provider,
        model,
        inputTokens,
        outputTokens,
        cacheReadTokens,
        cacheWrite5mTokens,
        cacheWrite1hTokens,
        cacheWriteUnsplitTokens,
        profile,
        status,
        latencyMillis,
        recordedCostPicos,
        batch,
        false);
  }

  public Call {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(inferenceGeo, "inferenceGeo");
    if (inputTokens < 0
        || outputTokens < 0
        || cacheReadTokens < 0
        || cacheWrite5mTokens < 0
        || cacheWrite1hTokens < 0
        || cacheWriteUnsplitTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  /** All cache-write tokens, whatever their TTL. */
  public long cacheWriteTokens() {
    return cacheWrite5mTokens + cacheWrite1hTokens + cacheWriteUnsplitTokens;
  }

  /**
   * Prompt size: uncached input + cache reads + cache writes (what chooses the long-context tier).
   */
  public long promptTokens() {
    return inputTokens + cacheReadTokens + cacheWriteTokens();
  }

  /** True when the trace recorded a cost for this call. */
  public boolean hasRecordedCost() {
    return recordedCostPicos >= 0;
  }
}
