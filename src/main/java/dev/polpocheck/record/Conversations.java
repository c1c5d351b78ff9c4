package dev.polpocheck.record;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recovers sessions from a stream of stateless API requests.
 *
 * <p>An agent run sends its whole history on every turn: the same system prompt and the same
 * first message, with more messages each time. So a conversation is keyed by a fingerprint of
 * (system prompt, first message) with cache markers removed ({@link RequestFacts#canonical}),
 * and a request continues the conversation of its key unless
 *
 * <ul>
 *   <li>the key was last seen more than {@value #IDLE_MINUTES} minutes ago (a new run of the
 *       same task), or
 *   <li>it carries fewer messages than the conversation's last request (a restart from scratch).
 * </ul>
 *
 * A client-sent session id (Claude Code's {@code metadata.user_id}) wins over the heuristic.
 *
 * <p>Limits, documented in README "Record your own workload": two runs started with the same
 * system prompt and first message that overlap in time merge into one session; a run whose
 * first message is rewritten (context compaction) splits into two. Both keep costs exact; only
 * the session boundaries {@code forecast} bootstraps from move.
 *
 * <p>Memory is bounded: the least recently seen conversations beyond {@value #MAX_OPEN} are
 * forgotten (a forgotten one that comes back starts a new session).
 */
final class Conversations {
  static final int IDLE_MINUTES = 30;
  static final int MAX_OPEN = 50_000;
  private static final long IDLE_MILLIS = IDLE_MINUTES * 60_000L;

  private static final class Open {
    final String id;
    long lastSeen;
    int messages;

    Open(String id, long lastSeen, int messages) {
      this.id = id;
      this.lastSeen = lastSeen;
      this.messages = messages;
    }
  }

  private final Map<String, Open> open =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Open> eldest) {
          return size() > MAX_OPEN;
        }
      };

  /** The session of a request made at {@code nowMillis}. */
  synchronized String sessionOf(RequestFacts facts, long nowMillis) {
    if (facts.clientSession() != null) {
      return facts.clientSession();
    }
    if (facts.conversationKey() == null) {
      return "unknown";
    }
    String key = facts.conversationKey();
    Open o = open.get(key);
    if (o == null || nowMillis - o.lastSeen > IDLE_MILLIS || facts.messages() < o.messages) {
      o = new Open("conv-" + key + "-" + Long.toString(nowMillis, 36), nowMillis, facts.messages());
      open.put(key, o);
    } else {
      o.lastSeen = Math.max(o.lastSeen, nowMillis);
      o.messages = Math.max(o.messages, facts.messages());
    }
    return o.id;
  }
}
