package dev.polpocheck.spark;

import dev.polpocheck.UserInputException;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.GroupBy;
import dev.polpocheck.cost.Money;
import dev.polpocheck.redact.Redactor;
import dev.polpocheck.trace.FileFacts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scala.Tuple2;

/**
 * {@code polpo-check-spark cost TRACES... --output DIR}: {@link CostJob} over Hadoop paths, the
 * tables written as Parquet, JSON and CSV under {@code DIR/{parquet,json,csv}/by=GROUP/} (one
 * per {@code --by} grouping: day, model, agent and session by default), the totals as
 * {@code DIR/summary.json} and one line on standard output.
 */
@Command(
    name = "cost",
    mixinStandardHelpOptions = true,
    description = {
      "Price traces on any Hadoop path (file://, hdfs://, s3a://) as a Spark job: the same"
          + " readers, deduplication, prices and flags as polpo-check cost, exact picodollar"
          + " sums by day, model, agent and session (or --by), written as Parquet, JSON and CSV."
    })
final class SparkCostCommand implements Callable<Integer> {
  private final SparkSession spark;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "TRACES",
      description = "Trace files or directories, as Hadoop paths or URIs.")
  List<String> traces = new ArrayList<>();

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Where the tables go (a Hadoop path; replaced when it exists).")
  String output;

  @Option(names = "--prices", defaultValue = PriceCatalog.DEFAULT, paramLabel = "NAME|FILE",
      description = "Price catalog, as for polpo-check cost (default: ${DEFAULT-VALUE}).")
  String prices;

  @Option(names = "--assume-1h-share", defaultValue = "0.8", paramLabel = "SHARE",
      description = "Share of unsplit cache writes priced as 1-hour writes, as for polpo-check"
          + " cost (default: ${DEFAULT-VALUE}).")
  String assume1hShare;

  @Option(names = "--by", split = ",", paramLabel = "GROUP[,GROUP...]",
      defaultValue = "day,model,agent,session",
      description = "The tables: day, week (ISO), month, session, agent, model or profile, as for"
          + " polpo-check cost; several comma-separated (default: ${DEFAULT-VALUE}). 5-hour"
          + " blocks need every call in time order in one place: polpo-check cost --by block.")
  List<String> by = new ArrayList<>();

  @Option(names = "--timezone", defaultValue = "UTC", paramLabel = "ZONE",
      description = "Time zone of days, weeks, months and --since/--until (default:"
          + " ${DEFAULT-VALUE}).")
  String timezone;

  @Option(names = "--since", paramLabel = "DATE",
      description = "First date included (YYYY-MM-DD or YYYYMMDD).")
  String since;

  @Option(names = "--until", paramLabel = "DATE",
      description = "Last date included (YYYY-MM-DD or YYYYMMDD).")
  String until;

  @Option(names = "--strict",
      description = "Fail on the first bad record (in path order) instead of skipping and"
          + " counting it; the files are read twice.")
  boolean strict;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text only: the tables are written as JSON, CSV and Parquet under --output.")
  String format;

  @Option(names = "--threads", hidden = true, paramLabel = "N",
      description = "Refused: the executors' cores parse the files.")
  Integer threads;

  SparkCostCommand(SparkSession spark) {
    this.spark = spark;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (!PriceCatalog.isNameOrFile(prices)) {
      throw new CommandLine.ParameterException(cl, PriceCatalog.unknownNameMessage(prices));
    }
    int share = share(cl, assume1hShare);
    CostJob.Options options = options(cl, share);
    PriceCatalog.resolve(prices); // a bad catalog file fails here, once, not in every task
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = sc.hadoopConfiguration();
    List<List<String>> perInput = CostJob.filesPerInput(traces, conf);
    List<String> files = CostJob.files(perInput);
    CollectionAccumulator<Tuple2<Integer, FileFacts>> facts =
        sc.sc().collectionAccumulator("polpo-check file facts");
    // a task's failure reaches SparkMain's handler wrapped in Spark's exceptions; it unwraps them
    JavaPairRDD<Tuple2<String, String>, CostJob.Sums> sums =
        CostJob.run(sc, files, options, facts).cache();
    sums.count(); // every file parsed once (the sums are cached) before anything is written
    List<Tuple2<Integer, FileFacts>> shown = facts.value();
    CostJob.refuseSilentZero(traces, perInput, files, shown);
    CostJob.Read read = CostJob.read(shown);
    write(sums, output);
    // every call in the range is in exactly one row of each table: any table sums to the total
    String first = options.groupings().get(0).name().toLowerCase(Locale.ROOT);
    List<Tuple2<Tuple2<String, String>, CostJob.Sums>> rows =
        sums.filter(t -> t._1()._1().equals(first)).collect();
    CostJob.Sums total = new CostJob.Sums(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    for (Tuple2<Tuple2<String, String>, CostJob.Sums> d : rows) {
      total = total.plus(d._2());
    }
    String summary = String.format(Locale.ROOT,
        "{\"files\": %d, \"records\": %d, \"skippedRecords\": %d, \"calls\": %d,"
            + " \"unpricedCalls\": %d, \"costPicos\": %d,"
            + " \"costUsd\": \"%s\", \"prices\": \"%s\", \"assumed1hShare\": \"%s\","
            + " \"timezone\": \"%s\", \"since\": %s, \"until\": %s}%n",
        files.size(), read.records(), read.skipped(), total.calls(), total.unpriced(),
        total.costPicos(),
        Money.toUsd(total.costPicos()).toPlainString(), prices, assume1hShare,
        options.zone(), quoted(options.since()), quoted(options.until()));
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(output, "summary.json");
    try (OutputStream o = out.getFileSystem(conf).create(out, true)) {
      o.write(Redactor.forRun().redact(summary).getBytes(StandardCharsets.UTF_8));
    }
    PrintWriter w = cl.getOut();
    w.printf(Locale.ROOT, "cost: USD %s over %d calls in %d files (%d unpriced; %d records"
        + " read, %d skipped); tables in %s%n",
        Money.toUsd(total.costPicos()).toPlainString(), total.calls(), files.size(),
        total.unpriced(), read.records(), read.skipped(), output);
    w.flush();
    return 0;
  }

  /** The tables: one row per (grouping, key), partitioned by grouping, in three formats. */
  private void write(JavaPairRDD<Tuple2<String, String>, CostJob.Sums> sums, String dir) {
    StructType schema = new StructType()
        .add("by", DataTypes.StringType, false)
        .add("key", DataTypes.StringType, false)
        .add("calls", DataTypes.LongType, false)
        .add("unpriced_calls", DataTypes.LongType, false)
        .add("input_tokens", DataTypes.LongType, false)
        .add("output_tokens", DataTypes.LongType, false)
        .add("cache_read_tokens", DataTypes.LongType, false)
        .add("cache_write_5m_tokens", DataTypes.LongType, false)
        .add("cache_write_1h_tokens", DataTypes.LongType, false)
        .add("cache_write_unsplit_tokens", DataTypes.LongType, false)
        .add("cost_picos", DataTypes.LongType, false)
        .add("cost_usd", DataTypes.createDecimalType(38, 12), false);
    Dataset<Row> df = spark.createDataFrame(sums.map(t -> {
      CostJob.Sums s = t._2();
      return RowFactory.create(t._1()._1(), t._1()._2(), s.calls(), s.unpriced(), s.input(),
          s.output(), s.cacheRead(), s.cacheWrite5m(), s.cacheWrite1h(), s.cacheWriteUnsplit(),
          s.costPicos(), Money.toUsd(s.costPicos()));
    }).rdd(), schema).orderBy("by", "key");
    df.write().mode(SaveMode.Overwrite).partitionBy("by").parquet(dir + "/parquet");
    df.write().mode(SaveMode.Overwrite).partitionBy("by").json(dir + "/json");
    df.write().mode(SaveMode.Overwrite).partitionBy("by").option("header", true)
        .csv(dir + "/csv");
  }

  /**
   * The flags beyond prices and share, checked like the CLI's, with the same messages; the two
   * that cannot apply on Spark are refused as usage errors.
   */
  private CostJob.Options options(CommandLine cl, int share) {
    if (threads != null) {
      throw new CommandLine.ParameterException(cl, "--threads does not apply on Spark: the"
          + " executors' cores parse the files (set --executor-cores, spark.default.parallelism)");
    }
    if (!format.equalsIgnoreCase("text")) {
      throw new CommandLine.ParameterException(cl, "--format " + format + " does not apply on"
          + " Spark: the tables are written as JSON, CSV and Parquet under --output");
    }
    List<GroupBy> groupings = new ArrayList<>();
    for (String b : by) {
      GroupBy g = group(cl, b);
      if (!groupings.contains(g)) {
        groupings.add(g);
      }
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new CommandLine.ParameterException(cl, "--timezone '" + timezone
          + "' is not a time zone id (e.g. UTC, Europe/Rome, America/New_York)");
    }
    LocalDate from = date(cl, since, "--since");
    LocalDate to = date(cl, until, "--until");
    if (from != null && to != null && from.isAfter(to)) {
      throw new CommandLine.ParameterException(cl, "--since " + from + " is after --until " + to);
    }
    return new CostJob.Options(prices, share, groupings, zone.getId(), from, to, strict);
  }

  private static GroupBy group(CommandLine cl, String s) {
    if (s.equalsIgnoreCase("block")) {
      throw new CommandLine.ParameterException(cl, "--by block does not apply on Spark: 5-hour"
          + " blocks need every call in time order in one place (use polpo-check cost --by"
          + " block)");
    }
    for (GroupBy g : GroupBy.values()) {
      if (g.name().equalsIgnoreCase(s)) {
        return g;
      }
    }
    throw new CommandLine.ParameterException(cl,
        "--by '" + s + "': expected day, week, month, session, agent, model or profile");
  }

  private static LocalDate date(CommandLine cl, String s, String flag) {
    if (s == null) {
      return null;
    }
    try {
      return s.length() == 8 ? LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE)
          : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(cl,
          flag + " '" + s + "' is not a date (YYYY-MM-DD or YYYYMMDD)");
    }
  }

  private static String quoted(LocalDate d) {
    return d == null ? "null" : "\"" + d + "\"";
  }

  /** The share in basis points, checked like the CLI's (0..1, at most 4 decimals). */
  private static int share(CommandLine cl, String s) {
    BigDecimal d;
    try {
      d = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(cl,
          "--assume-1h-share '" + s + "' is not a number between 0 and 1");
    }
    BigDecimal bp = d.movePointRight(4);
    if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0
        || bp.stripTrailingZeros().scale() > 0) {
      throw new CommandLine.ParameterException(cl,
          "--assume-1h-share " + s + " must be between 0 and 1, with at most 4 decimals");
    }
    return bp.intValueExact();
  }

}
