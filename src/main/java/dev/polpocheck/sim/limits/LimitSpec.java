package dev.polpocheck.sim.limits;

/**
 * The per-minute limits of one (organisation, model class): requests, input tokens and output
 * tokens per minute; 0 means unlimited.
 *
 * @param rpm requests per minute
 * @param itpm input tokens per minute (uncached input + cache writes, + reads when counted)
 * @param otpm output tokens per minute (reserved at {@code max_tokens})
 * @param cacheReadsCount true for the models Anthropic marks with a dagger (Haiku 3.5, Haiku 3),
 *     whose cache reads count toward ITPM
 */
public record LimitSpec(long rpm, long itpm, long otpm, boolean cacheReadsCount) {
  /** No limit at all. */
  public static final LimitSpec UNLIMITED = new LimitSpec(0, 0, 0, false);

  public LimitSpec {
    if (rpm < 0 || itpm < 0 || otpm < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
  }

  /** True when none of the three limits binds. */
  public boolean unlimited() {
    return rpm == 0 && itpm == 0 && otpm == 0;
  }
}
