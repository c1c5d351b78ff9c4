package dev.polpocheck.bench;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.cost.Pricing;
import dev.polpocheck.trace.Call;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pricing one call exactly ({@code Pricing.cost}) against the baseline of Jackson's bare parse of
 * the same call's JSON line into a tree — the least any trace-driven pricing has to pay per record.
 * A ratio well below 1 means pricing is negligible next to reading.
 *
 * <p>Inputs: 1,024 calls of {@link NativeTrace} (power of two, indexed {@code i++ & MASK}), priced
 * at Claude Sonnet 4.5's list price ($3 / $15 per MTok, 5-minute writes $3.75, 1-hour writes $6,
 * reads $0.30; above 200k prompt tokens $6 / $22.50 / $7.50 / $12 / $0.60), and each call's line in
 * the native trace format.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class PricingBench {

  private static final int SIZE = 1 << 10;
  private static final int MASK = SIZE - 1;

  /** One dollar per million tokens is 1e12 / 1e6 = 1e6 picodollars per token. */
  private static final long PER_MTOK = 1_000_000L;

  private final Call[] calls = new Call[SIZE];
  private final byte[][] lines = new byte[SIZE][];
  private Price price;
  private ObjectMapper mapper;
  private int cursor;

  /** Builds the calls, their JSON lines and the price from a fixed seed. */
  @Setup(Level.Trial)
  public void setUp() {
    price = sonnet45();
    mapper = JsonMapper.builder().build();
    NativeTrace trace = NativeTrace.generate(SIZE, 7);
    System.arraycopy(trace.calls, 0, calls, 0, SIZE);
    System.arraycopy(trace.lines, 0, lines, 0, SIZE);
  }

  /**
   * Claude Sonnet 4.5's list price: $3 / $15 per MTok, 5-minute writes $3.75, 1-hour writes $6,
   * reads $0.30; above 200k prompt tokens $6 / $22.50 / $7.50 / $12 / $0.60 (Anthropic's pricing
   * page).
   */
  static Price sonnet45() {
    return new Price(
        "anthropic",
        "claude-sonnet-4-5",
        3 * PER_MTOK,
        15 * PER_MTOK,
        3_750_000L,
        6 * PER_MTOK,
        300_000L,
        new Price.LongContext(
            200_000L, 6 * PER_MTOK, 22_500_000L, 7_500_000L, 12 * PER_MTOK, 600_000L));
  }

  /** Prices one call exactly. */
  @Benchmark
  public CostBreakdown price() {
    return Pricing.cost(calls[cursor++ & MASK], price, 0);
  }

  /** Baseline: Jackson parses the same call's JSON line into a tree, nothing more. */
  @Benchmark
  public JsonNode baselineJacksonBareParse() {
    return mapper.readTree(lines[cursor++ & MASK]);
  }
}
