package dev.polpocheck.trace;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads OpenTelemetry spans exported as OTLP JSON ({@code ExportTraceServiceRequest}: a document,
 * or one per line as the collector's file exporter writes them) and yields one call per span that
 * records token usage.
 *
 * <p><b>Token semantics.</b> Under the OTel GenAI conventions {@code gen_ai.usage.input_tokens}
 * counts <em>every</em> input token, and {@code gen_ai.usage.cache_read.input_tokens} / {@code
 * gen_ai.usage.cache_creation.input_tokens} are parts of it ("SHOULD be included in
 * gen_ai.usage.input_tokens"): the uncached input is the difference. Anthropic's API reports the
 * opposite ({@code input_tokens} is the uncached part), so adding the cache counts to it would bill
 * them twice, the classic bug. The Vercel AI SDK's {@code ai.usage.inputTokens} (and the older
 * {@code ai.usage.promptTokens}) is read the same way, with {@code ai.usage.cachedInputTokens} as
 * the cache reads. When the span carries Anthropic's own usage (the AI SDK's {@code
 * ai.response.providerMetadata} {@code {"anthropic": {"usage": {...}}}}), that usage wins: it is
 * Anthropic's semantics and has the 5m/1h split. A cache write count the OTel attributes lack is
 * taken from {@code anthropic.cacheCreationInputTokens}.
 *
 * <p><b>Which spans.</b> A span with {@code ai.operationId} is an AI SDK span; only its
 * provider-call spans ({@code *.doGenerate}, {@code *.doStream}) are calls, the outer {@code
 * ai.generateText} / {@code ai.streamText} spans sum their steps and would count them twice. Dedup
 * key: trace id + span id. Session: {@code gen_ai.conversation.id}, then the AI SDK's {@code
 * ai.telemetry.metadata.sessionId}, then the trace id; agent: {@code gen_ai.agent.name}, then
 * {@code ai.telemetry.functionId}. A span with status code 2 is an error.
 */
final class OtlpParser implements FileParser {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @Override
  public void parse(Path file, InputStream in, FileResult out) throws IOException {
    LineScanner lines = new LineScanner(in, ClaudeCodeParser.MAX_LINE_BYTES);
    // A pretty-printed document spans many lines: collect until it parses, line by line otherwise.
    StringBuilder doc = new StringBuilder();
    long docLine = 0;
    Nesting nesting = new Nesting();
    while (lines.next()) {
      if (lines.tooLong()) {
        out.records++;
        out.skip(lines.lineNumber(), "line longer than 64 MiB skipped");
        continue;
      }
      if (doc.length() == 0 && lines.blank()) {
        continue;
      }
      if (doc.length() == 0) {
        docLine = lines.lineNumber();
      }
      doc.append(
              new String(lines.bytes(), 0, lines.length(), java.nio.charset.StandardCharsets.UTF_8))
          .append('\n');
      nesting.scan(lines.bytes(), lines.length());
      boolean oneLine = docLine == lines.lineNumber() && lines.lastNonBlank() == '}';
      // Parse only when every bracket opened so far is closed: re-parsing the growing document on
      // every line made a pretty-printed export quadratic (0.5 MB, 18,000 lines: 110 s).
      if (!nesting.closed() && !oneLine) {
        continue;
      }
      JsonNode root;
      try {
        root = MAPPER.readTree(doc.toString());
      } catch (JacksonException ex) {
        if (oneLine) {
          // one JSONL line that ends like a whole document but does not parse: a bad record
          out.records++;
          out.skip(docLine, Fields.malformed("malformed OTLP JSON line", ex));
          doc.setLength(0);
          nesting = new Nesting();
        }
        continue;
      }
      request(root, docLine, file, out);
      doc.setLength(0);
      nesting = new Nesting();
    }
    if (doc.length() > 0) {
      out.records++;
      out.skip(docLine, "truncated or malformed OTLP JSON document");
    }
  }

  private static void request(JsonNode root, long line, Path file, FileResult out) {
    if (!root.isObject()) {
      out.problem(line, "valid JSON but not an OTLP export object");
      return;
    }
    for (JsonNode rs : root.path("resourceSpans")) {
      Map<String, JsonNode> resource = attributes(rs.path("resource").path("attributes"));
      for (JsonNode ss : rs.path("scopeSpans")) {
        for (JsonNode span : ss.path("spans")) {
          Map<String, JsonNode> a = new HashMap<>(resource);
          a.putAll(attributes(span.path("attributes")));
          if (!isCall(a)) {
            continue;
          }
          try {
            out.add(toCall(span, a, line, file));
          } catch (BadRecord ex) {
            out.records++;
            out.skip(line, "span " + span.path("spanId").asString("?") + ": " + ex.getMessage());
          }
        }
      }
    }
  }

  /** A span with usage that is not an AI SDK aggregate of its steps. */
  private static boolean isCall(Map<String, JsonNode> a) {
    boolean usage =
        a.containsKey("gen_ai.usage.input_tokens")
            || a.containsKey("gen_ai.usage.output_tokens")
            || a.containsKey("ai.usage.inputTokens")
            || a.containsKey("ai.usage.promptTokens");
    if (!usage) {
      return false;
    }
    JsonNode op = a.get("ai.operationId");
    if (op == null) {
      return true;
    }
    String o = op.asString("");
    return o.endsWith(".doGenerate") || o.endsWith(".doStream");
  }

  private static ParsedCall toCall(JsonNode span, Map<String, JsonNode> a, long line, Path file) {
    long start = nanosToMillis(span.get("startTimeUnixNano"), "startTimeUnixNano");
    JsonNode endNode = span.get("endTimeUnixNano");
    long latency =
        endNode == null ? -1 : Math.max(-1, nanosToMillis(endNode, "endTimeUnixNano") - start);
    String traceId = span.path("traceId").asString("");
    String spanId = span.path("spanId").asString("");
    String model =
        first(
            a, "gen_ai.response.model", "gen_ai.request.model", "ai.response.model", "ai.model.id");
    if (model == null) {
      throw new BadRecord("no model (gen_ai.request.model, ai.model.id)");
    }
    String provider = first(a, "gen_ai.provider.name", "gen_ai.system", "ai.model.provider");
    if (provider != null && provider.indexOf('.') > 0) {
      provider = provider.substring(0, provider.indexOf('.')); // AI SDK: "anthropic.messages"
    }
    if (provider == null || provider.isEmpty()) {
      provider = Fields.inferProvider(model);
    }
    Usage u = usage(a);
    String session =
        first(a, "gen_ai.conversation.id", "ai.telemetry.metadata.sessionId", "session.id");
    if (session == null) {
      session = traceId.isEmpty() ? Fields.stem(file) : traceId;
    }
    String agent = first(a, "gen_ai.agent.name", "ai.telemetry.functionId");
    boolean error = span.path("status").path("code").asInt(0) == 2;
    Call call =
        new Call(
            start,
            Fields.shown(session),
            Fields.shown(agent == null ? "" : agent),
            CallerRole.AGENT,
            Fields.shown(provider),
            Fields.shown(model),
            u.input,
            u.output,
            u.read,
            u.w5,
            u.w1,
            u.unsplit,
            null,
            error ? CallStatus.ERROR : CallStatus.OK,
            latency,
            -1,
            false,
            "fast".equals(u.speed),
            u.geo);
    long key = spanId.isEmpty() ? 0 : Hashing.of(traceId, spanId);
    return new ParsedCall(call, line, key, 0, false, false);
  }

  /** Token counts in Anthropic's semantics (input = uncached). */
  private static final class Usage {
    long input;
    long output;
    long read;
    long w5;
    long w1;
    long unsplit;
    String speed = "";
    String geo = "";
  }

  private static Usage usage(Map<String, JsonNode> a) {
    Usage u = new Usage();
    JsonNode anthropic = providerMetadata(a).path("anthropic");
    JsonNode raw = anthropic.path("usage");
    if (raw.isObject() && raw.has("input_tokens")) {
      // Anthropic's own usage object: input_tokens is already the uncached part
      u.input = count(raw.get("input_tokens"), "anthropic.usage.input_tokens");
      u.output = count(raw.get("output_tokens"), "anthropic.usage.output_tokens");
      u.read =
          optCount(raw.get("cache_read_input_tokens"), "anthropic.usage.cache_read_input_tokens");
      long creation =
          optCount(
              raw.get("cache_creation_input_tokens"),
              "anthropic.usage.cache_creation_input_tokens");
      JsonNode split = raw.path("cache_creation");
      if (split.isObject()) {
        u.w5 = optCount(split.get("ephemeral_5m_input_tokens"), "ephemeral_5m_input_tokens");
        u.w1 = optCount(split.get("ephemeral_1h_input_tokens"), "ephemeral_1h_input_tokens");
      } else {
        u.unsplit = creation;
      }
      u.speed = raw.path("speed").asString("");
      u.geo = Fields.shown(raw.path("inference_geo").asString(""));
      return u;
    }
    JsonNode in =
        firstNode(a, "gen_ai.usage.input_tokens", "ai.usage.inputTokens", "ai.usage.promptTokens");
    JsonNode out =
        firstNode(
            a, "gen_ai.usage.output_tokens", "ai.usage.outputTokens", "ai.usage.completionTokens");
    if (in == null || out == null) {
      throw new BadRecord("usage lacks input or output tokens");
    }
    long total = count(in, "gen_ai.usage.input_tokens");
    u.output = count(out, "gen_ai.usage.output_tokens");
    u.read =
        optCount(
            firstNode(a, "gen_ai.usage.cache_read.input_tokens", "ai.usage.cachedInputTokens"),
            "gen_ai.usage.cache_read.input_tokens");
    JsonNode creationNode = a.get("gen_ai.usage.cache_creation.input_tokens");
    if (creationNode == null) {
      creationNode = anthropic.get("cacheCreationInputTokens");
    }
    u.unsplit = optCount(creationNode, "gen_ai.usage.cache_creation.input_tokens");
    if (total < u.read + u.unsplit) {
      throw new BadRecord(
          "gen_ai.usage.input_tokens "
              + total
              + " is less than its cache reads + writes "
              + (u.read + u.unsplit)
              + " (under the OTel conventions they are part of it)");
    }
    u.input = total - u.read - u.unsplit;
    return u;
  }

  /** The AI SDK's {@code ai.response.providerMetadata}, a JSON string; missing node when absent. */
  private static JsonNode providerMetadata(Map<String, JsonNode> a) {
    JsonNode pm = a.get("ai.response.providerMetadata");
    if (pm == null || !pm.isString()) {
      return MAPPER.missingNode();
    }
    try {
      JsonNode n = MAPPER.readTree(pm.stringValue());
      return n == null ? MAPPER.missingNode() : n;
    } catch (JacksonException e) {
      throw new BadRecord("ai.response.providerMetadata is not JSON");
    }
  }

  /** OTLP attributes ({@code [{"key": k, "value": {"intValue": "12"}}]}) as plain JSON values. */
  static Map<String, JsonNode> attributes(JsonNode list) {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode kv : list) {
      String k = kv.path("key").asString("");
      JsonNode v = kv.path("value");
      for (String type : new String[] {"stringValue", "intValue", "doubleValue", "boolValue"}) {
        if (v.has(type)) {
          m.put(k, v.get(type));
        }
      }
    }
    return m;
  }

  private static String first(Map<String, JsonNode> a, String... keys) {
    JsonNode n = firstNode(a, keys);
    return n == null || n.asString("").isEmpty() ? null : n.asString();
  }

  private static JsonNode firstNode(Map<String, JsonNode> a, String... keys) {
    for (String k : keys) {
      JsonNode n = a.get(k);
      if (n != null && !n.isNull()) {
        return n;
      }
    }
    return null;
  }

  private static long optCount(JsonNode n, String field) {
    return n == null || n.isNull() ? 0 : count(n, field);
  }

  /** A token count: an integer, or a string of digits (OTLP JSON writes int64 as a string). */
  private static long count(JsonNode n, String field) {
    BigDecimal d = number(n);
    if (d == null || d.signum() < 0 || d.stripTrailingZeros().scale() > 0) {
      throw new BadRecord(field + " must be a whole number >= 0, found " + Fields.describe(n));
    }
    if (!Fields.tokensInRange(d)) {
      throw new BadRecord(Fields.tokensTooLarge(field));
    }
    return d.longValueExact();
  }

  private static long nanosToMillis(JsonNode n, String field) {
    BigDecimal d = n == null ? null : number(n);
    if (d == null || d.signum() <= 0) {
      throw new BadRecord(field + " must be a positive number of nanoseconds");
    }
    // Range first: moving the point of "1e999999999" would compute 10^999999993 (F10). Year 9999
    // ends before 2.6 x 10^20 ns, 21 digits; below 1 ns the floor is 0 ms.
    if ((long) d.precision() - d.scale() > 21) {
      throw new BadRecord(field + " is out of range");
    }
    if ((long) d.precision() - d.scale() <= 0) {
      return 0;
    }
    BigDecimal ms = d.movePointLeft(6).setScale(0, java.math.RoundingMode.FLOOR);
    if (!Fields.millisInRange(ms)) {
      throw new BadRecord(field + " is out of range");
    }
    return ms.longValueExact();
  }

  private static BigDecimal number(JsonNode n) {
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isString()) {
      try {
        return new BigDecimal(n.stringValue());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Bracket depth of the JSON text scanned so far, outside strings. A document can only parse once
   * it is back to depth 0; the parse itself still decides whether it is valid.
   */
  private static final class Nesting {
    private long depth;
    private boolean inString;
    private boolean escaped;

    void scan(byte[] b, int len) {
      for (int i = 0; i < len; i++) {
        byte c = b[i];
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (c == '\\') {
            escaped = true;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          depth--;
        }
      }
    }

    boolean closed() {
      return depth == 0 && !inString;
    }
  }
}
