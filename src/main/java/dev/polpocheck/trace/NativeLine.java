package dev.polpocheck.trace;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one call as a line of the native trace format ({@code schemas/trace.schema.json}), the
 * format {@link NativeParser} reads back into the same {@link Call}. Field order is fixed and
 * optional fields are left out when unknown, so equal calls give equal bytes.
 *
 * <p>Cache writes: a call with a TTL split is written with {@code usage.cacheWrite5m}/{@code
 * cacheWrite1h} and their sum in {@code usage.cacheWrite}; a call with unsplit writes is written
 * with {@code usage.cacheWrite} only, which the reader again treats as unsplit. A call mixing both
 * cannot be written faithfully and is refused.
 */
public final class NativeLine {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private NativeLine() {}

  /**
   * One call as UTF-8 JSON without the trailing newline.
   *
   * @param call the call; its session and model must be non-empty (the schema requires them)
   * @param seen what the recorder observed beyond the call, or null
   * @throws IllegalArgumentException when the call mixes split and unsplit cache writes or lacks
   *     a session or model
   */
  public static byte[] toJson(Call call, CallObservation seen) {
    if (call.cacheWriteUnsplitTokens() > 0
        && call.cacheWrite5mTokens() + call.cacheWrite1hTokens() > 0) {
      throw new IllegalArgumentException("a call mixes split and unsplit cache writes");
    }
    if (call.session().isEmpty() || call.model().isEmpty()) {
      throw new IllegalArgumentException("session and model are required");
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.createGenerator(buf)) {
      g.writeStartObject();
      g.writeStringProperty("timestamp", Instant.ofEpochMilli(call.timestampMillis()).toString());
      text(g, "session", call.session());
      if (!call.agent().isEmpty()) {
        text(g, "agent", call.agent());
      }
      g.writeStringProperty("role", call.role().name().toLowerCase(Locale.ROOT));
      text(g, "provider", call.provider());
      text(g, "model", call.model());
      if (call.profile() != null) {
        text(g, "profile", call.profile());
      }
      if (seen != null && seen.profileType() != null) {
        text(g, "profileType", seen.profileType());
      }
      g.writeStringProperty("status", call.status().name().toLowerCase(Locale.ROOT));
      if (seen != null) {
        if (seen.httpStatus() > 0) {
          g.writeNumberProperty("httpStatus", seen.httpStatus());
        }
        if (seen.errorType() != null) {
          text(g, "errorType", seen.errorType());
        }
        if (seen.aborted()) {
          g.writeBooleanProperty("aborted", true);
        }
      }
      if (call.latencyMillis() >= 0) {
        g.writeNumberProperty("latencyMs", call.latencyMillis());
      }
      if (seen != null) {
        if (seen.ttfbMillis() >= 0) {
          g.writeNumberProperty("ttfbMs", seen.ttfbMillis());
        }
        if (seen.requestId() != null) {
          text(g, "requestId", seen.requestId());
        }
      }
      if (call.batch()) {
        g.writeBooleanProperty("batch", true);
      }
      if (call.fast()) {
        g.writeStringProperty("speed", "fast");
      }
      if (seen != null) {
        writeObservation(g, seen);
      }
      g.writeName("usage");
      g.writeStartObject();
      g.writeNumberProperty("input", call.inputTokens());
      g.writeNumberProperty("output", call.outputTokens());
      g.writeNumberProperty("cacheRead", call.cacheReadTokens());
      g.writeNumberProperty("cacheWrite", call.cacheWriteTokens());
      if (call.cacheWriteUnsplitTokens() == 0) {
        g.writeNumberProperty("cacheWrite5m", call.cacheWrite5mTokens());
        g.writeNumberProperty("cacheWrite1h", call.cacheWrite1hTokens());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return buf.toByteArray();
  }

  private static void writeObservation(JsonGenerator g, CallObservation seen) {
    if (seen.inferenceGeo() != null) {
      text(g, "inferenceGeo", seen.inferenceGeo());
    }
    if (seen.serviceTier() != null) {
      text(g, "serviceTier", seen.serviceTier());
    }
    if (seen.retryAfterSeconds() >= 0) {
      g.writeNumberProperty("retryAfterS", seen.retryAfterSeconds());
    }
    if (seen.stream()) {
      g.writeBooleanProperty("stream", true);
    }
    g.writeNumberProperty("requestBytes", seen.requestBytes());
    g.writeNumberProperty("responseBytes", seen.responseBytes());
    if (!seen.rateLimits().isEmpty()) {
      g.writeName("rateLimits");
      g.writeStartObject();
      for (Map.Entry<String, String> e : seen.rateLimits().entrySet()) {
        String v = e.getValue();
        if (isCount(v)) {
          g.writeNumberProperty(Fields.shown(e.getKey()), Long.parseLong(v));
        } else {
          text(g, Fields.shown(e.getKey()), v);
        }
      }
      g.writeEndObject();
    }
  }

  /**
   * Writes a string property masked like every other output (README "Secrets are never printed"):
   * a recorded line takes values from the client's request (the model, when the response has
   * none) and from the upstream's headers and body, and a credential pasted into one of them must
   * not reach the trace file in clear. Readers mask the same way ({@link Fields#shown}).
   */
  private static void text(JsonGenerator g, String name, String value) {
    g.writeStringProperty(name, Fields.shown(value));
  }

  /** A header value written as a JSON number: plain digits that fit a long. */
  private static boolean isCount(String v) {
    if (v.isEmpty() || v.length() > 18) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
