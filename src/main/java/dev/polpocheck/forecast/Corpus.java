package dev.polpocheck.forecast;

import dev.polpocheck.trace.Call;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recorded sessions grouped by agent, with the arrival rate and the hour-of-day / day-of-week
 * shape measured from when they started: everything a forecast draws its future workload from.
 *
 * <p><b>How much of a shape the data supports.</b> A profile has K buckets (24 hours of the day, 7
 * days of the week). The corpus's span is cut into units: every clock hour for the hour-of-day
 * profile, every UTC calendar day for the day-of-week one, each with its exposure (the share of it
 * the span covers) and the sessions that start in it. A bucket's rate is exposure-corrected,
 * {@code m_b = sum(c_i) / sum(e_i)} over its units, so a corpus that starts at 17:00 does not
 * over-weight the evening. How noisy that rate is comes from the same units: the ratio estimator's
 * variance {@code V_b = n_b / (n_b - 1) x sum((c_i - m_b e_i)^2) / sum(e_i)^2} (Cochran, Sampling
 * Techniques, 3rd ed., section 6.3), which needs at least two units per bucket, so below {@value
 * #MIN_DAYS_FOR_HOURS} days (hours) or {@value #MIN_DAYS_FOR_WEEKDAYS} days (two of each weekday)
 * the profile is flat. Above that the measured differences between buckets are shrunk towards flat
 * by how much of them noise alone would explain: with {@code B} the variance of the K rates around
 * their mean {@code m} and {@code V} the mean of the {@code V_b}, the share kept is {@code k = max(0,
 * 1 - V / B)} (the method-of-moments empirical-Bayes estimate of a normal-normal model: between-
 * bucket variance {@code B - V} over the total {@code B}), and each weight is {@code (m + k (m_b -
 * m)) / m}, mean 1. Bursty traces (a few busy days in a long span, such as benchmark runs) have a
 * large {@code V}: their weekday differences are noise and the profile comes out (nearly) flat,
 * where a raw shape would put zero sessions on every weekday that happened to be idle. A real weekly
 * or daily rhythm seen over a few weeks keeps almost all of its shape. {@link #warnings()} says
 * when a profile is flat or mostly shrunk; {@link #dayShape()} and {@link #hourShape()} carry the
 * figures for reports. All clock arithmetic is UTC.
 */
public final class Corpus {
  /** Days of data needed before the hour-of-day profile is trusted. */
  public static final int MIN_DAYS_FOR_HOURS = 2;
  /** Days of data needed before the day-of-week profile is trusted. */
  public static final int MIN_DAYS_FOR_WEEKDAYS = 14;

  static final long HOUR = 3_600_000L;
  static final long DAY = 24 * HOUR;

  private final Map<String, List<Session>> byAgent;
  private final List<Session> all;
  private final long firstMillis;
  private final long endMillis;
  private final Shape hourShape;
  private final Shape dayShape;
  private final int activeDays;
  private final List<String> warnings;

  private Corpus(Map<String, List<Session>> byAgent, long observedUntil) {
    this.byAgent = byAgent;
    List<Session> sessions = new ArrayList<>();
    byAgent.values().forEach(sessions::addAll);
    sessions.sort(Comparator.comparingLong(Session::startMillis).thenComparing(Session::id));
    this.all = List.copyOf(sessions);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Session s : all) {
      first = Math.min(first, s.startMillis());
      last = Math.max(last, s.calls().get(s.calls().size() - 1).timestampMillis());
    }
    this.firstMillis = first;
    // the corpus covers whole hours so that exposure counts are integers; a corpus cut from a
    // longer one (a backtest's training part) was observed up to the cut, calls or not
    this.endMillis = Math.max(Math.max(first + HOUR, ceilTo(last + 1, HOUR)),
        ceilTo(observedUntil, HOUR));
    java.util.Set<Long> dates = new java.util.HashSet<>();
    for (Session s : all) {
      for (Call c : s.calls()) {
        dates.add(Math.floorDiv(c.timestampMillis(), DAY));
      }
    }
    this.activeDays = dates.size();
    List<String> w = new ArrayList<>();
    double days = spanDays();
    hourShape = fit("hour-of-day", 24, HOUR, Corpus::hourOf, days >= MIN_DAYS_FOR_HOURS);
    dayShape = fit("day-of-week", 7, DAY, Corpus::dayOf, days >= MIN_DAYS_FOR_WEEKDAYS);
    if (days < MIN_DAYS_FOR_HOURS) {
      w.add(String.format(java.util.Locale.ROOT,
          "the corpus spans %.1f days: fewer than %d, so the hour-of-day profile is flat",
          days, MIN_DAYS_FOR_HOURS));
    }
    if (days < MIN_DAYS_FOR_WEEKDAYS) {
      w.add(String.format(java.util.Locale.ROOT,
          "the corpus spans %.1f days: fewer than %d, so the day-of-week profile is flat",
          days, MIN_DAYS_FOR_WEEKDAYS));
    } else if (activeDays < MIN_DAYS_FOR_WEEKDAYS) {
      w.add(String.format(java.util.Locale.ROOT,
          "only %d of the %.1f days the traces span have calls: the day-of-week profile keeps"
              + " %.0f%% of the measured weekday differences (the rest is day-to-day noise)",
          activeDays, days, dayShape.kept() * 100));
    } else if (dayShape.kept() < 0.5) {
      w.add(String.format(java.util.Locale.ROOT,
          "the day-of-week profile keeps %.0f%% of the measured weekday differences: most of them"
              + " are within the day-to-day noise", dayShape.kept() * 100));
    }
    this.warnings = List.copyOf(w);
  }

  /**
   * Groups calls into sessions (by session id) and sessions by agent.
   *
   * @throws IllegalArgumentException when there are no calls
   */
  public static Corpus of(Iterable<Call> calls) {
    return of(calls, 0L);
  }

  private static Corpus of(Iterable<Call> calls, long observedUntil) {
    Map<String, List<Call>> bySession = new TreeMap<>();
    for (Call c : calls) {
      bySession.computeIfAbsent(c.session(), k -> new ArrayList<>()).add(c);
    }
    if (bySession.isEmpty()) {
      throw new IllegalArgumentException("the corpus has no calls");
    }
    Map<String, List<Session>> byAgent = new TreeMap<>();
    Map<String, String> strings = new HashMap<>();
    for (Map.Entry<String, List<Call>> e : bySession.entrySet()) {
      List<Call> cs = e.getValue();
      cs.sort(Comparator.comparingLong(Call::timestampMillis));
      cs.replaceAll(c -> compact(c, strings));
      String agent = cs.get(0).agent();
      byAgent.computeIfAbsent(agent, k -> new ArrayList<>()).add(new Session(e.getKey(), agent, cs));
    }
    Map<String, List<Session>> frozen = new TreeMap<>();
    byAgent.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new Corpus(Collections.unmodifiableMap(frozen), observedUntil);
  }

  /**
   * {@code c} again (an equal record), its strings replaced by one shared object per distinct
   * value. A forecast run reads every sampled call's record, in an order that jumps between
   * sessions; records whose strings are shared, and that are allocated in their session's order,
   * cost the replay fewer cache misses (measured: reports/forecast-scaling.md, 2026-12-04 third
   * pass).
   */
  private static Call compact(Call c, Map<String, String> strings) {
    return new Call(
        c.timestampMillis(),
        shared(c.session(), strings),
        shared(c.agent(), strings),
        c.role(),
        shared(c.provider(), strings),
        shared(c.model(), strings),
        c.inputTokens(),
        c.outputTokens(),
        c.cacheReadTokens(),
        c.cacheWrite5mTokens(),
        c.cacheWrite1hTokens(),
        c.cacheWriteUnsplitTokens(),
        shared(c.profile(), strings),
        c.status(),
        c.latencyMillis(),
        c.recordedCostPicos(),
        c.batch(),
        c.fast(),
        shared(c.inferenceGeo(), strings));
  }

  private static String shared(String s, Map<String, String> strings) {
    return s == null ? null : strings.computeIfAbsent(s, x -> x);
  }

  /** The agents, sorted by name. */
  public List<String> agents() {
    return List.copyOf(byAgent.keySet());
  }

  /** The sessions of one agent, sorted by session id. */
  public List<Session> sessions(String agent) {
    return byAgent.getOrDefault(agent, List.of());
  }

  /** Every session, sorted by start time. */
  public List<Session> sessions() {
    return all;
  }

  /** Number of sessions. */
  public int sessionCount() {
    return all.size();
  }

  /** Start of the first call, epoch ms. */
  public long firstMillis() {
    return firstMillis;
  }

  /** End of the corpus: the last call's start rounded up to a whole hour, epoch ms (exclusive). */
  public long endMillis() {
    return endMillis;
  }

  /** Length of the corpus in days (whole hours). */
  public double spanDays() {
    return (endMillis - floorTo(firstMillis, HOUR)) / (double) DAY;
  }

  /** Sessions started per day over the corpus's span (at least one day is assumed). */
  public double sessionsPerDay() {
    return all.size() / Math.max(1.0, spanDays());
  }

  /** The hour-of-day profile (UTC), 24 weights with mean 1. */
  public double[] hourWeights() {
    return hourShape.weights();
  }

  /** The day-of-week profile (UTC, Monday first), 7 weights with mean 1. */
  public double[] dayWeights() {
    return dayShape.weights();
  }

  /** How the hour-of-day profile was decided. */
  public Shape hourShape() {
    return hourShape;
  }

  /** How the day-of-week profile was decided. */
  public Shape dayShape() {
    return dayShape;
  }

  /** UTC calendar days on which at least one recorded call was made. */
  public int activeDays() {
    return activeDays;
  }

  /**
   * A measured profile and how much of it the data supports (class comment).
   *
   * @param name "hour-of-day" or "day-of-week"
   * @param weights the weights used, mean 1
   * @param measured false when there were too few units per bucket to measure it (flat)
   * @param kept share of the measured differences kept, 0 (flat) to 1 (as measured)
   */
  public record Shape(String name, double[] weights, boolean measured, double kept) {
    public Shape {
      weights = weights.clone();
    }

    @Override
    public double[] weights() {
      return weights.clone();
    }

    /** One phrase for reports: "flat (too little data)", "as measured", "62% of ...". */
    public String describe() {
      if (!measured) {
        return "flat: too few days to measure it";
      }
      if (kept >= 0.995) {
        return "as measured";
      }
      if (kept <= 0.005) {
        return "flat: the measured differences are within the noise";
      }
      return String.format(java.util.Locale.ROOT,
          "%.0f%% of the measured differences kept, shrunk towards flat", kept * 100);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Shape x && x.name.equals(name) && Arrays.equals(x.weights, weights)
          && x.measured == measured && x.kept == kept;
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
      return "Shape[" + name + ", " + describe() + "]";
    }
  }

  /** Why parts of the shape were not measured (empty when the corpus is long enough). */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The sessions that start before {@code millis} (used by backtests), as a corpus observed up
   * to {@code millis}: idle time before the cut counts in its span and rate.
   */
  public Corpus before(long millis) {
    List<Call> calls = new ArrayList<>();
    for (Session s : all) {
      if (s.startMillis() < millis) {
        calls.addAll(s.calls());
      }
    }
    return of(calls, millis);
  }

  /**
   * Fits a profile of {@code buckets} buckets over units of {@code unit} ms (class comment), or a
   * flat one when {@code enough} is false or a bucket has fewer than two units.
   */
  private Shape fit(String name, int buckets, long unit, java.util.function.LongToIntFunction
      bucketOf, boolean enough) {
    long from = floorTo(firstMillis, HOUR);
    long firstUnit = floorTo(from, unit);
    int units = (int) ((ceilTo(endMillis, unit) - firstUnit) / unit);
    double[] exposure = new double[units];
    double[] count = new double[units];
    for (int i = 0; i < units; i++) {
      long u = firstUnit + i * unit;
      long covered = Math.min(u + unit, endMillis) - Math.max(u, from);
      exposure[i] = Math.max(0, covered) / (double) unit;
    }
    for (Session s : all) {
      count[(int) ((s.startMillis() - firstUnit) / unit)] += 1;
    }
    double[] c = new double[buckets];
    double[] e = new double[buckets];
    int[] n = new int[buckets];
    for (int i = 0; i < units; i++) {
      if (exposure[i] > 0) {
        int b = bucketOf.applyAsInt(firstUnit + i * unit);
        c[b] += count[i];
        e[b] += exposure[i];
        n[b]++;
      }
    }
    for (int b = 0; b < buckets; b++) {
      if (n[b] < 2) {
        enough = false;
      }
    }
    if (!enough) {
      return new Shape(name, flat(buckets), false, 0);
    }
    double[] rate = new double[buckets];
    double[] noise = new double[buckets];
    for (int i = 0; i < units; i++) {
      if (exposure[i] > 0) {
        int b = bucketOf.applyAsInt(firstUnit + i * unit);
        double m = c[b] / e[b];
        double d = count[i] - m * exposure[i];
        noise[b] += d * d;
      }
    }
    double mean = 0;
    double meanNoise = 0;
    for (int b = 0; b < buckets; b++) {
      rate[b] = c[b] / e[b];
      noise[b] = n[b] / (n[b] - 1.0) * noise[b] / (e[b] * e[b]);
      mean += rate[b] / buckets;
      meanNoise += noise[b] / buckets;
    }
    double between = 0;
    for (int b = 0; b < buckets; b++) {
      between += (rate[b] - mean) * (rate[b] - mean) / (buckets - 1);
    }
    double kept = between <= 0 ? 1 : Math.max(0, 1 - meanNoise / between);
    double[] w = new double[buckets];
    for (int b = 0; b < buckets; b++) {
      w[b] = mean <= 0 ? 1 : (mean + kept * (rate[b] - mean)) / mean;
    }
    return new Shape(name, w, true, kept);
  }

  /** {@code n} weights of 1 (no shape). */
  static double[] flat(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    return w;
  }

  /** Hour of day (0-23, UTC) of an instant. */
  static int hourOf(long millis) {
    return (int) Math.floorMod(millis / HOUR, 24L);
  }

  /** Day of week (0 = Monday, UTC) of an instant. */
  static int dayOf(long millis) {
    ZonedDateTime z = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
    return z.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
  }

  /** {@code millis} rounded down to a multiple of {@code unit}. */
  static long floorTo(long millis, long unit) {
    return Math.floorDiv(millis, unit) * unit;
  }

  /** {@code millis} rounded up to a multiple of {@code unit}. */
  static long ceilTo(long millis, long unit) {
    return -Math.floorDiv(-millis, unit) * unit;
  }
}
