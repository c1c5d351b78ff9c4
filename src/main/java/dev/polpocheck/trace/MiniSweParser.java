package dev.polpocheck.trace;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads mini-swe-agent trajectories ({@code *.traj.json}, format {@code mini-swe-agent-1.1}).
 *
 * <p>Every assistant message that came from an API call carries {@code extra.response.usage}
 * (OpenAI style) — {@code prompt_cache_miss_tokens} (else {@code prompt_tokens - cached_tokens})
 * become uncached input, {@code prompt_cache_hit_tokens} (else {@code
 * prompt_tokens_details.cached_tokens}) cache reads, {@code completion_tokens} output — plus {@code
 * extra.timestamp} (epoch seconds) and {@code extra.cost} (USD, the recorded cost). When {@code
 * info.model_stats.api_calls} exceeds the responses with usage, the missing calls are reported as
 * calls without usage; nothing is invented for them. The session is {@code <folder>/<instance_id>}:
 * one file is one run. The document is streamed message by message, so only one message is held at
 * a time.
 */
final class MiniSweParser implements FileParser {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @Override
  public void parse(Path file, InputStream in, FileResult out) throws IOException {
    String session = null;
    long apiCalls = -1;
    String exitStatus = null;
    long responses = 0;
    long messagesLine = 0;
    try (JsonParser p = MAPPER.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        out.records++;
        out.skip(1, "expected a JSON object (mini-swe-agent trajectory)");
        return;
      }
      boolean sawMessages = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        if ("instance_id".equals(f) && t == JsonToken.VALUE_STRING) {
          session = p.getString();
        } else if ("info".equals(f) && t == JsonToken.START_OBJECT) {
          JsonNode info = p.readValueAsTree();
          JsonNode calls = info.path("model_stats").path("api_calls");
          if (calls.isIntegralNumber()) {
            apiCalls = calls.longValue();
          }
          JsonNode ex = info.get("exit_status");
          if (ex != null && ex.isString()) {
            exitStatus = ex.stringValue();
          }
        } else if ("messages".equals(f) && t == JsonToken.START_ARRAY) {
          sawMessages = true;
          messagesLine = p.currentTokenLocation().getLineNr();
          // One trajectory file is one run; the same instance is solved in several runs
          // (folders), so the session is "<folder>/<instance>".
          String parent =
              file.toAbsolutePath().getParent() == null
                      || file.toAbsolutePath().getParent().getFileName() == null
                  ? ""
                  : file.toAbsolutePath().getParent().getFileName() + "/";
          session = parent + (session == null ? Fields.stem(file) : session);
          int i = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            long line = p.currentTokenLocation().getLineNr();
            JsonNode m = p.readValueAsTree();
            if (message(m, i, line, session, out)) {
              responses++;
            }
            i++;
          }
        } else {
          p.skipChildren();
        }
      }
      if (!sawMessages) {
        // a .traj.json that is some other document: say so instead of reading it as zero calls
        out.records++;
        out.skip(1, "no \"messages\" array: not a mini-swe-agent trajectory");
        return;
      }
    } catch (JacksonException ex) {
      // Jackson reports line -1 when it has no position (e.g. bytes it took for UTF-32): 0 is
      // "the whole file" in a TraceProblem.
      long line = ex.getLocation() == null ? 0 : Math.max(0, ex.getLocation().getLineNr());
      out.records++;
      out.skip(line, "malformed JSON (truncated file?): " + Fields.parserMessage(ex));
      return;
    } catch (NumberFormatException ex) {
      out.records++;
      out.skip(0, Fields.NUMBER_OUT_OF_LIMITS);
      return;
    }
    if (apiCalls > responses) {
      long missing = apiCalls - responses;
      out.withoutUsage += missing;
      out.problem(
          messagesLine,
          "info.model_stats.api_calls is "
              + apiCalls
              + " but "
              + responses
              + " responses carry usage: "
              + missing
              + " call(s) without recorded usage, not priced"
              + (exitStatus == null ? "" : " (exit_status " + exitStatus + ")"));
    }
  }

  /** Adds the call of message {@code i} if it has a response; true when it had usage. */
  private static boolean message(JsonNode m, int i, long line, String session, FileResult out) {
    if (!"assistant".equals(m.path("role").asString(""))) {
      return false;
    }
    JsonNode extra = m.path("extra");
    JsonNode response = extra.path("response");
    if (response.isMissingNode() || response.isNull()) {
      return false;
    }
    String where = "messages[" + i + "]";
    JsonNode usage = response.get("usage");
    if (usage == null || !usage.isObject()) {
      out.records++;
      out.skip(line, where + ".extra.response has no usage object");
      return false;
    }
    long completion = count(usage, "completion_tokens");
    long prompt = count(usage, "prompt_tokens");
    long hit = count(usage, "prompt_cache_hit_tokens");
    if (hit < 0) {
      hit = count(usage.path("prompt_tokens_details"), "cached_tokens");
    }
    long miss = count(usage, "prompt_cache_miss_tokens");
    if (miss < 0 && prompt >= 0) {
      miss = prompt - Math.max(0, hit);
    }
    if (completion < 0 || miss < 0) {
      out.records++;
      out.skip(
          line,
          where + ".extra.response.usage lacks whole-number completion_tokens and prompt_tokens");
      return false;
    }
    if (completion > Fields.MAX_TOKENS || miss > Fields.MAX_TOKENS || hit > Fields.MAX_TOKENS) {
      out.records++;
      out.skip(line, Fields.tokensTooLarge(where + ".extra.response.usage: a token count"));
      return false;
    }
    JsonNode ts = extra.get("timestamp");
    if (ts == null
        || !ts.isNumber()
        || !Fields.millisInRange(ts.decimalValue().multiply(BigDecimal.valueOf(1000)))) {
      out.records++;
      out.skip(
          line,
          where + ".extra.timestamp (epoch seconds) is missing, not a number or out of range");
      return false;
    }
    long recorded = -1;
    JsonNode cost = extra.get("cost");
    if (cost != null && cost.isNumber()) {
      if (!Fields.usdInRange(cost.decimalValue())) {
        out.records++;
        out.skip(line, where + ".extra.cost is above " + Fields.MAX_RECORDED_USD + " USD");
        return false;
      }
      recorded = Fields.usdToPicos(cost.decimalValue());
    }
    String model = response.path("model").asString("");
    String provider = "";
    int slash = model.indexOf('/');
    if (slash > 0) {
      provider = model.substring(0, slash);
      model = model.substring(slash + 1);
    }
    if (provider.isEmpty()) {
      provider = Fields.inferProvider(model);
    }
    Call call =
        new Call(
            Fields.secondsToMillis(ts.decimalValue()),
            Fields.shown(session),
            "mini-swe-agent",
            CallerRole.AGENT,
            Fields.shown(provider),
            Fields.shown(model),
            miss,
            completion,
            Math.max(0, hit),
            0,
            0,
            0,
            null,
            CallStatus.OK,
            -1,
            recorded,
            false);
    String id = response.path("id").asString("");
    long key = id.isEmpty() ? 0 : Hashing.of(id, session);
    out.add(new ParsedCall(call, line, key, 0, false, false));
    return true;
  }

  /** A whole, non-negative number field, or -1 when absent or of the wrong type. */
  private static long count(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || v.decimalValue().signum() < 0) {
      return -1;
    }
    // a count beyond a long is out of range, not truncated: the caller rejects it
    return v.canConvertToLong() ? v.longValue() : Long.MAX_VALUE;
  }
}
