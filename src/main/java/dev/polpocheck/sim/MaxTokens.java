package dev.polpocheck.sim;

/**
 * The {@code max_tokens} a request carries, which Anthropic reserves against the output-token
 * rate limit (OTPM) until the response ends. It depends on who calls (Polpo 0.3.13 with pi-ai and
 * pi-agent-core 0.62.0):
 *
 * <ul>
 *   <li><b>Agent turns.</b> Polpo puts {@code maxTokens: model.maxTokens} into the agent's initial
 *       state (polpo src/adapters/engine.ts:424-432 @898e166), but pi-agent-core never forwards it
 *       (agent.js:348-370 and agent-loop.js:156-161 of pi-agent-core 0.62.0 build the stream
 *       options without it), so pi-ai's {@code buildBaseOptions} sends {@code
 *       min(model.maxTokens, 32000)} (pi-ai 0.62.0 dist/providers/simple-options.js:4). With
 *       reasoning on, an Anthropic model with budget thinking sends {@code min(base + budget,
 *       model.maxTokens)} (simple-options.js:19-33, anthropic.js:400); adaptive-thinking models
 *       (Opus 4.6, Sonnet 4.6: anthropic.js:354-360) keep the base.
 *   <li><b>Orchestrator calls</b> (planning, assessment: {@code queryText}/{@code queryStream})
 *       pass {@code m.maxTokens} explicitly (polpo src/llm/pi-client.ts:799,839), which with
 *       budget thinking is still capped at the model's maximum.
 * </ul>
 */
final class MaxTokens {
  /** pi-ai's default cap on {@code max_tokens} when the caller gives none. */
  static final long PI_AI_DEFAULT_CAP = 32_000;

  private MaxTokens() {}

  /**
   * What an agent turn sends.
   *
   * @param modelMax the model's output limit ({@code model.maxTokens} in pi-ai's catalog)
   * @param provider the model's provider (budget thinking is pi-ai's Anthropic path)
   * @param modelId the model id (adaptive-thinking models keep the base)
   * @param reasoning Polpo's reasoning level: off, minimal, low, medium, high or xhigh
   */
  static long agentTurn(long modelMax, String provider, String modelId, String reasoning) {
    long base = Math.min(modelMax, PI_AI_DEFAULT_CAP);
    if ("off".equals(reasoning) || !"anthropic".equals(provider) || adaptive(modelId)) {
      return base;
    }
    return Math.min(base + thinkingBudget(reasoning), modelMax);
  }

  /** What an orchestrator or assessment call sends: the model's output limit. */
  static long orchestrator(long modelMax) {
    return modelMax;
  }

  /** pi-ai's default budgets per level (simple-options.js:19-24; xhigh is clamped to high). */
  static long thinkingBudget(String reasoning) {
    switch (reasoning) {
      case "minimal":
        return 1_024;
      case "low":
        return 2_048;
      case "medium":
        return 8_192;
      case "high":
      case "xhigh":
        return 16_384;
      default:
        throw new IllegalArgumentException("unknown reasoning level " + reasoning);
    }
  }

  private static boolean adaptive(String id) {
    return id.contains("opus-4-6")
        || id.contains("opus-4.6")
        || id.contains("sonnet-4-6")
        || id.contains("sonnet-4.6");
  }
}
