package dev.polpocheck.sim;

import dev.polpocheck.sim.cache.CacheSplit;
import dev.polpocheck.sim.cache.PromptCache;

/**
 * The cache step: how a request's prompt splits into cache reads, cache writes and uncached input.
 * As recorded (the trace's own split), without caching (models with no cache policy), or from the
 * simulated prompt cache.
 *
 * <p>Cache keys are prefix ids: {@code 3·session} for a session's history, {@code 3·agent + 1}
 * for the agent's shared system prefix and {@code 3·agent + 2} for the OAuth preamble block, so
 * the three kinds never collide. The cache is scoped by the credential's organisation.
 */
final class CacheStep {
  private final Scenario sc;
  private final long[] systemPrefix;
  private final PromptCache cache = new PromptCache();
  private final CacheSplit split = new CacheSplit();

  CacheStep(Scenario sc, long[] systemPrefix) {
    this.sc = sc;
    this.systemPrefix = systemPrefix;
  }

  /** The split of the last request. */
  CacheSplit split() {
    return split;
  }

  /**
   * The cache split of {@code k}'s prompt when sent with {@code c} as {@code m} at {@code now}: a
   * peek when {@code commit} is false (before admission), the cache's update when true. The
   * returned split is this step's one reusable instance.
   */
  CacheSplit request(Task k, Credential c, ReplayModel m, long now, boolean commit) {
    if (sc.cache().asRecorded()) {
      split.set(k.rRead, k.rW5 + k.rW1 + k.rWu, k.rIn);
      return split;
    }
    if (m.policy == null) {
      split.set(0, 0, k.prompt);
      return split;
    }
    int agent = k.agent;
    long preTokens = c.oauth ? sc.cache().oauthPreambleTokens() : 0;
    long latency = k.call.latencyMillis();
    long first = sc.timing().firstTokenMillis();
    cache.request(
        now,
        latency >= 0 ? Math.min(first, latency) : first,
        c.scope,
        m.id,
        3L * k.sess.idx,
        3L * agent + 1,
        systemPrefix[agent],
        preTokens > 0 ? 3L * agent + 2 : -1,
        preTokens,
        k.prompt,
        m.policy,
        split,
        commit);
    return split;
  }
}
