package dev.polpocheck.forecast;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
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
  /** Per agent (as {@link #agents}): the calls' start offsets of each of its sessions. */
  private final long[][][] offsets;
  /** Per agent (as {@link #agents}): the calls of each of its sessions, as an array. */
  private final Call[][][] calls;
  /** Per agent (as {@link #agents}): where each of its sessions' calls names a new agent. */
  private final int[][][] agentStarts;

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
    this.offsets = new long[agents.size()][][];
    this.calls = new Call[agents.size()][][];
    this.agentStarts = new int[agents.size()][][];
    for (int i = 0; i < agents.size(); i++) {
      List<Session> pool = corpus.sessions(agents.get(i));
      offsets[i] = new long[pool.size()][];
      calls[i] = new Call[pool.size()][];
      agentStarts[i] = new int[pool.size()][];
      for (int j = 0; j < pool.size(); j++) {
        offsets[i][j] = Placed.offsetsOf(pool.get(j));
        calls[i][j] = pool.get(j).calls().toArray(new Call[0]);
        agentStarts[i][j] = Placed.agentStartsOf(calls[i][j]);
      }
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
      int j = rng.nextInt(pool.size());
      placed[i] =
          new Placed(i, times[i], pool.get(j), offsets[a][j], calls[a][j], agentStarts[a][j]);
    }
    return List.of(placed);
  }

  /**
   * The calls of the drawn sessions in time order, cut at {@code end} (exclusive). The merge runs
   * once, here, into two int columns (which session, which of its calls): the simulator's passes
   * read them through a {@link CallColumns.Cursor} without building a call each, and each
   * iteration builds the calls from them.
   */
  public static CallColumns calls(List<Placed> placed, long end) {
    return new MergedCalls(placed, end);
  }

  /**
   * One drawn session placed at a start time.
   *
   * @param index its position among the run's arrivals (names the new session)
   * @param startMillis its new start
   * @param session the recorded session it replays
   * @param offsets each of its calls' start, from its first call's (computed once per corpus and
   *     shared between runs: the merge and the simulator read the calls' times from this array,
   *     not from the recorded calls scattered over the heap; never modified)
   * @param calls the session's calls as an array (computed once per corpus and shared between
   *     runs, like {@code offsets}: the simulator reads each call through it, one load fewer
   *     than through the session's list; never modified)
   * @param agentStarts the positions in {@code calls} of each agent's first call, ascending
   *     (computed once per corpus and shared like {@code offsets}; never modified): the agents of
   *     a session cut short are those whose first call is before the cut
   */
  public record Placed(
      int index,
      long startMillis,
      Session session,
      long[] offsets,
      Call[] calls,
      int[] agentStarts) {
    /** {@code session} placed at {@code startMillis}, its arrays computed from its calls. */
    public Placed(int index, long startMillis, Session session) {
      this(index, startMillis, session, offsetsOf(session), session.calls().toArray(new Call[0]));
    }

    private Placed(int index, long startMillis, Session session, long[] offsets, Call[] calls) {
      this(index, startMillis, session, offsets, calls, agentStartsOf(calls));
    }

    static int[] agentStartsOf(Call[] calls) {
      Set<String> seen = new HashSet<>();
      int[] starts = new int[calls.length];
      int n = 0;
      for (int i = 0; i < calls.length; i++) {
        if (seen.add(calls[i].agent())) {
          starts[n++] = i;
        }
      }
      return Arrays.copyOf(starts, n);
    }

    static long[] offsetsOf(Session session) {
      long[] out = new long[session.calls().size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = session.calls().get(i).timestampMillis() - session.startMillis();
      }
      return out;
    }

    /** The new session's id. */
    String sessionId() {
      return "f" + index + ":" + session.id();
    }

    Call callAt(int i, String sessionId) {
      Call c = session.calls().get(i);
      return new Call(
          timeAt(i),
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
      return startMillis + offsets[i];
    }
  }

  /**
   * The drawn sessions' calls merged by time, ties broken by arrival index (then by position in the
   * session), as two columns: {@code session[j]} is the index in {@code placed} of the j-th call and
   * {@code call[j]} its position in that session.
   *
   * <p>The merge is a k-way merge over a binary min-heap of (time, arrival index) pairs, one entry
   * per open session: a session is opened when its start is not after the earliest pending call,
   * and its next call enters the heap when the previous one leaves it. Memory for the heap grows
   * with the concurrently open sessions; the columns take 8 bytes a call. The cursor's session
   * number is the index in {@code placed}.
   */
  private static final class MergedCalls implements CallColumns {
    private final List<Placed> placed;
    private final String[] ids;
    // each drawn session's start, offsets and calls, by index in placed: the cursor reads a
    // call's time and record through these, not through the Placed and Session objects
    private final long[] starts;
    private final long[][] offsets;
    private final Call[][] calls;
    private int[] session;
    private int[] call;
    private int size;
    /** How many calls of each drawn session the merge took (the rest are past the end). */
    private final int[] taken;

    MergedCalls(List<Placed> placed, long end) {
      this.placed = placed;
      this.ids = new String[placed.size()];
      this.starts = new long[placed.size()];
      this.offsets = new long[placed.size()][];
      this.calls = new Call[placed.size()][];
      this.taken = new int[placed.size()];
      int total = 0;
      for (int k = 0; k < placed.size(); k++) {
        Placed p = placed.get(k);
        starts[k] = p.startMillis();
        offsets[k] = p.offsets();
        calls[k] = p.calls();
        total += p.calls().length;
      }
      this.session = new int[total];
      this.call = new int[total];
      merge(end);
    }

    private void merge(long end) {
      Heap open = new Heap(placed.size());
      int nextArrival = 0;
      while (true) {
        while (nextArrival < starts.length
            && (open.isEmpty() || starts[nextArrival] <= open.minTime())) {
          open.add(starts[nextArrival], nextArrival, 0);
          nextArrival++;
        }
        if (open.isEmpty() || open.minTime() >= end) {
          return;
        }
        int k = open.minSession();
        int i = open.minCall();
        open.removeMin();
        session[size] = k;
        call[size] = i;
        size++;
        taken[k] = i + 1;
        if (i + 1 < calls[k].length) {
          open.add(starts[k] + offsets[k][i + 1], k, i + 1);
        }
      }
    }

    @Override
    public Cursor cursor() {
      return new Cursor() {
        private int j = -1;
        private int k;

        @Override
        public boolean advance() {
          if (j + 1 >= size) {
            j = size;
            return false;
          }
          j++;
          k = session[j];
          return true;
        }

        @Override
        public long startMillis() {
          return starts[k] + offsets[k][call[j]];
        }

        @Override
        public int session() {
          return k;
        }

        @Override
        public Call recorded() {
          return calls[k][call[j]];
        }
      };
    }

    /** The drawn sessions, from the merge's counts and the corpus's arrays: no pass over calls. */
    @Override
    public Sessions sessions() {
      return new Sessions() {
        @Override
        public int count() {
          return taken.length;
        }

        @Override
        public int callCount(int s) {
          return taken[s];
        }

        @Override
        public Call first(int s) {
          return calls[s][0];
        }

        @Override
        public List<String> agents(int s) {
          int[] starts = placed.get(s).agentStarts();
          List<String> out = new ArrayList<>(starts.length);
          for (int i = 0; i < starts.length && starts[i] < taken[s]; i++) {
            out.add(calls[s][starts[i]].agent());
          }
          return out;
        }
      };
    }

    @Override
    public Iterator<Call> iterator() {
      return new Iterator<>() {
        private int j;

        @Override
        public boolean hasNext() {
          return j < size;
        }

        @Override
        public Call next() {
          if (j >= size) {
            throw new NoSuchElementException();
          }
          int k = session[j];
          Placed p = placed.get(k);
          if (ids[k] == null) {
            ids[k] = p.sessionId(); // one id string per session, not per call
          }
          return p.callAt(call[j++], ids[k]);
        }
      };
    }
  }

  /**
   * A binary min-heap of (time, session, call) entries in three primitive arrays, ordered by time
   * and then by session (arrival) index; a session has at most one entry, so the order is total.
   */
  private static final class Heap {
    private final long[] time;
    private final int[] session;
    private final int[] call;
    private int size;

    Heap(int capacity) {
      time = new long[capacity];
      session = new int[capacity];
      call = new int[capacity];
    }

    boolean isEmpty() {
      return size == 0;
    }

    long minTime() {
      return time[0];
    }

    int minSession() {
      return session[0];
    }

    int minCall() {
      return call[0];
    }

    void add(long t, int s, int c) {
      int at = size++;
      while (at > 0) {
        int parent = (at - 1) >>> 1;
        if (!less(t, s, time[parent], session[parent])) {
          break;
        }
        move(parent, at);
        at = parent;
      }
      set(at, t, s, c);
    }

    void removeMin() {
      size--;
      if (size == 0) {
        return;
      }
      long t = time[size];
      int s = session[size];
      int c = call[size];
      int at = 0;
      while (true) {
        int child = 2 * at + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && less(time[child + 1], session[child + 1], time[child], session[child])) {
          child++;
        }
        if (!less(time[child], session[child], t, s)) {
          break;
        }
        move(child, at);
        at = child;
      }
      set(at, t, s, c);
    }

    private static boolean less(long t1, int s1, long t2, int s2) {
      return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void move(int from, int to) {
      set(to, time[from], session[from], call[from]);
    }

    private void set(int at, long t, int s, int c) {
      time[at] = t;
      session[at] = s;
      call[at] = c;
    }
  }
}
