package dev.polpocheck.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic, seeded corpus of Claude Code transcripts for benchmarks and cross-checks:
 * {@code projects/<project>/<session>.jsonl} with the real-world size profile ccusage encodes
 * (3,142 files, about 1.2 GiB; median 105 KB, p90 654 KB, p99 5.4 MB, a few files of tens of MB).
 *
 * <p>Each file is one session: user turns, tool results (the bulk of the bytes), assistant messages
 * written as one line per content block that repeat the message's usage — the first line with an
 * early, too-low {@code output_tokens} as a streaming partial — occasional sidechain replays of an
 * earlier message under a new request id, file-history snapshots, and API error lines. Newer
 * sessions record the 5m/1h cache-write split (mostly 1-hour), older ones only the aggregate; some
 * Sonnet 4.5 requests exceed 200,000 prompt tokens. Same seed and scale give byte-identical files.
 */
public final class ClaudeCodeCorpusGenerator {
  /** Real-world file-size quantiles (probability, bytes), log-linear in between. */
  private static final double[][] SIZE_QUANTILES = {
    {0, 2e3},
    {0.5, 105e3},
    {0.75, 234e3},
    {0.9, 654e3},
    {0.95, 1.5e6},
    {0.99, 5.4e6},
    {0.9995, 25e6},
    {1.0, 87e6}
  };

  /** Files in the full-size corpus. */
  public static final int FULL_FILES = 3142;

  private static final String[] MODELS = {
    "claude-sonnet-4-5-20250929",
    "claude-sonnet-4-5-20250929",
    "claude-sonnet-4-5-20250929",
    "claude-haiku-4-5-20251001",
    "claude-opus-4-1-20250805"
  };
  private static final String[] WORDS =
      ("the of function return value error test file import class public static final void string"
              + " list map config request response token cache model agent session build maven java"
              + " assert expected actual line column")
          .split(" ");
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final long START = Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();

  /**
   * What was written.
   *
   * @param files files written
   * @param bytes total bytes
   * @param lines total lines
   * @param messages distinct billed assistant messages (what a correct tool prices)
   */
  public record Stats(long files, long bytes, long lines, long messages) {}

  private ClaudeCodeCorpusGenerator() {}

  /**
   * Writes the corpus under {@code dir/projects}.
   *
   * @param dir output directory (a Claude config dir: use it as {@code CLAUDE_CONFIG_DIR})
   * @param seed random seed
   * @param scale share of the full-size file count (1.0 = 3,142 files, about 1.2 GiB)
   * @param maxFileBytes cap on one file's size (87 MB reproduces the real maximum)
   */
  public static Stats generate(Path dir, long seed, double scale, long maxFileBytes)
      throws IOException {
    if (!(scale > 0) || scale > 10) {
      throw new IllegalArgumentException("scale must be in (0, 10]");
    }
    int n = Math.max(1, (int) Math.round(FULL_FILES * scale));
    SplittableRandom root = new SplittableRandom(seed);
    // Stratified quantiles, shuffled: the corpus follows the profile even at small scales.
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = (i + root.nextDouble()) / n;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = root.nextInt(i + 1);
      double t = u[i];
      u[i] = u[j];
      u[j] = t;
    }
    int projects = Math.max(1, n / 40);
    long files = 0;
    long bytes = 0;
    long lines = 0;
    long messages = 0;
    for (int i = 0; i < n; i++) {
      SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
      long target = Math.min(maxFileBytes, Math.max(1500, (long) quantile(u[i])));
      String project = "-home-dev-project-" + (i % projects);
      String session = uuid(r);
      Path file = dir.resolve("projects").resolve(project).resolve(session + ".jsonl");
      Files.createDirectories(file.getParent());
      long sessionStart = START + (long) (r.nextDouble() * 60 * 86_400_000L);
      boolean split = r.nextInt(10) < 7;
      Session s = new Session(r, session, project, sessionStart, split);
      try (Writer w =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
              1 << 16)) {
        s.write(w, target);
      }
      files++;
      bytes += s.bytes;
      lines += s.lines;
      messages += s.messages;
    }
    return new Stats(files, bytes, lines, messages);
  }

  static double quantile(double p) {
    for (int k = 1; k < SIZE_QUANTILES.length; k++) {
      double[] a = SIZE_QUANTILES[k - 1];
      double[] b = SIZE_QUANTILES[k];
      if (p <= b[0]) {
        double f = (p - a[0]) / (b[0] - a[0]);
        return Math.exp(Math.log(a[1]) + f * (Math.log(b[1]) - Math.log(a[1])));
      }
    }
    return SIZE_QUANTILES[SIZE_QUANTILES.length - 1][1];
  }

  private static String uuid(SplittableRandom r) {
    return String.format(
        Locale.ROOT,
        "%08x-%04x-4%03x-%04x-%012x",
        r.nextInt() & 0xffffffffL,
        r.nextInt(0x10000),
        r.nextInt(0x1000),
        0x8000 | r.nextInt(0x4000),
        r.nextLong() & 0xffffffffffffL);
  }

  private static String id(SplittableRandom r, String prefix, int len) {
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = 0; i < len; i++) {
      sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
    }
    return sb.toString();
  }

  /** One session file being written. */
  private static final class Session {
    final SplittableRandom r;
    final String session;
    final String cwd;
    final boolean split;
    final String version;
    final String model;
    long t;
    long bytes;
    long lines;
    long messages;
    long context = 12_000;
    String parent;
    final List<String[]> history = new ArrayList<>();

    Session(SplittableRandom r, String session, String project, long start, boolean split) {
      this.r = r;
      this.session = session;
      this.cwd = "/" + project.substring(1).replace('-', '/');
      this.split = split;
      this.version = split ? "2.0.14" : "1.0.38";
      this.model = MODELS[r.nextInt(MODELS.length)];
      this.t = start;
    }

    void write(Writer w, long target) throws IOException {
      if (r.nextInt(4) == 0) {
        line(
            w,
            "{\"type\":\"summary\",\"summary\":\""
                + words(6)
                + "\",\"leafUuid\":\""
                + uuid(r)
                + "\"}");
      }
      while (bytes < target) {
        user(w, "\"" + words(8 + r.nextInt(40)) + "\"");
        int turns = 1 + r.nextInt(6);
        for (int k = 0; k < turns && bytes < target; k++) {
          assistant(w);
          long room =
              Math.max(
                  200,
                  Math.min(
                      target - bytes, 300 + (long) (r.nextDouble() * r.nextDouble() * 12_000)));
          user(
              w,
              "[{\"tool_use_id\":\""
                  + id(r, "toolu_01", 22)
                  + "\",\"type\":\"tool_result\",\"content\":\""
                  + words((int) (room / 7))
                  + "\"}]");
          if (r.nextInt(50) == 0) {
            line(
                w,
                "{\"type\":\"file-history-snapshot\",\"messageId\":\""
                    + uuid(r)
                    + "\",\"snapshot\":{\"trackedFileBackups\":{\"src/Main.java\":{\"backupFileName\":\""
                    + uuid(r)
                    + "\",\"version\":"
                    + (1 + r.nextInt(9))
                    + "}},\"timestamp\":\""
                    + Instant.ofEpochMilli(t)
                    + "\"},\"isSnapshotUpdate\":false}");
          }
        }
        t += 60_000L + (long) (r.nextDouble() * 600_000);
      }
    }

    private void user(Writer w, String content) throws IOException {
      String uuid = uuid(r);
      t += 1_000 + r.nextInt(20_000);
      line(
          w,
          "{\"parentUuid\":"
              + (parent == null ? "null" : "\"" + parent + "\"")
              + ",\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\""
              + cwd
              + "\",\"sessionId\":\""
              + session
              + "\",\"version\":\""
              + version
              + "\",\"gitBranch\":\"main\",\"type\":\"user\","
              + "\"message\":{\"role\":\"user\",\"content\":"
              + content
              + "},\"uuid\":\""
              + uuid
              + "\",\"timestamp\":\""
              + Instant.ofEpochMilli(t)
              + "\"}");
      parent = uuid;
    }

    private void assistant(Writer w) throws IOException {
      t += 2_000 + r.nextInt(30_000);
      String msgId = id(r, "msg_01", 22);
      String reqId = id(r, "req_011C", 20);
      // The prompt grows call by call; now and then a Sonnet request crosses 200k tokens.
      context += 500 + r.nextInt(6_000);
      if (context > 230_000 || (!model.contains("sonnet") && context > 190_000)) {
        context = 15_000 + r.nextInt(20_000);
      }
      long write = 200 + r.nextInt(8_000);
      long read = Math.max(0, context - write - 4);
      long input = 1 + r.nextInt(30);
      long output = 20 + r.nextInt(2_500);
      String usage = usage(input, output, write, read);
      int blocks = 1 + r.nextInt(3);
      String ts = Instant.ofEpochMilli(t).toString();
      for (int b = 0; b < blocks; b++) {
        // Claude Code's first streamed line may carry an early, too-low output_tokens.
        String u =
            b == 0 && blocks > 1
                ? usage(input, Math.min(output, 1 + r.nextInt(8)), write, read)
                : usage;
        String content =
            b < blocks - 1
                ? "{\"type\":\"text\",\"text\":\"" + words(10 + r.nextInt(60)) + "\"}"
                : "{\"type\":\"tool_use\",\"id\":\""
                    + id(r, "toolu_01", 22)
                    + "\",\"name\":\"Bash\",\"input\":{\"command\":\"mvn -q test\"}}";
        String uuid = uuid(r);
        line(
            w,
            "{\"parentUuid\":\""
                + parent
                + "\",\"isSidechain\":false,\"userType\":\"external\","
                + "\"cwd\":\""
                + cwd
                + "\",\"sessionId\":\""
                + session
                + "\",\"version\":\""
                + version
                + "\",\"gitBranch\":\"main\",\"message\":{\"id\":\""
                + msgId
                + "\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\""
                + model
                + "\",\"content\":["
                + content
                + "],"
                + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":"
                + u
                + "},\"requestId\":\""
                + reqId
                + "\",\"type\":\"assistant\",\"uuid\":\""
                + uuid
                + "\",\"timestamp\":\""
                + ts
                + "\"}");
        parent = uuid;
      }
      messages++;
      history.add(new String[] {msgId, usage, ts});
      if (history.size() > 3 && r.nextInt(40) == 0) {
        // A side question replays an earlier message under a new request id.
        String[] h = history.get(r.nextInt(history.size() - 1));
        line(
            w,
            "{\"parentUuid\":null,\"isSidechain\":true,\"userType\":\"external\",\"cwd\":\""
                + cwd
                + "\",\"sessionId\":\""
                + session
                + "\",\"version\":\""
                + version
                + "\",\"gitBranch\":\"main\","
                + "\"message\":{\"id\":\""
                + h[0]
                + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
                + model
                + "\",\"content\":[{\"type\":\"text\",\"text\":\""
                + words(12)
                + "\"}],\"usage\":"
                + h[1]
                + "},\"requestId\":\""
                + id(r, "req_011C", 20)
                + "\",\"type\":\"assistant\",\"uuid\":\""
                + uuid(r)
                + "\",\"timestamp\":\""
                + h[2]
                + "\"}");
      }
    }

    private String usage(long input, long output, long write, long read) {
      StringBuilder sb =
          new StringBuilder("{\"input_tokens\":")
              .append(input)
              .append(",\"cache_creation_input_tokens\":")
              .append(write)
              .append(",\"cache_read_input_tokens\":")
              .append(read);
      if (split) {
        long oneHour = r.nextInt(10) < 8 ? write : 0;
        sb.append(",\"cache_creation\":{\"ephemeral_5m_input_tokens\":")
            .append(write - oneHour)
            .append(",\"ephemeral_1h_input_tokens\":")
            .append(oneHour)
            .append('}');
      }
      return sb.append(",\"output_tokens\":")
          .append(output)
          .append(",\"service_tier\":\"standard\"}")
          .toString();
    }

    private String words(int n) {
      StringBuilder sb = new StringBuilder(n * 7);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(i % 17 == 0 ? "\\n" : " ");
        }
        sb.append(WORDS[r.nextInt(WORDS.length)]);
      }
      return sb.toString();
    }

    private void line(Writer w, String s) throws IOException {
      w.write(s);
      w.write('\n');
      bytes += s.length() + 1;
      lines++;
    }
  }
}
