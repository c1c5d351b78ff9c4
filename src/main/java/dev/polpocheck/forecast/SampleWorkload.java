package dev.polpocheck.forecast;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The seeded generator of the sample workload that ships in the jar, and access to the shipped
 * copy.
 *
 * <p>Calibration (reports/sample-workload-calibration.md): per-session call counts, first prompt
 * size, prompt growth per turn, output tokens and gaps between calls are lognormal with the log
 * mean and log standard deviation measured on the 201 mini-swe-agent trajectories with calls in
 * ../shared/data/traces/mini-swe-agent; the coding agent uses them as measured, the reviewer and
 * planner agents have shorter runs. Caching follows Anthropic's prefix model (§11 of
 * anthropic-and-peers.md): call n reads call n-1's prompt from the cache and writes its growth,
 * unless the gap exceeded the session's TTL (then the whole prefix is written again); 83 % of
 * sessions use the 1-hour TTL (the 78-88 % observed 1-hour share). Arrivals follow a business-hours
 * profile (UTC) with quieter weekends, over four weeks starting on a Monday, at {@value
 * #SESSIONS_PER_DAY} sessions per day: the sample is the shape of a 500-sessions-a-day team thinned
 * 25 times, so it stays small; the sample scenario forecasts it at {@value #FORECAST_RATE} a day.
 */
public final class SampleWorkload {
  /** The seed the shipped sample was generated with. */
  public static final long SEED = 20261125L;
  /** Days covered by the sample. */
  public static final int DAYS = 28;
  /** Average sessions started per day in the sample. */
  public static final double SESSIONS_PER_DAY = 20;
  /** The rate the no-argument forecast uses (sessions per day). */
  public static final double FORECAST_RATE = 500;
  /** First instant of the sample: Monday 2026-11-02 00:00 UTC. */
  public static final long START_MILLIS = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
  /** Class-path location of the shipped sample (gzip JSONL). */
  public static final String RESOURCE = "/dev/polpocheck/forecast/sample/sample-workload.jsonl.gz";
  /** Class-path location of the sample scenario. */
  public static final String SCENARIO_RESOURCE = "/dev/polpocheck/forecast/sample/sample-scenario.json";

  // Measured on the mini-swe-agent trajectories (log mean, log sd); see the calibration report.
  static final double CALLS_LOG_MEAN = 4.318;
  static final double CALLS_LOG_SD = 0.420;
  static final double FIRST_PROMPT_LOG_MEAN = 7.481;
  static final double FIRST_PROMPT_LOG_SD = 0.215;
  static final double GROWTH_LOG_MEAN = 5.798;
  static final double GROWTH_LOG_SD = 0.764;
  static final double OUTPUT_LOG_MEAN = 4.878;
  static final double OUTPUT_LOG_SD = 0.911;
  static final double GAP_LOG_MEAN_SECONDS = 1.902;
  static final double GAP_LOG_SD = 0.760;
  static final double ONE_HOUR_TTL_SHARE = 0.83;

  private static final double[] HOURS = {
    0.25, 0.2, 0.2, 0.2, 0.25, 0.35, 0.6, 1.0, 1.6, 2.0, 2.1, 2.0,
    1.6, 1.9, 2.1, 2.0, 1.8, 1.4, 1.0, 0.8, 0.6, 0.5, 0.4, 0.3
  };
  private static final double[] WEEKDAYS = {1.2, 1.25, 1.25, 1.2, 1.1, 0.5, 0.5};

  /**
   * One agent of the sample.
   *
   * @param name agent name
   * @param model the Claude model it calls
   * @param role how Polpo calls it
   * @param share share of sessions
   * @param callsLogMean log mean of its calls per session
   * @param systemPromptTokens extra shared system prompt in front of the first prompt
   */
  record Agent(
      String name, String model, CallerRole role, double share, double callsLogMean,
      int systemPromptTokens) {}

  /** The sample's agents; shares add up to 1. */
  static final List<Agent> AGENTS = List.of(
      new Agent("coder", "claude-sonnet-4-5", CallerRole.AGENT, 0.55, CALLS_LOG_MEAN, 3_000),
      new Agent("reviewer", "claude-haiku-4-5", CallerRole.AGENT, 0.30, 3.2, 1_500),
      new Agent("planner", "claude-opus-4-5", CallerRole.ORCHESTRATOR, 0.15, 2.3, 2_000));

  private SampleWorkload() {}

  /** Generates the sample's calls (in time order) from {@code seed}. */
  public static List<Call> generate(long seed) {
    RandomGenerator rng = new Well19937c(seed);
    double[] hours = normalise(HOURS);
    double[] days = normalise(WEEKDAYS);
    ArrivalProcess arrivals = new ArrivalProcess(SESSIONS_PER_DAY, 0, hours, days);
    long[] starts = arrivals.startTimes(START_MILLIS, DAYS * Corpus.DAY, rng);
    LogNormalDistribution firstPrompt = logNormal(rng, FIRST_PROMPT_LOG_MEAN, FIRST_PROMPT_LOG_SD);
    LogNormalDistribution growth = logNormal(rng, GROWTH_LOG_MEAN, GROWTH_LOG_SD);
    LogNormalDistribution output = logNormal(rng, OUTPUT_LOG_MEAN, OUTPUT_LOG_SD);
    LogNormalDistribution gap = logNormal(rng, GAP_LOG_MEAN_SECONDS, GAP_LOG_SD);
    List<Call> calls = new ArrayList<>();
    for (int s = 0; s < starts.length; s++) {
      Agent agent = pick(rng.nextDouble());
      int n = Math.max(1, (int) Math.round(
          logNormal(rng, agent.callsLogMean(), CALLS_LOG_SD).sample()));
      boolean oneHour = rng.nextDouble() < ONE_HOUR_TTL_SHARE;
      long ttl = oneHour ? Corpus.HOUR : 5 * 60_000L;
      String session = String.format(java.util.Locale.ROOT, "sample-%04d", s);
      long t = starts[s];
      long prompt = agent.systemPromptTokens() + Math.round(firstPrompt.sample());
      long previousPrompt = 0;
      long previousEnd = t;
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          prompt += Math.max(1, Math.round(growth.sample()));
        }
        long out = Math.max(1, Math.round(output.sample()));
        long input = 1 + rng.nextInt(20);
        boolean warm = i > 0 && t - previousEnd <= ttl;
        long read = warm ? previousPrompt : 0;
        long write = Math.max(0, prompt - input - read);
        long latency = 600 + out * 15;
        calls.add(new Call(t, session, agent.name(), agent.role(), "anthropic", agent.model(),
            input, out, read, oneHour ? 0 : write, oneHour ? write : 0, 0, null, CallStatus.OK,
            latency, -1, false));
        previousPrompt = prompt;
        previousEnd = t + latency;
        // the measured gaps are start to start (the agent's own timestamps); a call never
        // starts before the previous answer plus half a second of tool time
        t = Math.max(previousEnd + 500, t + Math.round(gap.sample() * 1000));
      }
    }
    calls.sort(Comparator.comparingLong(Call::timestampMillis).thenComparing(Call::session));
    return calls;
  }

  /** Writes calls as native trace JSONL (one call per line, in the given order). */
  public static void write(List<Call> calls, Writer out) throws IOException {
    for (Call c : calls) {
      out.write(NativeTraceLines.toLine(c));
      out.write('\n');
    }
  }

  /** The generated sample as the exact bytes of its uncompressed JSONL. */
  public static byte[] generatedBytes(long seed) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (Writer w = new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
        write(generate(seed), w);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The uncompressed bytes of the shipped sample. */
  public static byte[] shippedBytes() {
    try (InputStream in = SampleWorkload.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the sample workload is missing from the jar: " + RESOURCE);
      }
      return new GZIPInputStream(in).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped sample's calls, read by the same trace reader as users' files. */
  public static List<Call> shipped() {
    try (InputStream in = SampleWorkload.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the sample workload is missing from the jar: " + RESOURCE);
      }
      java.nio.file.Path tmp = java.nio.file.Files.createTempFile("polpo-check-sample", ".jsonl.gz");
      try {
        java.nio.file.Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return TraceFiles.read(List.of(tmp)).calls();
      } finally {
        java.nio.file.Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Agent pick(double u) {
    double acc = 0;
    for (Agent a : AGENTS) {
      acc += a.share();
      if (u < acc) {
        return a;
      }
    }
    return AGENTS.get(AGENTS.size() - 1);
  }

  private static LogNormalDistribution logNormal(RandomGenerator rng, double mean, double sd) {
    return new LogNormalDistribution(rng, mean, sd, LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
  }

  private static double[] normalise(double[] w) {
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i] * w.length / sum;
    }
    return out;
  }

  /**
   * Regenerates the shipped sample: {@code java ... SampleWorkload OUT.jsonl.gz}.
   *
   * @param args the output file
   */
  public static void main(String[] args) throws IOException {
    java.nio.file.Path out = java.nio.file.Path.of(args[0]);
    try (Writer w = new java.io.OutputStreamWriter(
        new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(out)),
        StandardCharsets.UTF_8)) {
      write(generate(SEED), w);
    }
  }
}
