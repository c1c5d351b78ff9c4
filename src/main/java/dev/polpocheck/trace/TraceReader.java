package dev.polpocheck.trace;

import dev.polpocheck.IoErrors;
import dev.polpocheck.UserInputException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads trace files and directories into {@link Call}s: format detection, {@code .gz}, recursion
 * into directories, parallel parsing, and deduplication across all files.
 *
 * <p><b>Order and determinism.</b> Files are read in sorted path order (directories expanded and
 * sorted); several files are parsed at once, but their results are merged strictly in that order,
 * so the calls delivered, the counts and the problems are the same on every run and any thread
 * count.
 *
 * <p><b>Deduplication</b> (Claude Code; native lines with a {@code requestId}; mini-swe-agent
 * response ids). Within a file, duplicates of a message are collapsed to the most complete record
 * ({@link ParsedCall#beats}). Across files the first file in path order keeps the call: cross-file
 * copies are replays of the same billed request (resumed sessions, sidechain files), so their usage
 * is equal. Keys are 64-bit hashes in a primitive set, so memory grows by at most 16 bytes per call
 * for the whole run, and with one file's calls for parsing.
 *
 * <p>A reader holds no state between calls of {@link #read}; an instance may be reused.
 */
public final class TraceReader {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final boolean strict;
  private final int threads;

  /**
   * A reader.
   *
   * @param strict when true, the first bad record (in file order) ends the read with a {@link
   *     UserInputException} naming its file and line; calls without usage stay notes
   * @param threads files parsed in parallel (1 = sequential); results do not depend on it
   */
  public TraceReader(boolean strict, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.strict = strict;
    this.threads = threads;
  }

  /** A lenient reader using up to four cores. */
  public TraceReader() {
    this(false, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
  }

  /** Every call of {@code inputs}, after deduplication, in the order {@link #read} delivers. */
  public static List<Call> readAll(List<Path> inputs) {
    List<Call> calls = new ArrayList<>();
    new TraceReader().read(inputs, calls::add);
    return calls;
  }

  /**
   * Reads {@code inputs} (files or directories) and hands each call to {@code sink}, in a fixed
   * order.
   *
   * @throws UserInputException when an input does not exist or cannot be read, or in strict mode on
   *     the first bad record
   */
  public ReadSummary read(List<Path> inputs, Consumer<Call> sink) {
    List<Path> files = expand(inputs);
    Map<TraceFormat, Long> formats = new EnumMap<>(TraceFormat.class);
    LongHashSet seen = new LongHashSet();
    LongHashSet seenIds = new LongHashSet();
    LongHashSet sidechainIds = new LongHashSet();
    long records = 0;
    long calls = 0;
    long dedup = 0;
    long skipped = 0;
    long withoutUsage = 0;
    long problemCount = 0;
    List<TraceProblem> problems = new ArrayList<>();
    ExecutorService pool =
        threads > 1
            ? Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "polpo-check-reader");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    try {
      ArrayDeque<Future<FileResult>> window = new ArrayDeque<>();
      int next = 0;
      for (int done = 0; done < files.size(); done++) {
        FileResult r;
        if (pool == null) {
          r = parseFile(files.get(done));
        } else {
          while (next < files.size() && window.size() < threads * 2) {
            Path f = files.get(next++);
            window.add(pool.submit(() -> parseFile(f)));
          }
          r = await(window.poll());
        }
        if (strict && r.firstBad != null) {
          throw new UserInputException(
              r.firstBad
                  + " (--strict: bad records are errors; drop --strict to skip and count them)");
        }
        if (r.format != null) {
          formats.merge(r.format, 1L, Long::sum);
        }
        records += r.records;
        dedup += r.deduplicated;
        skipped += r.skipped;
        withoutUsage += r.withoutUsage;
        problemCount += r.problemCount;
        for (TraceProblem p : r.problems) {
          if (problems.size() < ReadSummary.MAX_PROBLEMS) {
            problems.add(p);
          }
        }
        for (ParsedCall c : r.calls) {
          if (c.key() != 0) {
            // The sidechain fallback: a sidechain record matches any delivered record of the
            // same message, and a main record matches a delivered sidechain one.
            boolean dupId =
                c.idKey() != 0
                    && (c.sidechain()
                        ? seenIds.contains(c.idKey())
                        : sidechainIds.contains(c.idKey()));
            if (dupId || !seen.add(c.key())) {
              dedup++;
              continue;
            }
            if (c.idKey() != 0) {
              seenIds.add(c.idKey());
              if (c.sidechain()) {
                sidechainIds.add(c.idKey());
              }
            }
          }
          calls++;
          sink.accept(c.call());
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return new ReadSummary(
        files.size(),
        formats,
        records,
        calls,
        dedup,
        skipped,
        withoutUsage,
        problemCount,
        problems);
  }

  private static FileResult await(Future<FileResult> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading traces", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Files to read: given files as they are, directories walked for trace files, all sorted. */
  static List<Path> expand(List<Path> inputs) {
    List<Path> out = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        int before = out.size();
        try (Stream<Path> s = Files.walk(in, FileVisitOption.FOLLOW_LINKS)) {
          s.filter(Files::isRegularFile).filter(TraceReader::isTraceName).forEach(out::add);
        } catch (IOException e) {
          throw new UserInputException(in + ": cannot list directory: " + IoErrors.why(e));
        } catch (UncheckedIOException e) {
          throw new UserInputException(
              in + ": cannot list directory: " + IoErrors.why(e.getCause()));
        }
        if (out.size() == before) {
          throw new UserInputException(
              in
                  + ": no trace files (*.jsonl, *.jsonl.gz, *.traj.json,"
                  + " *.traj.json.gz) in this directory or below");
        }
      } else if (Files.isRegularFile(in)) {
        out.add(in);
      } else {
        throw new UserInputException(in + ": no such file or directory");
      }
    }
    out.sort(null);
    return out;
  }

  private static boolean isTraceName(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".jsonl")
        || n.endsWith(".jsonl.gz")
        || n.endsWith(".traj.json")
        || n.endsWith(".traj.json.gz");
  }

  private static FileResult parseFile(Path file) {
    FileResult r = new FileResult(file.toString());
    try {
      TraceFormat format = detect(file);
      r.format = format;
      try (InputStream in = open(file)) {
        format.newParser().parse(file, in, r);
      }
    } catch (NoSuchFileException e) {
      throw new UserInputException(file + ": no such file");
    } catch (ZipException | EOFException e) {
      r.records++;
      r.skip(0, "corrupt or truncated gzip data: " + e.getMessage());
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read: " + IoErrors.why(e));
    }
    return r;
  }

  /** Opens a file, decompressing gzip (by name or by its magic bytes). */
  static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b1 = raw.read();
    int b2 = raw.read();
    raw.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(raw, 1 << 16);
    }
    return raw;
  }

  /**
   * The format of a file: {@code .json} documents are mini-swe-agent trajectories; a JSONL file
   * whose first parsable line has a top-level {@code usage} object and {@code model} is native; any
   * other JSONL is a Claude Code transcript.
   */
  static TraceFormat detect(Path file) throws IOException {
    String n = file.getFileName().toString();
    if (n.endsWith(".json") || n.endsWith(".json.gz")) {
      return TraceFormat.MINI_SWE_AGENT;
    }
    try (InputStream in = open(file)) {
      // The parsers' own limit: with a smaller one, a file whose first records are long lines
      // (a 1 MiB prompt inline) was taken for a Claude Code transcript and every record skipped.
      LineScanner lines = new LineScanner(in, ClaudeCodeParser.MAX_LINE_BYTES);
      int tried = 0;
      while (lines.next() && tried < 20) {
        if (lines.tooLong() || lines.blank()) {
          continue;
        }
        tried++;
        JsonNode node;
        try {
          node = MAPPER.readTree(lines.bytes(), 0, lines.length());
        } catch (JacksonException e) {
          continue;
        }
        if (node != null && node.isObject()) {
          if (node.path("usage").isObject() && node.has("model")) {
            return TraceFormat.NATIVE;
          }
          return TraceFormat.CLAUDE_CODE;
        }
      }
    }
    return TraceFormat.CLAUDE_CODE;
  }
}
