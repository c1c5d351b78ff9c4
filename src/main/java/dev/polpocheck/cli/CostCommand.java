package dev.polpocheck.cli;

import dev.polpocheck.UserInputException;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.CostOutput;
import dev.polpocheck.cost.GroupBy;
import dev.polpocheck.cost.Ledger;
import dev.polpocheck.cost.LedgerReport;
import dev.polpocheck.trace.ClaudeProjects;
import dev.polpocheck.trace.ReadSummary;
import dev.polpocheck.trace.TraceReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polpo-check cost}: prices recorded traces exactly and groups the cost. */
@Command(
    name = "cost",
    mixinStandardHelpOptions = true,
    description = {
      "Price recorded LLM calls exactly at list prices and group the cost.",
      "Reads polpo-check trace JSONL, Claude Code transcripts (~/.claude/projects),"
          + " mini-swe-agent trajectories (*.traj.json) and OpenTelemetry OTLP JSON spans;"
          + " gzip accepted, directories recursed, duplicates removed across all files.",
      "Without TRACES: the projects folder of each $CLAUDE_CONFIG_DIR (comma-separated),"
          + " else ~/.config/claude/projects and ~/.claude/projects, as ccusage reads them."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  polpo-check cost --by day",
      "  polpo-check cost ~/.claude/projects --by day",
      "  polpo-check cost runs/*.jsonl --by model --prices pi-ai --format json",
      "  polpo-check cost traces/ --by block --timezone Europe/Rome --since 2026-11-01"
    })
public final class CostCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--by",
      defaultValue = "day",
      paramLabel = "GROUP",
      description =
          "day, week (ISO), month, session, agent, model, profile or block (ccusage's"
              + " 5-hour blocks). Default: ${DEFAULT-VALUE}.")
  String by;

  @Option(
      names = "--timezone",
      defaultValue = "UTC",
      paramLabel = "ZONE",
      description =
          "Time zone of days, weeks, months and --since/--until. Default: ${DEFAULT-VALUE}.")
  String timezone;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "First date included (YYYY-MM-DD or YYYYMMDD).")
  String since;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "Last date included (YYYY-MM-DD or YYYYMMDD).")
  String until;

  @Option(
      names = "--prices",
      defaultValue = PriceCatalog.DEFAULT,
      paramLabel = "NAME|FILE",
      description =
          "Price catalog: list (default: Anthropic and DeepSeek list prices), anthropic,"
              + " polpo-docs, pi-ai, deepseek, a polpo-check catalog file or a LiteLLM"
              + " model_prices_and_context_window.json.")
  String prices;

  @Option(
      names = "--assume-1h-share",
      defaultValue = "0.8",
      paramLabel = "SHARE",
      description =
          "Share (0..1) of cache writes recorded without a 5m/1h split that are priced as"
              + " 1-hour writes. Default ${DEFAULT-VALUE}: Claude Code writes mostly 1-hour entries"
              + " (78-88%% in published audits).")
  String assume1hShare;

  @Option(
      names = "--strict",
      description = "Fail on the first bad record instead of skipping and counting it.")
  boolean strict;

  @Parameters(
      arity = "0..*",
      paramLabel = "TRACES",
      description =
          "Trace files or directories. Default: $CLAUDE_CONFIG_DIR/projects, else"
              + " ~/.config/claude/projects and ~/.claude/projects (those that exist).")
  List<Path> traces;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or csv. Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Option(
      names = "--threads",
      hidden = true,
      paramLabel = "N",
      description = "Files parsed in parallel (output does not depend on it).")
  Integer threads;

  @Override
  public Integer call() {
    GroupBy group = parseGroup(by);
    ZoneId zone = parseZone(timezone);
    LocalDate from = parseDate(since, "--since");
    LocalDate to = parseDate(until, "--until");
    if (from != null && to != null && from.isAfter(to)) {
      throw usage("--since " + from + " is after --until " + to);
    }
    int share = parseShare(assume1hShare);
    PriceCatalog catalog = catalog(spec.commandLine(), prices);
    int n =
        threads != null
            ? threads
            : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    if (n < 1) {
      throw usage("--threads must be at least 1");
    }
    List<Path> inputs = traces == null || traces.isEmpty() ? claudeProjects() : traces;
    Ledger ledger = new Ledger(catalog, group, zone, from, to, share);
    String text;
    try {
      ReadSummary read = new TraceReader(strict, n).read(inputs, ledger::accept);
      LedgerReport report = ledger.report();
      CostOutput out =
          new CostOutput(
              report,
              read,
              catalog,
              inputs.stream().map(Path::toString).toList(),
              share,
              zone.getId(),
              from == null ? null : from.toString(),
              to == null ? null : to.toString());
      text =
          switch (format) {
            case json -> out.json(VersionProvider.version());
            case csv -> out.csv();
            case text -> out.text();
          };
    } catch (ArithmeticException e) {
      // The readers bound every call; only a sum of very many huge calls gets here.
      throw new UserInputException(
          "a cost total exceeds the exact range (about 9.2 million USD in one group or in all);"
              + " split the traces or narrow --since/--until");
    }
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /**
   * The Claude Code folders read when no TRACES are given; which ones is said on stderr (stdout
   * stays the report), and finding none is an error naming where it looked.
   */
  private List<Path> claudeProjects() {
    String env = System.getenv("CLAUDE_CONFIG_DIR");
    List<Path> looked = ClaudeProjects.candidates(env, Path.of(System.getProperty("user.home")));
    List<Path> found = ClaudeProjects.existing(looked);
    String why = env != null && !env.isBlank() ? "$CLAUDE_CONFIG_DIR" : "the home folder";
    if (found.isEmpty()) {
      throw new UserInputException(
          "no TRACES given and no Claude Code projects folder found (looked in "
              + looked.stream().map(Path::toString).collect(Collectors.joining(", "))
              + ", from "
              + why
              + "); give trace files or folders, or set CLAUDE_CONFIG_DIR");
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "polpo-check: no TRACES given: reading Claude Code transcripts in "
            + found.stream().map(Path::toString).collect(Collectors.joining(", "))
            + " (from "
            + why
            + ")");
    err.flush();
    return found;
  }

  /**
   * The catalog a {@code --prices} value (or a {@code prices diff} argument) names; an unknown name
   * is a usage error (exit 2), while a named file that cannot be read is a run error (exit 3).
   */
  static PriceCatalog catalog(CommandLine cl, String nameOrPath) {
    if (!PriceCatalog.isNameOrFile(nameOrPath)) {
      throw new CommandLine.ParameterException(cl, PriceCatalog.unknownNameMessage(nameOrPath));
    }
    return PriceCatalog.resolve(nameOrPath);
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private GroupBy parseGroup(String s) {
    for (GroupBy g : GroupBy.values()) {
      if (g.name().equalsIgnoreCase(s)) {
        return g;
      }
    }
    throw usage(
        "--by '" + s + "': expected day, week, month, session, agent, model, profile or block");
  }

  private ZoneId parseZone(String s) {
    try {
      return ZoneId.of(s);
    } catch (DateTimeException e) {
      throw usage(
          "--timezone '" + s + "' is not a time zone id (e.g. UTC, Europe/Rome, America/New_York)");
    }
  }

  private LocalDate parseDate(String s, String flag) {
    if (s == null) {
      return null;
    }
    try {
      return s.length() == 8
          ? LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE)
          : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw usage(flag + " '" + s + "' is not a date (YYYY-MM-DD or YYYYMMDD)");
    }
  }

  /** The share in basis points; at most 4 decimals so it is exact. */
  private int parseShare(String s) {
    BigDecimal d;
    try {
      d = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw usage("--assume-1h-share '" + s + "' is not a number between 0 and 1");
    }
    if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) {
      throw usage("--assume-1h-share " + s + " must be between 0 and 1");
    }
    BigDecimal bp = d.movePointRight(4);
    if (bp.stripTrailingZeros().scale() > 0) {
      throw usage("--assume-1h-share " + s + " has more than 4 decimals");
    }
    return bp.intValueExact();
  }
}
