package dev.polpocheck.trace;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a recording proxy saw of one call beyond the {@link Call} itself: the optional native-trace
 * fields of {@code schemas/trace.schema.json} that only the caller's side of the wire holds (HTTP
 * status, time to first byte, rate-limit headers, sizes). Readers ignore them; they are written by
 * {@link NativeLine} so a recording keeps what logs never hold.
 *
 * @param requestId the provider's request id ({@code request-id} header), or null
 * @param profileType how the credential authenticated: "api-key", "oauth", or null when none
 * @param httpStatus the status sent to the client, or 0 when the client never got one
 * @param errorType Anthropic's error type ({@code error.type}) or the proxy's own ("aborted",
 *     "upstream_cut", "timeout_error", "api_error"), or null
 * @param aborted true when the client went away before the response ended
 * @param ttfbMillis milliseconds from the request's start to the first response byte, or -1
 * @param retryAfterSeconds the {@code retry-after} header in seconds, or -1 when absent
 * @param stream true when the response was a server-sent event stream
 * @param inferenceGeo {@code usage.inference_geo} when the response had one, else null
 * @param serviceTier {@code usage.service_tier} when the response had one, else null
 * @param requestBytes request body size in bytes
 * @param responseBytes response body bytes relayed to the client
 * @param rateLimits the {@code anthropic-ratelimit-*} headers, keyed by the name without that
 *     prefix (e.g. {@code requests-remaining}), sorted by name
 */
public record CallObservation(
    String requestId,
    String profileType,
    int httpStatus,
    String errorType,
    boolean aborted,
    long ttfbMillis,
    long retryAfterSeconds,
    boolean stream,
    String inferenceGeo,
    String serviceTier,
    long requestBytes,
    long responseBytes,
    SortedMap<String, String> rateLimits) {

  /** Copies the rate-limit map so the record stays a value. */
  public CallObservation {
    Objects.requireNonNull(rateLimits, "rateLimits");
    rateLimits = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(rateLimits));
  }
}
