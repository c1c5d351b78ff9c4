package dev.polpocheck.record;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The usage, model and error of one Messages API response, read from the bytes as they are
 * relayed: a JSON body (kept up to a cap and parsed at the end) or a server-sent event stream
 * (scanned line by line, only {@code message_start}, {@code message_delta} and {@code error}
 * events parsed).
 *
 * <p>Streaming usage (https://platform.claude.com/docs/en/build-with-claude/streaming): {@code
 * message_start} carries the input side ({@code input_tokens}, cache reads and writes with the
 * {@code cache_creation} TTL split); each {@code message_delta} carries cumulative counts, so a
 * field it repeats replaces the earlier value. A stream cut before its {@code message_delta}
 * keeps what {@code message_start} said, which is what was billed for input.
 */
final class ResponseUsage {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The longest SSE line kept for parsing; longer lines (big content deltas) are skipped. */
  static final int MAX_EVENT_LINE = 1 << 20;

  long input;
  long output;
  long cacheRead;
  long cacheCreation;
  long write5m;
  long write1h;
  boolean split;
  String model;
  String speed;
  String inferenceGeo;
  String serviceTier;
  String errorType;
  boolean sawStop;

  /** Made on the first streamed bytes: a JSON response never needs its line buffer. */
  private LineSplitter sse;
  private String event = "";

  /** Feeds relayed stream bytes; complete lines are interpreted as they end. */
  void feedSse(byte[] buf, int off, int n) {
    if (sse == null) {
      sse = new LineSplitter(MAX_EVENT_LINE, this::sseLine);
    }
    sse.feed(buf, off, n);
  }

  private void sseLine(byte[] l, int n) {
    if (n == 0) {
      event = "";
    } else if (startsWith(l, n, "event:")) {
      event = new String(l, 6, n - 6, StandardCharsets.UTF_8).strip();
    } else if (startsWith(l, n, "data:")
        && ("message_start".equals(event)
            || "message_delta".equals(event)
            || "message_stop".equals(event)
            || "error".equals(event))) {
      data(l, 5, n - 5);
    }
  }

  private static boolean startsWith(byte[] l, int n, String prefix) {
    if (n < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (l[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void data(byte[] l, int off, int n) {
    if ("message_stop".equals(event)) {
      sawStop = true;
      return;
    }
    JsonNode d;
    try {
      d = JSON.readTree(l, off, n);
    } catch (JacksonException e) {
      return;
    }
    if (d == null || !d.isObject()) {
      return;
    }
    if ("message_start".equals(event)) {
      JsonNode m = d.path("message");
      model = text(m.get("model"), model);
      usage(m.get("usage"));
    } else if ("message_delta".equals(event)) {
      usage(d.get("usage"));
    } else {
      errorType = text(d.path("error").get("type"), "error");
    }
  }

  /**
   * Reads a complete JSON response body (a Message, or an error). Only the members it needs
   * become trees ({@code type}, {@code model}, {@code usage}, {@code error}); the content is
   * skipped token by token, so a long response costs no tree of its text.
   */
  void readJson(byte[] body, int n) {
    String type = null;
    String messageModel = null;
    JsonNode messageUsage = null;
    JsonNode error = null;
    try (JsonParser p = JSON.createParser(body, 0, n)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if ("type".equals(name)) {
          type = t == JsonToken.VALUE_STRING ? p.getString() : null;
        } else if ("model".equals(name)) {
          messageModel = t == JsonToken.VALUE_STRING ? p.getString() : null;
        } else if ("usage".equals(name)) {
          messageUsage = p.readValueAsTree();
        } else if ("error".equals(name)) {
          error = p.readValueAsTree();
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        return; // trailing content: not one JSON value
      }
    } catch (JacksonException e) {
      return;
    }
    if ("error".equals(type)) {
      errorType = error == null ? "error" : text(error.get("type"), "error");
      return;
    }
    if (messageModel != null && !messageModel.isEmpty()) {
      model = messageModel;
    }
    usage(messageUsage);
  }

  /** Reads a Message object: its model and usage. */
  void readMessage(JsonNode message) {
    model = text(message.get("model"), model);
    usage(message.get("usage"));
  }

  private void usage(JsonNode u) {
    if (u == null || !u.isObject()) {
      return;
    }
    input = count(u, "input_tokens", input);
    output = count(u, "output_tokens", output);
    cacheRead = count(u, "cache_read_input_tokens", cacheRead);
    cacheCreation = count(u, "cache_creation_input_tokens", cacheCreation);
    JsonNode cc = u.get("cache_creation");
    if (cc != null && cc.isObject()) {
      split = true;
      write5m = count(cc, "ephemeral_5m_input_tokens", write5m);
      write1h = count(cc, "ephemeral_1h_input_tokens", write1h);
    }
    speed = text(u.get("speed"), speed);
    inferenceGeo = text(u.get("inference_geo"), inferenceGeo);
    serviceTier = text(u.get("service_tier"), serviceTier);
  }

  private static long count(JsonNode u, String field, long previous) {
    JsonNode v = u.get(field);
    return v != null && v.canConvertToLong() && v.isIntegralNumber() && v.longValue() >= 0
        ? v.longValue()
        : previous;
  }

  private static String text(JsonNode v, String fallback) {
    return v != null && v.isString() && !v.stringValue().isEmpty() ? v.stringValue() : fallback;
  }

  /**
   * Whether the TTL split accounts for every cache write. When it does not (a response without
   * {@code cache_creation}, or one that disagrees with {@code cache_creation_input_tokens}), the
   * writes are recorded unsplit and priced with the assumed 1-hour share.
   */
  boolean splitIsComplete() {
    return split && write5m + write1h == cacheCreation;
  }
}
