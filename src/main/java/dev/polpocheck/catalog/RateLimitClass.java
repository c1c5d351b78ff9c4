package dev.polpocheck.catalog;

/**
 * An Anthropic rate-limit pool: models of one class share an organisation's RPM, ITPM and OTPM
 * limits (anthropic-and-peers.md §4.1–4.2).
 */
public enum RateLimitClass {
  /** Every Opus 4.x model (Opus 4, 4.1, 4.5, 4.6, 4.7, 4.8) draws from one pool. */
  OPUS_4(false),
  /** Every Sonnet 4.x model (Sonnet 4, 4.5, 4.6) draws from one pool. */
  SONNET_4(false),
  /** Claude Haiku 4.5. */
  HAIKU_4_5(false),
  /** Claude Haiku 3.5 and Haiku 3 (marked † on Anthropic's page: cache reads count toward ITPM). */
  HAIKU_3(true),
  /** Claude Sonnet 3.7, with its own, lower tier limits. */
  SONNET_3_7(false);

  private final boolean cacheReadsCountTowardItpm;

  RateLimitClass(boolean cacheReadsCountTowardItpm) {
    this.cacheReadsCountTowardItpm = cacheReadsCountTowardItpm;
  }

  /**
   * Returns whether {@code cache_read_input_tokens} count toward the input-tokens-per-minute limit
   * (true only for the † models; elsewhere ITPM counts input plus cache writes).
   */
  public boolean cacheReadsCountTowardItpm() {
    return cacheReadsCountTowardItpm;
  }
}
