package dev.polpocheck.sim;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * What the replay needs to know before it starts: the first timestamp, how many calls each session
 * has (so a session's state is dropped after its last call), the agents, and the data of each
 * session's first call for the shared-system-prefix estimator. Gathered in one cheap pass over the
 * calls ({@link #scan}), or from calls that keep these facts per session ({@link #of}: a forecast's
 * drawn sessions, one step per session instead of one per call). Its memory grows with the number
 * of sessions, not calls.
 *
 * <p><b>The shared-system-prefix estimator.</b> Per agent, {@code S} is the median of the cache
 * reads the provider recorded on the <em>first</em> call of each session, over sessions where it
 * recorded some: a session's first call can only read what other sessions of the agent wrote
 * before, i.e. the shared tools + system prompt (DeepSeek's mini-swe-agent traces give 320 tokens
 * this way). When no first call recorded a read, {@code S} is the shortest first prompt among the
 * agent's sessions (an upper bound: the first prompt is the shared prefix plus the task), and 0
 * when the agent has a single session. Token factors of a model remapping apply.
 */
final class Prepass {
  private final long start;
  /** Calls per session, indexed by the input's session number. */
  private final int[] callsPerSession;
  private final List<String> agents;
  private final long[] estimate;

  private Prepass(long start, int[] callsPerSession, List<String> agents, long[] estimate) {
    this.start = start;
    this.callsPerSession = callsPerSession;
    this.agents = agents;
    this.estimate = estimate;
  }

  /**
   * Scans time-ordered calls from {@code calls}; {@code factor} gives each call's token factor.
   */
  static Prepass scan(CallColumns.Cursor calls, ToDoubleFunction<Call> factor) {
    long start = Long.MAX_VALUE;
    int[] counts = new int[16];
    Agents agents = new Agents(factor);
    String lastAgent = null;
    while (calls.advance()) {
      Call c = calls.recorded();
      start = Math.min(start, calls.startMillis());
      int session = calls.session();
      if (session >= counts.length) {
        counts = Arrays.copyOf(counts, Math.max(session + 1, 2 * counts.length));
      }
      if (counts[session]++ == 0) {
        agents.firstCall(c);
      }
      if (!c.agent().equals(lastAgent)) { // most neighbours share the agent: skip the tree
        agents.calling(c.agent());
        lastAgent = c.agent();
      }
    }
    return agents.prepass(start == Long.MAX_VALUE ? 0 : start, counts);
  }

  /**
   * The same facts as {@link #scan} from the calls' per-session view, without a pass over the
   * calls: one step per session. The calls must be time-ordered, as a cursor reads them.
   */
  static Prepass of(CallColumns columns, ToDoubleFunction<Call> factor) {
    CallColumns.Sessions sessions = columns.sessions();
    CallColumns.Cursor first = columns.cursor();
    long start = first.advance() ? first.startMillis() : 0; // the calls are in time order
    int[] counts = new int[sessions.count()];
    Agents agents = new Agents(factor);
    for (int s = 0; s < counts.length; s++) {
      counts[s] = sessions.callCount(s);
      if (counts[s] > 0) {
        agents.firstCall(sessions.first(s));
        for (String agent : sessions.agents(s)) {
          agents.calling(agent);
        }
      }
    }
    return agents.prepass(start, counts);
  }

  /**
   * The agents seen and the data of each session's first call, in any order: the estimate takes
   * sorted reads, a minimum and counts.
   */
  private static final class Agents {
    private final ToDoubleFunction<Call> factor;
    private final Map<String, List<Long>> firstReads = new TreeMap<>();
    private final Map<String, Long> minFirstPrompt = new HashMap<>();
    private final Map<String, Integer> sessionsPerAgent = new HashMap<>();

    Agents(ToDoubleFunction<Call> factor) {
      this.factor = factor;
    }

    /** Some call of the input names {@code agent}. */
    void calling(String agent) {
      firstReads.computeIfAbsent(agent, a -> new ArrayList<>());
    }

    /** {@code c} is the first call of its session. */
    void firstCall(Call c) {
      calling(c.agent());
      double f = factor.applyAsDouble(c);
      sessionsPerAgent.merge(c.agent(), 1, Integer::sum);
      if (c.cacheReadTokens() > 0) {
        firstReads.get(c.agent()).add(Task.scale(c.cacheReadTokens(), f));
      }
      long t = Task.scale(c.promptTokens(), f);
      minFirstPrompt.merge(c.agent(), t, Math::min);
    }

    Prepass prepass(long start, int[] counts) {
      List<String> agents = new ArrayList<>(firstReads.keySet());
      long[] estimate = new long[agents.size()];
      for (int a = 0; a < agents.size(); a++) {
        List<Long> reads = firstReads.get(agents.get(a));
        if (!reads.isEmpty()) {
          Collections.sort(reads);
          estimate[a] =
              reads.get((reads.size() - 1) / 2); // lower median: a token count that occurred
        } else if (sessionsPerAgent.getOrDefault(agents.get(a), 0) > 1) {
          estimate[a] = minFirstPrompt.get(agents.get(a));
        }
      }
      return new Prepass(start, counts, agents, estimate);
    }
  }

  /** The first call's start, epoch ms (0 without calls). */
  long start() {
    return start;
  }

  /** Number of calls of the session numbered {@code session} in the scanned input. */
  int callsOf(int session) {
    return callsPerSession[session];
  }

  /** Number of distinct agents (sorted by name). */
  int agentCount() {
    return agents.size();
  }

  /** The name of agent {@code a}. */
  String agentName(int a) {
    return agents.get(a);
  }

  /** The estimated shared system prefix of agent {@code a}. */
  long estimatedSystemPrefix(int a) {
    return estimate[a];
  }
}
