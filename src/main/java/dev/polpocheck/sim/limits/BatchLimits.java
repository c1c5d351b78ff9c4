package dev.polpocheck.sim.limits;

/**
 * The Message Batches API's own limits of one organisation, "shared across all models" and apart
 * from the Messages API's RPM / ITPM / OTPM (https://platform.claude.com/docs/en/api/rate-limits,
 * "Message Batches API"); 0 means unlimited.
 *
 * @param rpm "Maximum requests per minute (RPM)" to the Batches API's endpoints
 * @param queue "Maximum batch requests in processing queue": requests not yet processed
 */
public record BatchLimits(long rpm, long queue) {
  /** No limit (an unknown tier, or a provider other than Anthropic). */
  public static final BatchLimits UNLIMITED = new BatchLimits(0, 0);

  public BatchLimits {
    if (rpm < 0 || queue < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
  }
}
