package dev.polpocheck.forecast;

import dev.polpocheck.trace.Call;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A future workload drawn from a corpus: Poisson session arrivals, each filled with a recorded
 * session of a randomly chosen agent (bootstrap, with replacement), its calls shifted to the new
 * start time.
 *
 * <p>The agent is drawn by its share of the corpus's sessions, then a session uniformly among that
 * agent's; a session keeps its recorded gaps, so its length and prompt growth are preserved. The
 * result is streamed in time order by merging the open sessions (memory grows with concurrently
 * open sessions, not with the number of calls), and calls after the horizon's end are cut off: they
 * belong to the next period. Sampled sessions get fresh ids {@code f<n>:<original id>} and no
 * recorded profile, so the scenario chooses credentials.
 */
public final class WorkloadSampler {
  private final Corpus corpus;
  private final ArrivalProcess arrivals;
  private final List<String> agents;
  private final double[] cumulativeShare;

  /** A sampler over {@code corpus} with the given arrival process. */
  public WorkloadSampler(Corpus corpus, ArrivalProcess arrivals) {
    this.corpus = corpus;
    this.arrivals = arrivals;
    this.agents = corpus.agents();
    this.cumulativeShare = new double[agents.size()];
    double acc = 0;
    for (int i = 0; i < agents.size(); i++) {
      acc += corpus.sessions(agents.get(i)).size() / (double) corpus.sessionCount();
      cumulativeShare[i] = acc;
    }
  }

  /** The sessions drawn for one run, before they are expanded into calls. */
  public List<Placed> draw(long start, long horizonMillis, RandomGenerator rng) {
    long[] times = arrivals.startTimes(start, horizonMillis, rng);
    Placed[] placed = new Placed[times.length];
    for (int i = 0; i < times.length; i++) {
      double u = rng.nextDouble();
      int a = 0;
      while (a < cumulativeShare.length - 1 && u >= cumulativeShare[a]) {
        a++;
      }
      List<Session> pool = corpus.sessions(agents.get(a));
      placed[i] = new Placed(i, times[i], pool.get(rng.nextInt(pool.size())));
    }
    return List.of(placed);
  }

  /** The calls of the drawn sessions in time order, cut at {@code end} (exclusive). */
  public static Iterable<Call> calls(List<Placed> placed, long end) {
    return () -> new Merge(placed, end);
  }

  /**
   * One drawn session placed at a start time.
   *
   * @param index its position among the run's arrivals (names the new session)
   * @param startMillis its new start
   * @param session the recorded session it replays
   */
  public record Placed(int index, long startMillis, Session session) {
    /** The new session's id. */
    String sessionId() {
      return "f" + index + ":" + session.id();
    }

    Call callAt(int i, String sessionId) {
      Call c = session.calls().get(i);
      return new Call(
          startMillis + (c.timestampMillis() - session.startMillis()),
          sessionId,
          c.agent(),
          c.role(),
          c.provider(),
          c.model(),
          c.inputTokens(),
          c.outputTokens(),
          c.cacheReadTokens(),
          c.cacheWrite5mTokens(),
          c.cacheWrite1hTokens(),
          c.cacheWriteUnsplitTokens(),
          null,
          c.status(),
          c.latencyMillis(),
          -1,
          c.batch(),
          c.fast());
    }

    long timeAt(int i) {
      return startMillis + (session.calls().get(i).timestampMillis() - session.startMillis());
    }
  }

  /** K-way merge of the placed sessions by call time; ties broken by arrival index. */
  private static final class Merge implements Iterator<Call> {
    private final List<Placed> placed;
    private final String[] ids;
    private final long end;
    private final PriorityQueue<long[]> open =
        new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    private int nextArrival;

    Merge(List<Placed> placed, long end) {
      this.placed = placed;
      this.ids = new String[placed.size()];
      this.end = end;
    }

    @Override
    public boolean hasNext() {
      admit();
      return !open.isEmpty() && open.peek()[0] < end;
    }

    @Override
    public Call next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      long[] cur = open.poll();
      Placed p = placed.get((int) cur[1]);
      int i = (int) cur[2];
      int k = (int) cur[1];
      if (ids[k] == null) {
        ids[k] = p.sessionId(); // one id string per session, not per call
      }
      Call c = p.callAt(i, ids[k]);
      if (i + 1 < p.session().calls().size()) {
        open.add(new long[] {p.timeAt(i + 1), cur[1], i + 1});
      }
      return c;
    }

    /** Opens every session whose start is not after the earliest pending call. */
    private void admit() {
      while (nextArrival < placed.size()
          && (open.isEmpty() || placed.get(nextArrival).startMillis() <= open.peek()[0])) {
        Placed p = placed.get(nextArrival);
        open.add(new long[] {p.startMillis(), nextArrival, 0});
        nextArrival++;
      }
    }
  }
}
