package dev.polpocheck.trace;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads polpo-check's native trace format: JSONL, one LLM call per line, as defined by {@code
 * schemas/trace.schema.json} and shaped after pi-ai's per-message {@code Usage} ({@code
 * input/output/cacheRead/cacheWrite/totalTokens/cost{...}}) plus who, when and how.
 *
 * <p>Cache writes: {@code usage.cacheWrite5m}/{@code cacheWrite1h} give the TTL split; without
 * them, {@code cacheRetention} ("short" = 5 minutes, "long" = 1 hour, as pi-ai's setting) says
 * which TTL every write had; without either, the writes are unsplit and priced with the assumed
 * 1-hour share. {@code usage.cost.total} is the recorded cost.
 */
final class NativeParser implements FileParser {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @Override
  public void parse(Path file, InputStream in, FileResult out) throws IOException {
    LineScanner lines = new LineScanner(in, ClaudeCodeParser.MAX_LINE_BYTES);
    while (lines.next()) {
      if (lines.tooLong()) {
        out.records++;
        out.skip(lines.lineNumber(), "line longer than 64 MiB skipped");
        continue;
      }
      if (lines.blank()) {
        continue;
      }
      JsonNode n;
      try {
        n = MAPPER.readTree(lines.bytes(), 0, lines.length());
      } catch (JacksonException ex) {
        out.records++;
        out.skip(lines.lineNumber(), Fields.malformed("malformed JSON (truncated line?)", ex));
        continue;
      } catch (NumberFormatException ex) {
        out.records++;
        out.skip(lines.lineNumber(), Fields.NUMBER_OUT_OF_LIMITS);
        continue;
      }
      try {
        out.add(toCall(n, lines.lineNumber()));
      } catch (BadRecord ex) {
        out.records++;
        out.skip(lines.lineNumber(), ex.getMessage());
      }
    }
  }

  /** The call of one parsed line, or {@link BadRecord} naming what breaks the schema. */
  static ParsedCall toCall(JsonNode n, long line) {
    if (n == null || !n.isObject()) {
      throw new BadRecord("expected a JSON object (one call per line)");
    }
    long ts = timestamp(n.get("timestamp"));
    String session = requiredString(n, "session");
    String model = requiredString(n, "model");
    String provider = optString(n, "provider");
    if (provider == null) {
      provider = Fields.inferProvider(model);
    }
    JsonNode u = n.get("usage");
    if (u == null || !u.isObject()) {
      throw new BadRecord("usage is required and must be an object");
    }
    long input = count(u, "input", true);
    long output = count(u, "output", true);
    long read = count(u, "cacheRead", false);
    long write = count(u, "cacheWrite", false);
    long w5 = 0;
    long w1 = 0;
    long unsplit = 0;
    boolean split = u.has("cacheWrite5m") || u.has("cacheWrite1h");
    if (split) {
      w5 = count(u, "cacheWrite5m", false);
      w1 = count(u, "cacheWrite1h", false);
      if (u.has("cacheWrite") && write != w5 + w1) {
        throw new BadRecord(
            "usage.cacheWrite (" + write + ") != cacheWrite5m + cacheWrite1h (" + (w5 + w1) + ")");
      }
      write = w5 + w1;
    } else {
      String retention = optString(n, "cacheRetention");
      if (retention == null || "none".equals(retention)) {
        unsplit = write;
      } else if ("short".equals(retention)) {
        w5 = write;
      } else if ("long".equals(retention)) {
        w1 = write;
      } else {
        throw new BadRecord(
            "cacheRetention must be \"short\", \"long\" or \"none\", found \"" + retention + "\"");
      }
    }
    if (u.has("totalTokens")) {
      long total = count(u, "totalTokens", false);
      if (total != input + output + read + write) {
        throw new BadRecord(
            "usage.totalTokens ("
                + total
                + ") != input + output + cacheRead + cacheWrite ("
                + (input + output + read + write)
                + ")");
      }
    }
    long recorded = -1;
    JsonNode cost = u.get("cost");
    if (cost != null && !cost.isNull()) {
      JsonNode total = cost.get("total");
      if (!cost.isObject()
          || total == null
          || !total.isNumber()
          || total.decimalValue().signum() < 0) {
        throw new BadRecord("usage.cost.total must be a number >= 0 (USD)");
      }
      if (!Fields.usdInRange(total.decimalValue())) {
        throw new BadRecord(
            "usage.cost.total is above " + Fields.MAX_RECORDED_USD + " USD for one call");
      }
      recorded = Fields.usdToPicos(total.decimalValue());
    }
    String roleText = optString(n, "role");
    CallerRole role = CallerRole.AGENT;
    if ("orchestrator".equals(roleText)) {
      role = CallerRole.ORCHESTRATOR;
    } else if (roleText != null && !"agent".equals(roleText)) {
      throw new BadRecord("role must be \"agent\" or \"orchestrator\", found \"" + roleText + "\"");
    }
    String statusText = optString(n, "status");
    CallStatus status = CallStatus.OK;
    if ("error".equals(statusText)) {
      status = CallStatus.ERROR;
    } else if (statusText != null && !"ok".equals(statusText)) {
      throw new BadRecord("status must be \"ok\" or \"error\", found \"" + statusText + "\"");
    }
    long latency = n.has("latencyMs") ? count(n, "latencyMs", false) : -1;
    boolean batch = false;
    JsonNode b = n.get("batch");
    if (b != null && !b.isNull()) {
      if (!b.isBoolean()) {
        throw new BadRecord("batch must be true or false");
      }
      batch = b.booleanValue();
    }
    String speed = optString(n, "speed");
    String geo = optString(n, "inferenceGeo");
    if (speed != null && !"fast".equals(speed) && !"standard".equals(speed)) {
      throw new BadRecord("speed must be \"fast\" or \"standard\", found \"" + speed + "\"");
    }
    String agent = optString(n, "agent");
    Call call =
        new Call(
            ts,
            Fields.shown(session),
            agent == null ? "" : Fields.shown(agent),
            role,
            Fields.shown(provider),
            Fields.shown(model),
            input,
            output,
            read,
            w5,
            w1,
            unsplit,
            Fields.shown(optString(n, "profile")),
            status,
            latency,
            recorded,
            batch,
            "fast".equals(speed),
            geo == null ? "" : Fields.shown(geo));
    String rid = optString(n, "requestId");
    // an empty requestId identifies nothing: every call with one would be merged into one
    long key = rid == null || rid.isBlank() ? 0 : Hashing.of(rid, "native");
    return new ParsedCall(call, line, key, 0, false, false);
  }

  private static long timestamp(JsonNode t) {
    if (t == null || t.isNull()) {
      throw new BadRecord("timestamp is required (ISO-8601 string or epoch milliseconds)");
    }
    if (t.isIntegralNumber() && Fields.millisInRange(t.decimalValue())) {
      return t.longValue();
    }
    if (t.isString()) {
      Long m = Fields.isoMillis(t.stringValue());
      if (m != null) {
        return m;
      }
    }
    throw new BadRecord(
        "timestamp must be an ISO-8601 string or epoch milliseconds (1970 to 9999), found "
            + Fields.describe(t));
  }

  private static String requiredString(JsonNode n, String field) {
    String s = optString(n, field);
    if (s == null || s.isEmpty()) {
      throw new BadRecord(field + " is required and must be a non-empty string");
    }
    return s;
  }

  private static String optString(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw new BadRecord(field + " must be a string");
    }
    return v.stringValue();
  }

  private static long count(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new BadRecord("usage." + field + " is required");
      }
      return 0;
    }
    if (!v.isNumber() || !isWhole(v.decimalValue())) {
      throw new BadRecord(field + " must be a whole number, found " + Fields.describe(v));
    }
    BigDecimal d = v.decimalValue();
    if (d.signum() < 0) {
      throw new BadRecord(field + " must not be negative");
    }
    if (!Fields.tokensInRange(d)) {
      throw new BadRecord(Fields.tokensTooLarge(field));
    }
    return d.longValueExact();
  }

  private static boolean isWhole(BigDecimal d) {
    return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
  }
}
