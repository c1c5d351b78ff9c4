package dev.polpocheck.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Polpo's concurrency limits on agent runs (a session of the trace is one run): at most {@code
 * settings.maxConcurrency} runs at once, and at most an agent's own {@code maxConcurrency} runs of
 * that agent. Polpo's spawn loop (packages/core/src/orchestrator-engine.ts:399-434 @898e166) walks
 * the ready tasks in order, stops at the global limit and skips a task whose agent is at its limit;
 * a run that cannot start waits, and its wait is part of its first turn's added delay. Polpo
 * spawns on the next tick after a run ends (pushed at once; a 5 s poll is only a safety net), so a
 * freed slot is taken at the same instant here.
 */
final class ConcurrencyGate {
  private final int globalMax;
  private final Map<String, Integer> agentMax;
  private final Map<String, Integer> agentActive = new HashMap<>();
  private final ArrayDeque<Task> waiting = new ArrayDeque<>();
  private int active;

  /**
   * A gate.
   *
   * @param globalMax the global limit, or 0 for none
   * @param agentMax per-agent limits (agents not listed have none)
   */
  ConcurrencyGate(int globalMax, Map<String, Integer> agentMax) {
    this.globalMax = globalMax <= 0 ? Integer.MAX_VALUE : globalMax;
    this.agentMax = agentMax;
  }

  /** True when no limit is set (every run starts at once). */
  boolean open() {
    return globalMax == Integer.MAX_VALUE && agentMax.isEmpty();
  }

  /** Starts a run of {@code agent} when a slot is free; false when it must wait. */
  boolean tryEnter(String agent) {
    if (!fits(agent)) {
      return false;
    }
    enter(agent);
    return true;
  }

  /** Queues the first turn of a run that could not start. */
  void await(Task first) {
    waiting.add(first);
  }

  /** A run of {@code agent} ended: its slot is free. */
  void leave(String agent) {
    active--;
    agentActive.merge(agent, -1, Integer::sum);
  }

  /** The waiting runs that start now, in arrival order; each has taken its slot. */
  List<Task> admit() {
    List<Task> out = new ArrayList<>(0);
    for (Iterator<Task> it = waiting.iterator(); it.hasNext() && active < globalMax; ) {
      Task k = it.next();
      String agent = k.call.agent();
      if (fits(agent)) {
        it.remove();
        enter(agent);
        out.add(k);
      }
    }
    return out;
  }

  private boolean fits(String agent) {
    Integer max = agentMax.get(agent);
    return active < globalMax && (max == null || agentActive.getOrDefault(agent, 0) < max);
  }

  private void enter(String agent) {
    active++;
    agentActive.merge(agent, 1, Integer::sum);
  }
}
