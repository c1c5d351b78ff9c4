package dev.polpocheck.sim;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A generated agent workload of any size, produced lazily in start-time order (so ten million calls
 * need no memory): {@code concurrent} sessions run side by side, each {@code callsPerSession} turns
 * long, one call every {@code stepMillis} across all of them; a session's prompt starts near 3,000
 * tokens and grows by a few hundred per turn, outputs are 50-1,000 tokens, one call in twenty is an
 * orchestrator call. Token counts come from a stateless hash of the seed and the call number, so
 * iterating twice gives the same calls. For benchmarks and capacity experiments.
 */
public final class SyntheticWorkload implements Iterable<Call> {
  private static final String[] AGENTS = {
    "agent0", "agent1", "agent2", "agent3", "agent4", "agent5", "agent6", "agent7"
  };

  private final long calls;
  private final int concurrent;
  private final int callsPerSession;
  private final long stepMillis;
  private final long seed;
  private final String provider;
  private final String model;

  /**
   * A workload of {@code calls} calls of {@code provider:model}.
   *
   * @param calls how many calls
   * @param concurrent sessions open at once (at least 1)
   * @param callsPerSession turns per session (at least 1)
   * @param stepMillis time between consecutive calls of the whole workload
   * @param seed varies the token counts
   */
  public SyntheticWorkload(
      long calls,
      int concurrent,
      int callsPerSession,
      long stepMillis,
      long seed,
      String provider,
      String model) {
    if (calls < 0 || concurrent < 1 || callsPerSession < 1 || stepMillis < 0) {
      throw new IllegalArgumentException("bad workload shape");
    }
    this.calls = calls;
    this.concurrent = concurrent;
    this.callsPerSession = callsPerSession;
    this.stepMillis = stepMillis;
    this.seed = seed;
    this.provider = provider;
    this.model = model;
  }

  @Override
  public Iterator<Call> iterator() {
    return new Iterator<>() {
      private long i;
      // the open sessions' names, reused while a session lasts (no string work per call)
      private final String[] names = new String[concurrent];
      private final long[] nameOf = new long[concurrent];

      @Override
      public boolean hasNext() {
        return i < calls;
      }

      @Override
      public Call next() {
        if (i >= calls) {
          throw new NoSuchElementException();
        }
        long slot = i % concurrent;
        long sessionNo = (i / concurrent / callsPerSession) * concurrent + slot;
        int k = (int) slot;
        if (names[k] == null || nameOf[k] != sessionNo) {
          names[k] = "w" + sessionNo;
          nameOf[k] = sessionNo;
        }
        return call(i++, names[k]);
      }
    };
  }

  private Call call(long i, String session) {
    long round = i / concurrent; // how many calls each open session has made so far, globally
    long slot = i % concurrent;
    long generation = round / callsPerSession;
    long turn = round % callsPerSession;
    long sessionNo = generation * concurrent + slot;
    long h = mix(seed ^ mix(sessionNo));
    long base = 2_500 + (h & 1023);
    long prompt = base + turn * (200 + ((h >>> 10) & 255));
    long out = 50 + (mix(h + turn) & 1023) % 950;
    boolean orchestrator = (mix(h ^ turn) % 20) == 0;
    return new Call(
        1_775_000_000_000L + i * stepMillis,
        session,
        AGENTS[(int) (h >>> 60)],
        orchestrator ? CallerRole.ORCHESTRATOR : CallerRole.AGENT,
        provider,
        model,
        prompt,
        out,
        0,
        0,
        0,
        0,
        null,
        CallStatus.OK,
        -1,
        -1,
        false);
  }

  /** SplitMix64's finaliser: a well-spread stateless hash. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }
}
