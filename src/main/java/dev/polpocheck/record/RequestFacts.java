package dev.polpocheck.record;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
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

  /** The facts of a request body; {@link #UNKNOWN} when it is not a JSON object. */
  static RequestFacts of(byte[] body, int length, Fingerprints fp) {
    JsonNode n;
    try {
      n = JSON.readTree(body, 0, length);
    } catch (JacksonException e) {
      return UNKNOWN;
    }
    if (n == null || !n.isObject()) {
      return UNKNOWN;
    }
    JsonNode model = n.get("model");
    JsonNode system = n.get("system");
    JsonNode messages = n.get("messages");
    int count = messages != null && messages.isArray() ? messages.size() : 0;
    StringBuilder conv = new StringBuilder(256);
    canonical(system, conv);
    conv.append('\u0001');
    canonical(count > 0 ? messages.get(0) : null, conv);
    String clientSession = null;
    String userId = n.path("metadata").path("user_id").asString(null);
    String agent = agentOf(system, userId, fp);
    if (userId != null) {
      Matcher m = CLIENT_SESSION.matcher(userId);
      if (m.find()) {
        clientSession = m.group(1).toLowerCase(java.util.Locale.ROOT);
      }
    }
    return new RequestFacts(
        model != null && model.isString() ? model.stringValue() : null,
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
