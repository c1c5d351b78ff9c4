package dev.polpocheck.forecast;

import dev.polpocheck.cost.CostBreakdown;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Every run of a forecast, per setup, with the summaries reports show. Money is picodollars.
 *
 * @param settings the settings it ran with
 * @param sessionsPerDay the base arrival rate used
 * @param corpusSessions sessions in the corpus
 * @param corpusSpanDays days the corpus spans
 * @param warnings what the user should know about the corpus or the runs
 * @param setups the runs of each setup; the first is the baseline
 */
public record ForecastResult(
    ForecastSettings settings,
    double sessionsPerDay,
    int corpusSessions,
    double corpusSpanDays,
    List<String> warnings,
    List<SetupRuns> setups) {

  /** The cost parts in report order, with how to read each from a breakdown. */
  public static final Map<String, ToLongFunction<CostBreakdown>> PARTS = parts();

  public ForecastResult {
    warnings = List.copyOf(warnings);
    setups = List.copyOf(setups);
  }

  private static Map<String, ToLongFunction<CostBreakdown>> parts() {
    Map<String, ToLongFunction<CostBreakdown>> m = new LinkedHashMap<>();
    m.put("input", CostBreakdown::input);
    m.put("output", CostBreakdown::output);
    m.put("cacheWrite5m", CostBreakdown::cacheWrite5m);
    m.put("cacheWrite1h", CostBreakdown::cacheWrite1h);
    m.put("cacheRead", CostBreakdown::cacheRead);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** This result with {@code more} warnings in front of its own (e.g. skipped trace records). */
  public ForecastResult withMoreWarnings(List<String> more) {
    List<String> all = new ArrayList<>(more);
    all.addAll(warnings);
    return new ForecastResult(settings, sessionsPerDay, corpusSessions, corpusSpanDays, all,
        setups);
  }

  /** The baseline setup's runs. */
  public SetupRuns baseline() {
    return setups.get(0);
  }

  /** The confidence level of every interval. */
  public double confidence() {
    return settings.confidence();
  }

  /** How likely the baseline's total goes over {@code budgetPicos}, and when. */
  public BudgetOutlook budget(long budgetPicos) {
    List<RunOutcome> runs = baseline().runs();
    int n = runs.size();
    int over = 0;
    List<Long> crossingDays = new ArrayList<>();
    for (RunOutcome r : runs) {
      if (r.total().total() > budgetPicos) {
        over++;
      }
      int d = crossingDay(r.dailyCost(), budgetPicos);
      if (d >= 0) {
        crossingDays.add((long) d);
      }
    }
    double[] ci = Stats.wilson(over, n, confidence());
    long medianDay = -1;
    if (!crossingDays.isEmpty()) {
      long[] days = crossingDays.stream().mapToLong(Long::longValue).sorted().toArray();
      medianDay = Stats.orderStatistic(days, 0.5);
    }
    DailyBand band = baseline().dailyBand(confidence());
    int p50Day = crossingDayCumulative(band.cumulativeP50(), budgetPicos);
    int p95Day = crossingDayCumulative(band.cumulativeP95(), budgetPicos);
    return new BudgetOutlook(budgetPicos, over, n, over / (double) n, ci[0], ci[1],
        (int) medianDay, p50Day, p95Day);
  }

  /** Each alternative setup against the baseline, run on the same workloads. */
  public List<Comparison> comparisons() {
    List<Comparison> out = new ArrayList<>();
    SetupRuns base = baseline();
    for (int s = 1; s < setups.size(); s++) {
      SetupRuns alt = setups.get(s);
      long[] diff = new long[base.runs().size()];
      int cheaper = 0;
      for (int r = 0; r < diff.length; r++) {
        diff[r] = alt.runs().get(r).total().total() - base.runs().get(r).total().total();
        if (diff[r] < 0) {
          cheaper++;
        }
      }
      out.add(new Comparison(alt.name(), base.name(), Stats.distribution(diff, confidence()),
          cheaper / (double) diff.length));
    }
    return out;
  }

  /** The day index (0-based) on which a run's cumulative cost first exceeds the budget, or -1. */
  static int crossingDay(long[] daily, long budget) {
    long acc = 0;
    for (int d = 0; d < daily.length; d++) {
      acc += daily[d];
      if (acc > budget) {
        return d;
      }
    }
    return -1;
  }

  private static int crossingDayCumulative(long[] cumulative, long budget) {
    for (int d = 0; d < cumulative.length; d++) {
      if (cumulative[d] > budget) {
        return d;
      }
    }
    return -1;
  }

  /**
   * The runs of one setup.
   *
   * @param name the setup's name
   * @param runs one outcome per Monte Carlo run, in run order
   */
  public record SetupRuns(String name, List<RunOutcome> runs) {
    public SetupRuns {
      runs = List.copyOf(runs);
    }

    /** Distribution of the total cost. */
    public Stats.Distribution total(double confidence) {
      return of(r -> r.total().total(), confidence);
    }

    /** Distribution of each cost part (input, output, cache writes 5m/1h, reads). */
    public Map<String, Stats.Distribution> parts(double confidence) {
      Map<String, Stats.Distribution> m = new LinkedHashMap<>();
      PARTS.forEach((k, f) -> m.put(k, of(r -> f.applyAsLong(r.total()), confidence)));
      return m;
    }

    /** Distribution of the cost of each agent. */
    public SortedMap<String, Stats.Distribution> byAgent(double confidence) {
      return byKey(RunOutcome::byAgent, confidence);
    }

    /** Distribution of the cost of each model. */
    public SortedMap<String, Stats.Distribution> byModel(double confidence) {
      return byKey(RunOutcome::byModel, confidence);
    }

    /** Distribution of the number of 429 responses. */
    public Stats.Distribution rateLimited(double confidence) {
      return of(RunOutcome::rateLimited, confidence);
    }

    /** Distribution of the number of failed calls. */
    public Stats.Distribution failed(double confidence) {
      return of(RunOutcome::failed, confidence);
    }

    /** Distribution of each run's 95th-percentile added delay, ms. */
    public Stats.Distribution addedDelayP95(double confidence) {
      return of(RunOutcome::addedDelayP95Millis, confidence);
    }

    /** Distribution of each run's median added delay, ms. */
    public Stats.Distribution addedDelayP50(double confidence) {
      return of(RunOutcome::addedDelayP50Millis, confidence);
    }

    /** Distribution of the calls per run. */
    public Stats.Distribution calls(double confidence) {
      return of(RunOutcome::calls, confidence);
    }

    /** Per-day P5/P50/P95 of the daily and cumulative cost across runs. */
    public DailyBand dailyBand(double confidence) {
      int days = runs.get(0).dailyCost().length;
      long[][] daily = new long[days][runs.size()];
      long[][] cumulative = new long[days][runs.size()];
      for (int r = 0; r < runs.size(); r++) {
        long acc = 0;
        long[] dc = runs.get(r).dailyCost();
        for (int d = 0; d < days; d++) {
          acc += dc[d];
          daily[d][r] = dc[d];
          cumulative[d][r] = acc;
        }
      }
      long[][] q = new long[6][days];
      for (int d = 0; d < days; d++) {
        Arrays.sort(daily[d]);
        Arrays.sort(cumulative[d]);
        q[0][d] = Stats.orderStatistic(daily[d], 0.05);
        q[1][d] = Stats.orderStatistic(daily[d], 0.50);
        q[2][d] = Stats.orderStatistic(daily[d], 0.95);
        q[3][d] = Stats.orderStatistic(cumulative[d], 0.05);
        q[4][d] = Stats.orderStatistic(cumulative[d], 0.50);
        q[5][d] = Stats.orderStatistic(cumulative[d], 0.95);
      }
      return new DailyBand(q[0], q[1], q[2], q[3], q[4], q[5]);
    }

    /**
     * Per day, the median across the runs that had cache activity that day of the cache hit ratio
     * (reads / (reads + writes)); NaN ("no data") when no run had any.
     */
    public double[] cacheHitRatioByDay() {
      int days = runs.get(0).dailyCost().length;
      double[] out = new double[days];
      double[] v = new double[runs.size()];
      for (int d = 0; d < days; d++) {
        int n = 0;
        for (int r = 0; r < runs.size(); r++) {
          double x = runs.get(r).cacheHitRatio(d);
          if (!Double.isNaN(x)) {
            v[n++] = x;
          }
        }
        double[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        out[d] = n == 0 ? Double.NaN : s[Math.max(0, (int) Math.ceil(n * 0.5) - 1)];
      }
      return out;
    }

    /** The run whose total is the median one (for per-profile timelines). */
    public RunOutcome medianRun() {
      Integer[] idx = new Integer[runs.size()];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (a, b) -> {
        int c = Long.compare(runs.get(a).total().total(), runs.get(b).total().total());
        return c != 0 ? c : Integer.compare(a, b);
      });
      return runs.get(idx[Math.max(0, (int) Math.ceil(idx.length * 0.5) - 1)]);
    }

    private Stats.Distribution of(ToLongFunction<RunOutcome> f, double confidence) {
      long[] v = new long[runs.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = f.applyAsLong(runs.get(i));
      }
      return Stats.distribution(v, confidence);
    }

    private SortedMap<String, Stats.Distribution> byKey(
        Function<RunOutcome, SortedMap<String, CostBreakdown>> f, double confidence) {
      TreeSet<String> keys = new TreeSet<>();
      runs.forEach(r -> keys.addAll(f.apply(r).keySet()));
      SortedMap<String, Stats.Distribution> m = new TreeMap<>();
      for (String k : keys) {
        m.put(k, of(r -> {
          CostBreakdown c = f.apply(r).get(k);
          return c == null ? 0 : c.total();
        }, confidence));
      }
      return m;
    }
  }

  /**
   * Daily cost across runs: P5/P50/P95 of each day's cost and of the cumulative cost at its end.
   *
   * @param dailyP5 per day
   * @param dailyP50 per day
   * @param dailyP95 per day
   * @param cumulativeP5 per day
   * @param cumulativeP50 per day
   * @param cumulativeP95 per day
   */
  public record DailyBand(
      long[] dailyP5,
      long[] dailyP50,
      long[] dailyP95,
      long[] cumulativeP5,
      long[] cumulativeP50,
      long[] cumulativeP95) {}

  /**
   * The budget question.
   *
   * @param budgetPicos the budget
   * @param runsOver runs whose total exceeded it
   * @param runs runs
   * @param probability runsOver / runs
   * @param probabilityLower Wilson lower bound
   * @param probabilityUpper Wilson upper bound
   * @param medianCrossingDay among the runs that cross, the median day index of the crossing (-1:
   *     none cross)
   * @param p50CrossingDay the day the median cumulative path crosses (-1: never)
   * @param p95CrossingDay the day the P95 cumulative path crosses (-1: never)
   */
  public record BudgetOutlook(
      long budgetPicos,
      int runsOver,
      int runs,
      double probability,
      double probabilityLower,
      double probabilityUpper,
      int medianCrossingDay,
      int p50CrossingDay,
      int p95CrossingDay) {}

  /**
   * One alternative setup against the baseline on the same workloads.
   *
   * @param name the alternative
   * @param baseline the baseline's name
   * @param difference distribution over runs of (alternative - baseline) total cost
   * @param probabilityCheaper share of runs where the alternative cost less
   */
  public record Comparison(
      String name, String baseline, Stats.Distribution difference, double probabilityCheaper) {}
}
