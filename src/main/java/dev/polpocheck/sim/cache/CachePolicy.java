package dev.polpocheck.sim.cache;

/**
 * How one model caches prompts.
 *
 * @param minCacheableTokens a prefix shorter than this is silently not cached
 * @param granularity prefixes are cached in whole units of this many tokens (1 for Anthropic's
 *     explicit breakpoints; 64 for DeepSeek's automatic cache)
 * @param ttlMillis how long an entry lives after its last write or hit
 * @param explicitWrites true when the provider bills cache writes (Anthropic {@code
 *     cache_control}); false for automatic prefix caching (DeepSeek, OpenAI): reads at the read
 *     price, the rest billed as plain input
 */
public record CachePolicy(
    long minCacheableTokens, long granularity, long ttlMillis, boolean explicitWrites) {
  public CachePolicy {
    if (minCacheableTokens < 0 || granularity < 1 || ttlMillis <= 0) {
      throw new IllegalArgumentException("bad cache policy");
    }
  }
}
