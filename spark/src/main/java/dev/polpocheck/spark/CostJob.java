package dev.polpocheck.spark;

import dev.polpocheck.UserInputException;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.cost.GroupBy;
import dev.polpocheck.cost.Ledger;
import dev.polpocheck.cost.LedgerReport;
import dev.polpocheck.cost.Totals;
import dev.polpocheck.redact.Redactor;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.FileFacts;
import dev.polpocheck.trace.ParsedCall;
import dev.polpocheck.trace.TraceReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * {@code cost} over traces on any Hadoop path: the files parsed in parallel by the project's
 * readers, the CLI's election of one copy per billed call run as a keyed shuffle, every surviving
 * call priced by the CLI's {@link Ledger}, and exact picodollar sums per (grouping, key).
 *
 * <p><b>The election</b> is {@code trace.Winners}' across all files: within a file the reader has
 * already collapsed duplicates; across files, a main copy competes in the group of its (message
 * id, request id) key and a sidechain copy with a message id in the group of that id alone; the
 * most complete copy wins ({@link ParsedCall#beats}), on a full tie the first in (path, position)
 * order, which is the copy the CLI's sequential scan keeps; a sidechain group loses altogether to
 * any main copy of its message; copies without an id always count.
 */
final class CostJob {
  /** The groupings written by default: one table each. */
  static final List<GroupBy> GROUPINGS =
      List.of(GroupBy.DAY, GroupBy.MODEL, GroupBy.AGENT, GroupBy.SESSION);

  private CostJob() {}

  /** A copy of a call and where it was read: file index in path order, position in the file. */
  record Copy(int file, int pos, ParsedCall call) implements Serializable {
    /** Winners' group: sidechain copies with a message id are grouped by that id alone. */
    boolean side() {
      return call.sidechain() && call.idKey() != 0;
    }

    Tuple2<Boolean, Long> group() {
      return new Tuple2<>(side(), side() ? call.idKey() : call.key());
    }

    /** The survivor of two copies of one group. */
    static Copy better(Copy a, Copy b) {
      if (a.call.beats(b.call)) {
        return a;
      }
      if (b.call.beats(a.call)) {
        return b;
      }
      return a.file < b.file || (a.file == b.file && a.pos <= b.pos) ? a : b;
    }
  }

  /** The sums of one group: what the CLI's cost totals show. */
  record Sums(long calls, long unpriced, long input, long output, long cacheRead,
      long cacheWrite5m, long cacheWrite1h, long cacheWriteUnsplit, long costInput,
      long costOutput, long costCacheWrite5m, long costCacheWrite1h, long costCacheRead)
      implements Serializable {
    static Sums of(Totals t) {
      CostBreakdown c = t.cost();
      return new Sums(t.calls(), t.unpriced(), t.input(), t.output(), t.cacheRead(),
          t.cacheWrite5m(), t.cacheWrite1h(), t.cacheWriteUnsplit(), c.input(), c.output(),
          c.cacheWrite5m(), c.cacheWrite1h(), c.cacheRead());
    }

    /** Exact: a sum out of a long's range fails like the CLI's, never wraps. */
    Sums plus(Sums o) {
      return new Sums(Math.addExact(calls, o.calls), Math.addExact(unpriced, o.unpriced),
          Math.addExact(input, o.input), Math.addExact(output, o.output),
          Math.addExact(cacheRead, o.cacheRead), Math.addExact(cacheWrite5m, o.cacheWrite5m),
          Math.addExact(cacheWrite1h, o.cacheWrite1h),
          Math.addExact(cacheWriteUnsplit, o.cacheWriteUnsplit),
          Math.addExact(costInput, o.costInput), Math.addExact(costOutput, o.costOutput),
          Math.addExact(costCacheWrite5m, o.costCacheWrite5m),
          Math.addExact(costCacheWrite1h, o.costCacheWrite1h),
          Math.addExact(costCacheRead, o.costCacheRead));
    }

    long costPicos() {
      return new CostBreakdown(costInput, costOutput, costCacheWrite5m, costCacheWrite1h,
          costCacheRead).total();
    }
  }

  /** The files of {@link #filesPerInput} in one list, sorted by path like the CLI's reader. */
  static List<String> files(List<List<String>> perInput) {
    List<String> out = new ArrayList<>();
    for (List<String> l : perInput) {
      out.addAll(l);
    }
    out.sort(null);
    return out;
  }

  /**
   * The trace files of each input (a file, or a directory read recursively for trace names), in
   * the order of {@code inputs}.
   *
   * @throws UserInputException for an input that does not exist or a directory without traces
   */
  static List<List<String>> filesPerInput(List<String> inputs, Configuration conf) {
    List<List<String>> perInput = new ArrayList<>();
    for (String in : inputs) {
      List<String> out = new ArrayList<>();
      perInput.add(out);
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(in);
      try {
        FileSystem fs = p.getFileSystem(conf);
        FileStatus st;
        try {
          st = fs.getFileStatus(p);
        } catch (java.io.FileNotFoundException e) {
          throw new UserInputException(in + ": no such file or directory");
        }
        if (!st.isDirectory()) {
          out.add(st.getPath().toString());
          continue;
        }
        int before = out.size();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          if (f.isFile() && TraceReader.isTraceName(f.getPath().getName())) {
            out.add(f.getPath().toString());
          }
        }
        if (out.size() == before) {
          throw new UserInputException(in + ": no trace files (*.jsonl, *.jsonl.gz, *.traj.json,"
              + " *.otlp.json and their .gz)");
        }
      } catch (IOException e) {
        throw new UserInputException(in + ": cannot read: " + e.getMessage());
      }
    }
    return perInput;
  }

  /**
   * Never a silent zero, as {@code polpo-check cost}: an input none of whose files held a record
   * of a format polpo-check reads is an error ({@link TraceReader#refuseSilentZero(List, List)}).
   *
   * @param facts what each file (by its index in {@code files}) showed, as the tasks reported it;
   *     a retried task may report a file twice, with the same facts
   */
  static void refuseSilentZero(List<String> inputs, List<List<String>> perInput,
      List<String> files, List<Tuple2<Integer, FileFacts>> facts) {
    Map<Integer, FileFacts> byIndex = byIndex(facts);
    Map<String, FileFacts> byFile = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      byFile.put(files.get(i), byIndex.get(i));
    }
    List<List<FileFacts>> shown = new ArrayList<>();
    for (List<String> l : perInput) {
      List<FileFacts> f = new ArrayList<>(l.size());
      for (String file : l) {
        f.add(byFile.get(file));
      }
      shown.add(f);
    }
    TraceReader.refuseSilentZero(inputs, shown);
  }

  /**
   * How the calls are read and priced: the CLI's cost flags.
   *
   * @param prices catalog name or file
   * @param share1hBasisPoints {@code --assume-1h-share} in basis points
   * @param groupings the tables, each a grouping the ledger keys per call (no 5-hour blocks)
   * @param zone time zone id of days, weeks, months and the date range
   * @param since first date included, or null
   * @param until last date included, or null
   * @param strict a bad record fails the job
   */
  record Options(String prices, int share1hBasisPoints, List<GroupBy> groupings, String zone,
      LocalDate since, LocalDate until, boolean strict) implements Serializable {
    Options {
      groupings = List.copyOf(groupings);
      if (groupings.contains(GroupBy.BLOCK)) {
        throw new IllegalArgumentException("5-hour blocks are not keyed per call");
      }
    }
  }

  /** Every (grouping, key) with its sums, keys masked like the CLI's outputs. */
  /** Usage records read and bad ones skipped over every file, as the CLI's read summary. */
  record Read(long records, long skipped) {}

  /** The read counts of the files {@code facts} reports (each file once, whatever retries). */
  static Read read(List<Tuple2<Integer, FileFacts>> facts) {
    long records = 0;
    long skipped = 0;
    for (FileFacts f : byIndex(facts).values()) {
      records += f.records();
      skipped += f.skipped();
    }
    return new Read(records, skipped);
  }

  private static Map<Integer, FileFacts> byIndex(List<Tuple2<Integer, FileFacts>> facts) {
    Map<Integer, FileFacts> byIndex = new HashMap<>();
    for (Tuple2<Integer, FileFacts> f : facts) {
      byIndex.put(f._1(), f._2());
    }
    return byIndex;
  }

  static JavaPairRDD<Tuple2<String, String>, Sums> run(JavaSparkContext sc, List<String> files,
      Options options, CollectionAccumulator<Tuple2<Integer, FileFacts>> facts) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      ids.add(i);
    }
    int slices = Math.max(1, Math.min(files.size(), 4 * sc.defaultParallelism()));
    if (options.strict()) {
      // a first pass, so the error names the first bad record in path order, as the CLI's, and
      // comes from the driver as one line (a task's exception is logged with its stack trace)
      for (String problem : sc.parallelize(ids, slices)
          .map(i -> problemOf(i, files.get(i))).collect()) {
        if (problem != null) {
          throw new UserInputException(problem);
        }
      }
    }
    JavaRDD<Copy> copies = sc.parallelize(ids, slices)
        .flatMap(i -> copiesOf(i, files.get(i), false,
            f -> facts.add(new Tuple2<>(i, f))).iterator());
    JavaRDD<Copy> unkeyed = copies.filter(c -> c.call().key() == 0);
    JavaPairRDD<Tuple2<Boolean, Long>, Copy> elected = copies.filter(c -> c.call().key() != 0)
        .mapToPair(c -> new Tuple2<>(c.group(), c)).reduceByKey(Copy::better);
    JavaPairRDD<Long, Copy> main = elected.filter(t -> !t._1()._1())
        .mapToPair(t -> new Tuple2<>(t._2().call().idKey(), t._2()));
    JavaPairRDD<Long, Copy> side = elected.filter(t -> t._1()._1())
        .mapToPair(t -> new Tuple2<>(t._2().call().idKey(), t._2()))
        .subtractByKey(main.filter(t -> t._1() != 0));
    JavaRDD<Call> winners =
        unkeyed.union(main.values()).union(side.values()).map(c -> c.call().call());
    return winners.mapPartitionsToPair(calls -> price(calls, options))
        .reduceByKey(Sums::plus);
  }

  /** Why {@code --strict} refuses the file (its first bad record, or why it cannot be read). */
  private static String problemOf(int index, String file) throws IOException {
    try {
      copiesOf(index, file, true, f -> {});
      return null;
    } catch (UserInputException e) {
      return e.getMessage();
    }
  }

  /** One file's copies, read through a local copy when the path is not a local file. */
  private static List<Copy> copiesOf(int index, String file, boolean strict,
      java.util.function.Consumer<FileFacts> facts) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
    List<ParsedCall> parsed;
    if ("file".equals(p.toUri().getScheme())) {
      parsed = TraceReader.parse(Path.of(p.toUri()), strict, facts);
    } else {
      // the readers detect the format from the name and the first bytes: keep the name
      Path dir = Files.createTempDirectory("polpo-check-spark");
      Path local = dir.resolve(p.getName());
      try {
        p.getFileSystem(new Configuration()).copyToLocalFile(p, new org.apache.hadoop.fs.Path(
            local.toUri()));
        parsed = TraceReader.parse(local, strict, facts);
      } finally {
        Files.deleteIfExists(local);
        Files.deleteIfExists(dir.resolve("." + p.getName() + ".crc")); // Hadoop's checksum
        Files.deleteIfExists(dir);
      }
    }
    List<Copy> out = new ArrayList<>(parsed.size());
    for (int pos = 0; pos < parsed.size(); pos++) {
      out.add(new Copy(index, pos, parsed.get(pos)));
    }
    return out;
  }

  /** A partition's calls priced by the CLI's ledger, once per grouping; keys masked. */
  private static Iterator<Tuple2<Tuple2<String, String>, Sums>> price(Iterator<Call> calls,
      Options o) {
    PriceCatalog catalog = PriceCatalog.resolve(o.prices());
    List<Ledger> ledgers = new ArrayList<>();
    for (GroupBy by : o.groupings()) {
      ledgers.add(new Ledger(catalog, by, ZoneId.of(o.zone()), o.since(), o.until(),
          o.share1hBasisPoints()));
    }
    while (calls.hasNext()) {
      Call c = calls.next();
      for (Ledger l : ledgers) {
        l.accept(c);
      }
    }
    Redactor mask = Redactor.forRun();
    List<Tuple2<Tuple2<String, String>, Sums>> out = new ArrayList<>();
    for (Ledger l : ledgers) {
      LedgerReport r = l.report();
      String by = r.by().name().toLowerCase(java.util.Locale.ROOT);
      for (LedgerReport.Row row : r.rows()) {
        out.add(new Tuple2<>(new Tuple2<>(by, mask.redact(row.key())), Sums.of(row.totals())));
      }
    }
    return out.iterator();
  }
}
