package dev.polpocheck.bench;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A deterministic sample of agent calls and the same calls as lines of polpo-check's native trace
 * format ({@code schemas/trace.schema.json}), shared by the pricing and trace-reading benchmarks so
 * both parse exactly the same bytes.
 *
 * <p>Token mixes are Sonnet-4.5-like agent turns: a few thousand uncached input tokens, up to 60k
 * cache reads (1 call in 8 above the 200k long-context threshold), cache writes mostly with a
 * 5-minute TTL, and 1 call in 16 through the Batch API.
 */
final class NativeTrace {

  /** The calls, index-aligned with {@link #lines}. */
  final Call[] calls;

  /** Each call as one UTF-8 JSON line, without the newline. */
  final byte[][] lines;

  private NativeTrace(int size) {
    calls = new Call[size];
    lines = new byte[size][];
  }

  /** Builds {@code size} calls from a fixed seed. */
  static NativeTrace generate(int size, long seed) {
    NativeTrace trace = new NativeTrace(size);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      long input = random.nextLong(1, 5_000);
      long output = random.nextLong(1, 4_000);
      long read =
          random.nextInt(8) == 0 ? random.nextLong(150_000, 260_000) : random.nextLong(60_000);
      long write5m = random.nextLong(10_000);
      long write1h = random.nextInt(4) == 0 ? random.nextLong(2_000) : 0;
      boolean batch = random.nextInt(16) == 0;
      long timestamp = 1_764_000_000_000L + 1_000L * i;
      String session = "session-" + (i % 17);
      trace.calls[i] =
          new Call(
              timestamp,
              session,
              "coder",
              CallerRole.AGENT,
              "anthropic",
              "claude-sonnet-4-5",
              input,
              output,
              read,
              write5m,
              write1h,
              0,
              null,
              CallStatus.OK,
              1_200,
              -1,
              batch);
      String line =
          "{\"timestamp\":"
              + timestamp
              + ",\"session\":\""
              + session
              + "\""
              + ",\"agent\":\"coder\",\"role\":\"agent\",\"provider\":\"anthropic\""
              + ",\"model\":\"claude-sonnet-4-5\",\"status\":\"ok\",\"latencyMs\":1200"
              + ",\"batch\":"
              + batch
              + ",\"usage\":{\"input\":"
              + input
              + ",\"output\":"
              + output
              + ",\"cacheRead\":"
              + read
              + ",\"cacheWrite\":"
              + (write5m + write1h)
              + ",\"cacheWrite5m\":"
              + write5m
              + ",\"cacheWrite1h\":"
              + write1h
              + ",\"totalTokens\":"
              + (input + output + read + write5m + write1h)
              + "}}";
      trace.lines[i] = line.getBytes(StandardCharsets.UTF_8);
    }
    return trace;
  }
}
