package dev.polpocheck.forecast;

import dev.polpocheck.UserInputException;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Native trace JSONL for the sample workload: one call per line with Anthropic's usage field
 * names. Writing is deterministic (fixed field order) so the shipped sample can be regenerated
 * byte for byte; reading names {@code file:line:col} on any bad line.
 */
final class NativeTraceLines {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private NativeTraceLines() {}

  /** One call as a JSON line (no newline). */
  static String toLine(Call c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("timestamp", Instant.ofEpochMilli(c.timestampMillis()).toString());
    o.put("session", c.session());
    o.put("agent", c.agent());
    o.put("role", c.role().name().toLowerCase(Locale.ROOT));
    o.put("provider", c.provider());
    o.put("model", c.model());
    ObjectNode u = o.putObject("usage");
    u.put("input_tokens", c.inputTokens());
    u.put("output_tokens", c.outputTokens());
    u.put("cache_read_input_tokens", c.cacheReadTokens());
    ObjectNode w = u.putObject("cache_creation");
    w.put("ephemeral_5m_input_tokens", c.cacheWrite5mTokens());
    w.put("ephemeral_1h_input_tokens", c.cacheWrite1hTokens());
    o.put("status", c.status().name().toLowerCase(Locale.ROOT));
    if (c.latencyMillis() >= 0) {
      o.put("latency_ms", c.latencyMillis());
    }
    return JSON.writeValueAsString(o);
  }

  /** Parses JSONL text; {@code source} names the file in messages. Blank lines are skipped. */
  static List<Call> parse(String text, String source) {
    List<Call> calls = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      calls.add(parseLine(line, source, i + 1));
    }
    return calls;
  }

  private static Call parseLine(String line, String source, int lineNo) {
    JsonNode o;
    try {
      o = JSON.readTree(line);
    } catch (JacksonException e) {
      int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
      throw new UserInputException(source + ":" + lineNo + ":" + col + ": not valid JSON: "
          + e.getOriginalMessage());
    }
    String where = source + ":" + lineNo + ":1: ";
    if (!o.isObject()) {
      throw new UserInputException(where + "a trace line must be a JSON object");
    }
    try {
      JsonNode u = req(o, "usage", where);
      JsonNode w = u.path("cache_creation");
      return new Call(
          Instant.parse(text(o, "timestamp", where)).toEpochMilli(),
          text(o, "session", where),
          o.path("agent").asString(""),
          CallerRole.valueOf(o.path("role").asString("agent").toUpperCase(Locale.ROOT)),
          text(o, "provider", where),
          text(o, "model", where),
          count(u, "input_tokens", where),
          count(u, "output_tokens", where),
          count(u, "cache_read_input_tokens", where),
          count(w, "ephemeral_5m_input_tokens", where),
          count(w, "ephemeral_1h_input_tokens", where),
          0,
          null,
          CallStatus.valueOf(o.path("status").asString("ok").toUpperCase(Locale.ROOT)),
          o.path("latency_ms").asLong(-1),
          -1,
          false);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      if (e instanceof UserInputException u) {
        throw u;
      }
      throw new UserInputException(where + "bad field value: " + e.getMessage());
    }
  }

  private static JsonNode req(JsonNode o, String field, String where) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new UserInputException(where + "missing field '" + field + "'");
    }
    return v;
  }

  private static String text(JsonNode o, String field, String where) {
    JsonNode v = req(o, field, where);
    if (!v.isString()) {
      throw new UserInputException(where + "field '" + field + "' must be a string");
    }
    return v.asString();
  }

  private static long count(JsonNode o, String field, String where) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (!v.isIntegralNumber() || v.asLong() < 0) {
      throw new UserInputException(where + "field '" + field + "' must be a whole number >= 0");
    }
    return v.asLong();
  }
}
