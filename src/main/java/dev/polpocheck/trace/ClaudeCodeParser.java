package dev.polpocheck.trace;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads Claude Code transcripts ({@code ~/.claude/projects/<project>/<session>.jsonl}), one line
 * per content block, and yields one record per line that carries {@code message.usage}.
 *
 * <p>Fields read are those ccusage reads (anthropic-and-peers.md section 5.2): {@code timestamp},
 * {@code sessionId}, {@code requestId}, {@code isSidechain}, {@code isApiErrorMessage}, {@code
 * costUSD}, {@code message.{id, model, usage}}, also inside the "agent progress" wrapper {@code
 * data.message.{...}}. A TTL split under {@code usage.cache_creation} replaces the aggregate {@code
 * cache_creation_input_tokens}; without it the writes are "unsplit" and priced with the assumed
 * 1-hour share. Lines without the bytes {@code "usage"} (snapshots, user turns, summaries) are
 * skipped before any JSON parsing, and a line is parsed with a streaming parser that never builds
 * the (large) message content. Synthetic messages (model {@code <synthetic>}) are not API calls and
 * are ignored, as ccusage does.
 */
final class ClaudeCodeParser implements FileParser {
  /** Longest line kept in memory; longer lines cannot be usage records of a real call. */
  static final int MAX_LINE_BYTES = 64 << 20;

  private static final byte[] USAGE = "\"usage\"".getBytes(StandardCharsets.US_ASCII);
  private static final JsonFactory FACTORY = new JsonFactory();

  /** The fields of one entry (top-level line or the payload of an agent-progress wrapper). */
  private static final class Entry {
    String timestamp;
    String sessionId;
    String requestId;
    boolean sidechain;
    boolean apiError;
    BigDecimal costUsd;
    String messageId;
    String model;
    boolean hasUsage;
    boolean nullUsage;
    long input = -1;
    long output = -1;
    long cacheCreation;
    long cacheRead;
    long w5 = -1;
    long w1 = -1;
    boolean speed;
    boolean fast;
    String geo = "";
    Entry wrapped;
  }

  @Override
  public void parse(Path file, InputStream in, FileResult out) throws IOException {
    String agent = project(file);
    String fileSession = Fields.stem(file);
    LineScanner lines = new LineScanner(in, MAX_LINE_BYTES);
    while (lines.next()) {
      if (lines.tooLong()) {
        // Its content is unknown (it was not buffered), so it counts as a skipped record like a
        // truncated line: the report never says "0 skipped" after dropping it.
        out.records++;
        out.skip(
            lines.lineNumber(),
            "line longer than "
                + (MAX_LINE_BYTES >> 20)
                + " MiB skipped (no usage record is that long)");
        continue;
      }
      if (lines.blank()) {
        continue;
      }
      if (lines.lastNonBlank() != '}') {
        if (Fields.isJson(lines.bytes(), lines.length())) {
          // a whole JSON value that is not an object (a number, an array): not a record, not cut
          out.problem(lines.lineNumber(), "valid JSON but not an object: not a transcript record");
          continue;
        }
        // A cut-off line may have been a call: count it and say where, never drop it silently.
        out.records++;
        out.skip(lines.lineNumber(), "truncated line (does not end with '}')");
        continue;
      }
      if (!lines.contains(USAGE)) {
        continue;
      }
      Entry e = new Entry();
      try (JsonParser p =
          FACTORY.createParser(ObjectReadContext.empty(), lines.bytes(), 0, lines.length())) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          out.records++;
          out.skip(lines.lineNumber(), "expected a JSON object");
          continue;
        }
        readEntry(p, e);
      } catch (JacksonException ex) {
        out.records++;
        out.skip(lines.lineNumber(), Fields.malformed("malformed JSON", ex));
        continue;
      } catch (BadRecord ex) {
        out.records++;
        out.skip(lines.lineNumber(), ex.getMessage());
        continue;
      }
      Entry u = e.wrapped != null && e.wrapped.hasUsage ? e.wrapped : e;
      if ("<synthetic>".equals(u.model)
          || (e.wrapped != null && "<synthetic>".equals(e.wrapped.model))) {
        // Claude Code's own messages (errors, interruptions): not API calls, but counted
        out.synthetic++;
        continue;
      }
      if (!u.hasUsage) {
        if (e.nullUsage || (e.wrapped != null && e.wrapped.nullUsage)) {
          out.nullUsage++;
        }
        continue;
      }
      ParsedCall c = toCall(e, u, agent, fileSession, lines.lineNumber(), out);
      if (c != null) {
        out.add(c);
      }
    }
  }

  private static ParsedCall toCall(
      Entry outer, Entry u, String agent, String fileSession, long line, FileResult out) {
    if (u.input < 0 || u.output < 0) {
      out.records++;
      out.skip(line, "message.usage lacks input_tokens or output_tokens");
      return null;
    }
    String ts = u.timestamp != null ? u.timestamp : outer.timestamp;
    Long millis = ts == null ? null : Fields.isoMillis(ts);
    if (millis == null) {
      out.records++;
      out.skip(line, ts == null ? "missing timestamp" : "timestamp is not ISO-8601: " + ts);
      return null;
    }
    String model = u.model == null ? "" : u.model;
    String session =
        u.sessionId != null ? u.sessionId : outer.sessionId != null ? outer.sessionId : fileSession;
    long w5 = 0;
    long w1 = 0;
    long unsplit = u.cacheCreation;
    if (u.w5 >= 0 || u.w1 >= 0) {
      w5 = Math.max(0, u.w5);
      w1 = Math.max(0, u.w1);
      unsplit = 0;
    }
    BigDecimal cost = u.costUsd != null ? u.costUsd : outer.costUsd;
    if (cost != null && !Fields.usdInRange(cost)) {
      out.records++;
      out.skip(line, "costUSD is above " + Fields.MAX_RECORDED_USD + " USD for one call");
      return null;
    }
    Call call =
        new Call(
            millis,
            Fields.shown(session),
            Fields.shown(agent),
            CallerRole.AGENT,
            Fields.shown(Fields.inferProvider(model)),
            Fields.shown(model),
            u.input,
            u.output,
            u.cacheRead,
            w5,
            w1,
            unsplit,
            null,
            (u.apiError || outer.apiError) ? CallStatus.ERROR : CallStatus.OK,
            -1,
            cost == null ? -1 : Fields.usdToPicos(cost),
            false,
            u.fast,
            u.geo);
    String rid = u.requestId != null ? u.requestId : outer.requestId;
    boolean sidechain = u.sidechain || outer.sidechain;
    long key = 0;
    long idKey = 0;
    if (u.messageId != null) {
      // Without a request id (third-party endpoints, ccusage #976) the message id alone is the key.
      key = Hashing.of(u.messageId, rid == null ? "" : rid);
      idKey = Hashing.of(u.messageId, "\u0001");
    }
    return new ParsedCall(call, line, key, idKey, sidechain, u.speed);
  }

  private static void readEntry(JsonParser p, Entry e) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      switch (f) {
        case "timestamp" -> e.timestamp = str(p, t, f);
        case "sessionId" -> e.sessionId = str(p, t, f);
        case "requestId" -> e.requestId = str(p, t, f);
        case "isSidechain" -> e.sidechain = bool(t, f);
        case "isApiErrorMessage" -> e.apiError = bool(t, f);
        case "costUSD" -> e.costUsd = decimal(p, t, f);
        case "message" -> {
          if (t == JsonToken.START_OBJECT) {
            readMessage(p, e);
          } else {
            p.skipChildren();
          }
        }
        case "data" -> {
          if (t == JsonToken.START_OBJECT) {
            readData(p, e);
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
  }

  private static void readData(JsonParser p, Entry e) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      if ("message".equals(f) && t == JsonToken.START_OBJECT) {
        Entry w = new Entry();
        readEntry(p, w);
        e.wrapped = w;
      } else {
        p.skipChildren();
      }
    }
  }

  private static void readMessage(JsonParser p, Entry e) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      switch (f) {
        case "id" -> e.messageId = str(p, t, "message.id");
        case "model" -> e.model = str(p, t, "message.model");
        case "usage" -> {
          if (t == JsonToken.START_OBJECT) {
            e.hasUsage = true;
            readUsage(p, e);
          } else if (t == JsonToken.VALUE_NULL) {
            e.nullUsage = true;
          } else {
            throw new BadRecord("message.usage must be an object");
          }
        }
        default -> p.skipChildren();
      }
    }
  }

  private static void readUsage(JsonParser p, Entry e) {
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      switch (f) {
        case "input_tokens" -> e.input = count(p, t, f);
        case "output_tokens" -> e.output = count(p, t, f);
        case "cache_creation_input_tokens" -> e.cacheCreation = Math.max(0, count(p, t, f));
        case "cache_read_input_tokens" -> e.cacheRead = Math.max(0, count(p, t, f));
        case "inference_geo" -> {
          String g = str(p, t, "usage.inference_geo");
          e.geo = g == null ? "" : Fields.shown(g);
        }
        case "speed" -> {
          e.speed = t == JsonToken.VALUE_STRING;
          e.fast = e.speed && "fast".equals(p.getString());
          p.skipChildren();
        }
        case "cache_creation" -> {
          if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
              String g = p.currentName();
              JsonToken u = p.nextToken();
              if ("ephemeral_5m_input_tokens".equals(g)) {
                e.w5 = count(p, u, "cache_creation." + g);
              } else if ("ephemeral_1h_input_tokens".equals(g)) {
                e.w1 = count(p, u, "cache_creation." + g);
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
  }

  /** A token count: null means absent (-1), otherwise a non-negative integer. */
  private static long count(JsonParser p, JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return -1;
    }
    // 10.0 from a hand-made or Python-written transcript: ccusage 18 reads it, so do we
    boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    BigDecimal d = number ? p.getDecimalValue() : null;
    if (d == null || !isWhole(d)) {
      throw new BadRecord(
          "usage."
              + field
              + " must be a whole number, found "
              + (d != null ? d.toPlainString() : describe(t)));
    }
    if (d.signum() < 0) {
      throw new BadRecord("usage." + field + " must not be negative");
    }
    if (!Fields.tokensInRange(d)) {
      throw new BadRecord(Fields.tokensTooLarge("usage." + field));
    }
    long v = d.longValueExact();
    return v;
  }

  private static boolean isWhole(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  private static String str(JsonParser p, JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw new BadRecord(field + " must be a string, found " + describe(t));
    }
    return p.getString();
  }

  private static boolean bool(JsonToken t, String field) {
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw new BadRecord(field + " must be true or false, found " + describe(t));
  }

  private static BigDecimal decimal(JsonParser p, JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new BadRecord(field + " must be a number, found " + describe(t));
    }
    return p.getDecimalValue();
  }

  static String describe(JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> t.name().toLowerCase();
    };
  }

  /** The project directory: the folder under {@code projects/}, else the file's parent. */
  static String project(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    for (int i = abs.getNameCount() - 2; i >= 0; i--) {
      if ("projects".equals(abs.getName(i).toString()) && i + 1 < abs.getNameCount() - 1) {
        return abs.getName(i + 1).toString();
      }
    }
    Path parent = abs.getParent();
    return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
  }
}
