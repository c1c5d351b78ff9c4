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

/**
 * One cheap pass over the calls before the replay: the first timestamp, how many calls each session
 * has (so a session's state is dropped after its last call), the agents, and the data of each
 * session's first call for the shared-system-prefix estimator. Its memory grows with the number of
 * sessions, not calls.
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
  static Prepass scan(
      CallColumns.Cursor calls, java.util.function.ToDoubleFunction<Call> factor) {
    long start = Long.MAX_VALUE;
    int[] counts = new int[16];
    Map<String, List<Long>> firstReads = new TreeMap<>();
    Map<String, Long> minFirstPrompt = new HashMap<>();
    Map<String, Integer> sessionsPerAgent = new HashMap<>();
    String lastAgent = null;
    while (calls.advance()) {
      Call c = calls.recorded();
      start = Math.min(start, calls.startMillis());
      int session = calls.session();
      if (session >= counts.length) {
        counts = Arrays.copyOf(counts, Math.max(session + 1, 2 * counts.length));
      }
      boolean first = counts[session]++ == 0;
      if (!c.agent().equals(lastAgent)) { // most neighbours share the agent: skip the tree
        firstReads.computeIfAbsent(c.agent(), a -> new ArrayList<>());
        lastAgent = c.agent();
      }
      if (first) {
        double f = factor.applyAsDouble(c);
        sessionsPerAgent.merge(c.agent(), 1, Integer::sum);
        if (c.cacheReadTokens() > 0) {
          firstReads.get(c.agent()).add(Task.scale(c.cacheReadTokens(), f));
        }
        long t = Task.scale(c.promptTokens(), f);
        minFirstPrompt.merge(c.agent(), t, Math::min);
      }
    }
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
    return new Prepass(start == Long.MAX_VALUE ? 0 : start, counts, agents, estimate);
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
