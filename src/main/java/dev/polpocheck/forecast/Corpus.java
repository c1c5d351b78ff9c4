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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recorded sessions grouped by agent, with the arrival rate and the hour-of-day / day-of-week
 * shape measured from when they started: everything a forecast draws its future workload from.
 *
 * <p>The shape is an exposure-corrected rate: the sessions starting in hour-of-day {@code h} are
 * divided by how many hours {@code h} the corpus spans, then all 24 (or 7) rates are scaled to mean
 * 1, so a corpus that starts at 17:00 does not over-weight the evening. A shape needs data: the
 * hour-of-day profile is used only when the corpus spans at least {@value #MIN_DAYS_FOR_HOURS} days
 * and the day-of-week profile only from {@value #MIN_DAYS_FOR_WEEKDAYS} days (two of each weekday);
 * below that the profile is flat and {@link #warnings()} says so. All clock arithmetic is UTC.
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
  private final double[] hourWeights;
  private final double[] dayWeights;
  private final List<String> warnings;

  private Corpus(Map<String, List<Session>> byAgent) {
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
    // the corpus covers whole hours so that exposure counts are integers
    this.endMillis = Math.max(first + HOUR, ceilTo(last + 1, HOUR));
    List<String> w = new ArrayList<>();
    double days = spanDays();
    if (days >= MIN_DAYS_FOR_HOURS) {
      hourWeights = shape(24, t -> hourOf(t));
    } else {
      hourWeights = flat(24);
      w.add(String.format(java.util.Locale.ROOT,
          "the corpus spans %.1f days: fewer than %d, so the hour-of-day profile is flat",
          days, MIN_DAYS_FOR_HOURS));
    }
    if (days >= MIN_DAYS_FOR_WEEKDAYS) {
      dayWeights = shape(7, t -> dayOf(t));
    } else {
      dayWeights = flat(7);
      w.add(String.format(java.util.Locale.ROOT,
          "the corpus spans %.1f days: fewer than %d, so the day-of-week profile is flat",
          days, MIN_DAYS_FOR_WEEKDAYS));
    }
    this.warnings = List.copyOf(w);
  }

  /**
   * Groups calls into sessions (by session id) and sessions by agent.
   *
   * @throws IllegalArgumentException when there are no calls
   */
  public static Corpus of(Iterable<Call> calls) {
    Map<String, List<Call>> bySession = new TreeMap<>();
    for (Call c : calls) {
      bySession.computeIfAbsent(c.session(), k -> new ArrayList<>()).add(c);
    }
    if (bySession.isEmpty()) {
      throw new IllegalArgumentException("the corpus has no calls");
    }
    Map<String, List<Session>> byAgent = new TreeMap<>();
    for (Map.Entry<String, List<Call>> e : bySession.entrySet()) {
      List<Call> cs = e.getValue();
      cs.sort(Comparator.comparingLong(Call::timestampMillis));
      String agent = cs.get(0).agent();
      byAgent.computeIfAbsent(agent, k -> new ArrayList<>()).add(new Session(e.getKey(), agent, cs));
    }
    Map<String, List<Session>> frozen = new TreeMap<>();
    byAgent.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new Corpus(Collections.unmodifiableMap(frozen));
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
    return hourWeights.clone();
  }

  /** The day-of-week profile (UTC, Monday first), 7 weights with mean 1. */
  public double[] dayWeights() {
    return dayWeights.clone();
  }

  /** Why parts of the shape were not measured (empty when the corpus is long enough). */
  public List<String> warnings() {
    return warnings;
  }

  /** The sessions that start before {@code millis} (used by backtests). */
  public Corpus before(long millis) {
    List<Call> calls = new ArrayList<>();
    for (Session s : all) {
      if (s.startMillis() < millis) {
        calls.addAll(s.calls());
      }
    }
    return of(calls);
  }

  private double[] shape(int buckets, java.util.function.LongToIntFunction bucketOf) {
    double[] exposure = new double[buckets];
    for (long t = floorTo(firstMillis, HOUR); t < endMillis; t += HOUR) {
      exposure[bucketOf.applyAsInt(t)] += 1;
    }
    double[] count = new double[buckets];
    for (Session s : all) {
      count[bucketOf.applyAsInt(s.startMillis())] += 1;
    }
    double[] rate = new double[buckets];
    double sum = 0;
    int seen = 0;
    for (int i = 0; i < buckets; i++) {
      if (exposure[i] > 0) {
        rate[i] = count[i] / exposure[i];
        sum += rate[i];
        seen++;
      }
    }
    double mean = sum / Math.max(1, seen);
    if (mean <= 0) {
      return flat(buckets);
    }
    for (int i = 0; i < buckets; i++) {
      rate[i] = exposure[i] > 0 ? rate[i] / mean : 1.0;
    }
    return rate;
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
