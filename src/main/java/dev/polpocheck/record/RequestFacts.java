package dev.polpocheck.record;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Messages API request body says about its call, reduced to fingerprints and counts: the
 * prompt and the response are never kept.
 *
 * @param model the requested model, or null
 * @param conversationKey keyed fingerprint of the system prompt and first message (see {@link
 *     Conversations}), or null when the body could not be read
 * @param agentKey keyed fingerprint naming the agent (see {@link #agentOf}), or null
 * @param clientSession a session id the client itself sent (Claude Code's {@code
 *     metadata.user_id} ends in {@code _session_<uuid>}), or null
 * @param messages the number of messages in the request
 */
record RequestFacts(
    String model, String conversationKey, String agentKey, String clientSession, int messages) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The system prompt's first characters that name an agent. Agent system prompts usually open
   * with who the agent is and only later add the task, date or working directory, which would
   * otherwise split one agent into many.
   */
  static final int AGENT_PREFIX_CHARS = 512;

  private static final Pattern CLIENT_SESSION =
      Pattern.compile("_session_([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$");

  /** Facts of nothing: a body too large to buffer, or not JSON. */
  static final RequestFacts UNKNOWN = new RequestFacts(null, null, null, null, 0);

  /**
   * The facts of a request body; {@link #UNKNOWN} when it is not a JSON object.
   *
   * <p>Read with a streaming parser: only {@code system}, the first message and {@code metadata}
   * become trees; the rest of the history (most of an agent's request, and growing every turn) is
   * skipped token by token and only counted, so a request costs no tree of its whole context.
   */
  static RequestFacts of(byte[] body, int length, Fingerprints fp) {
    String model = null;
    JsonNode system = null;
    JsonNode first = null;
    JsonNode metadata = null;
    int count = 0;
    try (JsonParser p = JSON.createParser(body, 0, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return UNKNOWN;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if ("model".equals(name)) {
          model = t == JsonToken.VALUE_STRING ? p.getString() : null;
          p.skipChildren();
        } else if ("system".equals(name)) {
          system = p.readValueAsTree();
        } else if ("metadata".equals(name)) {
          metadata = p.readValueAsTree();
        } else if ("messages".equals(name)) {
          // a repeated member replaces the earlier one, as in a tree
          first = null;
          count = 0;
          if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
              if (count++ == 0) {
                first = p.readValueAsTree();
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        return UNKNOWN; // trailing content: not one JSON value
      }
    } catch (JacksonException e) {
      return UNKNOWN;
    }
    StringBuilder conv = new StringBuilder(256);
    canonical(system, conv);
    conv.append('\u0001');
    canonical(count > 0 ? first : null, conv);
    String clientSession = null;
    String userId = metadata == null ? null : metadata.path("user_id").asString(null);
    String agent = agentOf(system, userId, fp);
    if (userId != null) {
      Matcher m = CLIENT_SESSION.matcher(userId);
      if (m.find()) {
        clientSession = m.group(1).toLowerCase(java.util.Locale.ROOT);
      }
    }
    return new RequestFacts(
        model,
        fp.of("conversation", conv.toString()),
        agent,
        clientSession,
        count);
  }

  /**
   * The agent label: {@code sys-} and a fingerprint of the system prompt's first {@value
   * #AGENT_PREFIX_CHARS} characters; without a system prompt, {@code user-} and a fingerprint of
   * {@code metadata.user_id}; else null.
   */
  private static String agentOf(JsonNode system, String userId, Fingerprints fp) {
    String text = systemText(system);
    if (!text.isEmpty()) {
      return "sys-" + fp.of("agent", text.substring(0, Math.min(text.length(), AGENT_PREFIX_CHARS)))
          .substring(0, 8);
    }
    if (userId != null && !userId.isEmpty()) {
      return "user-" + fp.of("user", userId).substring(0, 8);
    }
    return null;
  }

  /** The system prompt's text: the string, or its text blocks joined by newlines. */
  private static String systemText(JsonNode system) {
    if (system == null || system.isNull()) {
      return "";
    }
    if (system.isString()) {
      return system.stringValue();
    }
    StringBuilder sb = new StringBuilder();
    if (system.isArray()) {
      for (JsonNode block : system) {
        JsonNode t = block.get("text");
        if (t != null && t.isString()) {
          if (sb.length() > 0) {
            sb.append('\n');
          }
          sb.append(t.stringValue());
        }
      }
    }
    return sb.toString();
  }

  /**
   * A canonical text of a JSON value with every {@code cache_control} member left out: pi-ai
   * moves its cache breakpoint to the newest user message on every turn (anthropic.js
   * convertMessages @0.62.0), so the first message is marked on turn 1 and not after; without the
   * markers its text is the same on every turn of a conversation.
   */
  static void canonical(JsonNode n, StringBuilder out) {
    if (n == null || n.isNull()) {
      out.append('~');
    } else if (n.isObject()) {
      out.append('{');
      for (var e : n.properties()) {
        if ("cache_control".equals(e.getKey())) {
          continue;
        }
        out.append(e.getKey()).append(':');
        canonical(e.getValue(), out);
        out.append(',');
      }
      out.append('}');
    } else if (n.isArray()) {
      out.append('[');
      for (JsonNode c : n) {
        canonical(c, out);
        out.append(',');
      }
      out.append(']');
    } else if (n.isString()) {
      String s = n.stringValue();
      out.append('"').append(s.length()).append(':').append(s);
    } else {
      out.append(n.toString());
    }
  }
}
