package dev.polpocheck.bench;

import dev.polpocheck.trace.ReadSummary;
import dev.polpocheck.trace.TraceReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading one native trace record into a {@code Call} with the cost command's reader, against the
 * baseline of Jackson's bare parse of the same line into a tree.
 *
 * <p>The reader's public unit is a file, so the measured operation reads a 4,096-line native trace
 * file (written once in {@code @Setup}, then served from the page cache) with one sequential,
 * lenient {@link TraceReader}, and JMH divides the time by the 4,096 records
 * ({@code @OperationsPerInvocation}). That per-record time includes what the reader adds to the
 * bare parse: line scanning, schema checks, the {@code Call} record and deduplication keys. The
 * baseline parses one of the same lines per operation (power-of-two array indexed {@code i++ &
 * MASK}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class TraceReadBench {

  private static final int RECORDS = 1 << 12;
  private static final int MASK = RECORDS - 1;

  private byte[][] lines;
  private Path file;
  private TraceReader reader;
  private ObjectMapper mapper;
  private int cursor;

  /** Writes the trace file and builds the reader and the bare mapper. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    lines = NativeTrace.generate(RECORDS, 11).lines;
    file = Files.createTempFile("polpo-check-bench-", ".jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      for (byte[] line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
    reader = new TraceReader(false, 1);
    mapper = JsonMapper.builder().build();
    ReadSummary check = reader.read(List.of(file), call -> {});
    if (check.calls() != RECORDS) {
      throw new IllegalStateException("the reader kept " + check.calls() + " of " + RECORDS);
    }
  }

  /** Removes the trace file. */
  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the whole file; the score is per record. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public ReadSummary readRecord(Blackhole blackhole) {
    return reader.read(List.of(file), blackhole::consume);
  }

  /** Baseline: Jackson parses one of the same lines into a tree, nothing more. */
  @Benchmark
  public JsonNode baselineJacksonBareParse() {
    return mapper.readTree(lines[cursor++ & MASK]);
  }
}
