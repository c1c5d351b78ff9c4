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
import java.util.HashMap;
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
    List<List<Path>> perInput = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      List<Path> l = expand(List.of(in));
      perInput.add(l);
      files.addAll(l);
    }
    files.sort(null);
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
      // Pass 1: parse every file, count, and elect the most complete copy of every call.
      Winners winners = new Winners();
      FileResult[] kept = new FileResult[files.size()];
      Map<Path, FileResult> facts = new HashMap<>();
      Tally tally = new Tally();
      long keptCalls = 0;
      int i = 0;
      for (FileResult r : parsed(files, pool)) {
        if (strict) {
          refuseBad(r);
        }
        tally.add(r);
        facts.put(files.get(i), r.summaryOnly());
        for (int pos = 0; pos < r.calls.size(); pos++) {
          winners.offer(r.calls.get(pos), i, pos);
        }
        if (keptCalls + r.calls.size() <= KEEP_CALLS) {
          kept[i] = r;
          keptCalls += r.calls.size();
        }
        i++;
      }
      refuseSilentZero(inputs, perInput, facts);
      // Pass 2: deliver the winners in file order (files beyond the memory budget parsed again).
      long calls = 0;
      for (int f = 0; f < files.size(); f++) {
        FileResult r = kept[f] != null ? kept[f] : parseFile(files.get(f));
        kept[f] = null;
        for (int pos = 0; pos < r.calls.size(); pos++) {
          ParsedCall c = r.calls.get(pos);
          if (winners.wins(c, f, pos)) {
            calls++;
            sink.accept(c.call());
          }
        }
      }
      return new ReadSummary(
          files.size(),
          tally.formats,
          tally.records,
          calls,
          tally.records - tally.skipped - calls,
          tally.skipped,
          tally.withoutUsage,
          tally.problemCount,
          tally.problems,
          tally.nullUsage,
          tally.synthetic);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Parsed calls kept in memory between the two passes; a corpus with more is parsed a second time
   * from the first file past the budget (about 250 bytes a call, so at most ~50 MB).
   */
  static final int KEEP_CALLS = 200_000;

  /** Every file parsed, in path order, several at once on {@code pool} when there is one. */
  private static Iterable<FileResult> parsed(List<Path> files, ExecutorService pool) {
    return () ->
        new java.util.Iterator<>() {
          private final ArrayDeque<Future<FileResult>> window = new ArrayDeque<>();
          private int next;
          private int done;

          @Override
          public boolean hasNext() {
            return done < files.size();
          }

          @Override
          public FileResult next() {
            if (pool == null) {
              return parseFile(files.get(done++));
            }
            while (next < files.size() && window.size() < 8) {
              Path f = files.get(next++);
              window.add(pool.submit(() -> parseFile(f)));
            }
            done++;
            return await(window.poll());
          }
        };
  }

  /** Counts of a read, summed over files in path order. */
  private static final class Tally {
    final Map<TraceFormat, Long> formats = new EnumMap<>(TraceFormat.class);
    final List<TraceProblem> problems = new ArrayList<>();
    long records;
    long skipped;
    long withoutUsage;
    long problemCount;
    long nullUsage;
    long synthetic;

    void add(FileResult r) {
      if (r.format != null) {
        formats.merge(r.format, 1L, Long::sum);
      }
      records += r.records;
      skipped += r.skipped;
      withoutUsage += r.withoutUsage;
      problemCount += r.problemCount;
      nullUsage += r.nullUsage;
      synthetic += r.synthetic;
      for (TraceProblem p : r.problems) {
        if (problems.size() < ReadSummary.MAX_PROBLEMS) {
          problems.add(p);
        }
      }
    }
  }

  /**
   * Never a silent zero: an input (file or directory) in which no file held a single record of a
   * format polpo-check reads is an error naming the formats looked for, and the foreign format when
   * its files are recognisably one (Codex CLI rollouts).
   */
  private static void refuseSilentZero(
      List<Path> inputs, List<List<Path>> perInput, Map<Path, FileResult> facts) {
    List<List<FileFacts>> shown = new ArrayList<>();
    for (List<Path> files : perInput) {
      List<FileFacts> l = new ArrayList<>(files.size());
      for (Path f : files) {
        l.add(FileFacts.of(facts.get(f)));
      }
      shown.add(l);
    }
    refuseSilentZero(inputs, shown);
  }

  /**
   * As {@code cost} checks its inputs, for readers that parse the files elsewhere: {@code
   * perInput.get(i)} holds what each file of {@code inputs.get(i)} showed.
   *
   * @throws UserInputException for the first input none of whose files held a record
   */
  public static void refuseSilentZero(List<?> inputs, List<List<FileFacts>> perInput) {
    for (int i = 0; i < inputs.size(); i++) {
      long records = 0;
      String foreign = null;
      for (FileFacts f : perInput.get(i)) {
        records += f.counted();
        if (foreign == null) {
          foreign = f.foreign();
        }
      }
      if (records > 0) {
        continue;
      }
      throw new UserInputException(
          inputs.get(i)
              + ": no LLM call record found"
              + (foreign != null
                  ? ": these are " + foreign + ", a format polpo-check does not price"
                  : "")
              + "; looked for "
              + FORMATS);
    }
  }

  /** The formats a read looks for, as the silent-zero error names them. */
  static final String FORMATS =
      "polpo-check trace JSONL (lines with usage and model), Claude Code transcripts (lines with"
          + " message.usage), mini-swe-agent trajectories (*.traj.json) and OpenTelemetry OTLP"
          + " JSON spans (resourceSpans with gen_ai.usage.* or ai.usage.*)";

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
                  + " *.traj.json.gz, *.otlp.json) in this directory or below; looked for "
                  + FORMATS);
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
    return isTraceName(p.getFileName().toString());
  }

  /** True when a file of this name is read as a trace inside a directory (*.jsonl, ...). */
  public static boolean isTraceName(String n) {
    return n.endsWith(".jsonl")
        || n.endsWith(".jsonl.gz")
        || n.endsWith(".traj.json")
        || n.endsWith(".traj.json.gz")
        || n.endsWith(".otlp.json")
        || n.endsWith(".otlp.json.gz");
  }

  /**
   * One file's calls after in-file deduplication, in file order, with the keys the election across
   * files needs: for readers that run the election themselves ({@code polpo-check-spark}).
   *
   * @throws UserInputException when the file does not exist or cannot be read
   */
  public static List<ParsedCall> parse(Path file) {
    return parseFile(file).calls;
  }

  /**
   * As {@link #parse(Path)}; when {@code strict}, a bad record is an error, as for {@code cost
   * --strict}.
   *
   * @throws UserInputException also for the file's first bad record, when strict
   */
  public static List<ParsedCall> parse(Path file, boolean strict) {
    return parse(file, strict, facts -> {});
  }

  /**
   * As {@link #parse(Path, boolean)}, handing {@code facts} what the file showed, for {@link
   * #refuseSilentZero(List, List)}.
   */
  public static List<ParsedCall> parse(Path file, boolean strict, Consumer<FileFacts> facts) {
    FileResult r = parseFile(file);
    if (strict) {
      refuseBad(r);
    }
    facts.accept(FileFacts.of(r));
    return r.calls;
  }

  private static void refuseBad(FileResult r) {
    if (r.firstBad != null) {
      throw new UserInputException(
          r.firstBad + " (--strict: bad records are errors; drop --strict to skip and count them)");
    }
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
   * The format of a file, from its first parsable JSON object: {@code resourceSpans} is OTLP JSON;
   * a Codex CLI event ({@code type} session_meta, response_item, event_msg or turn_context with a
   * {@code payload}) is a Codex rollout; a top-level {@code usage} object with {@code model} is
   * native; any other JSONL is a Claude Code transcript. A {@code .json} document that is not OTLP
   * is a mini-swe-agent trajectory.
   */
  static TraceFormat detect(Path file) throws IOException {
    String n = file.getFileName().toString();
    boolean json = n.endsWith(".json") || n.endsWith(".json.gz");
    if (n.endsWith(".traj.json") || n.endsWith(".traj.json.gz")) {
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
        if (lines.contains(RESOURCE_SPANS)) {
          return TraceFormat.OTLP_JSON;
        }
        if (json) {
          continue;
        }
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
          if (node.path("payload").isObject()
              && CODEX_TYPES.contains(node.path("type").asString(""))) {
            return TraceFormat.CODEX_CLI;
          }
          return TraceFormat.CLAUDE_CODE;
        }
      }
    }
    return json ? TraceFormat.MINI_SWE_AGENT : TraceFormat.CLAUDE_CODE;
  }

  private static final byte[] RESOURCE_SPANS =
      "\"resourceSpans\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final java.util.Set<String> CODEX_TYPES =
      java.util.Set.of("session_meta", "response_item", "event_msg", "turn_context");
}
