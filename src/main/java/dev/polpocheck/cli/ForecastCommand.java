package dev.polpocheck.cli;

import dev.polpocheck.UserInputException;
import dev.polpocheck.cost.Money;
import dev.polpocheck.forecast.Backtest;
import dev.polpocheck.forecast.BudgetGate;
import dev.polpocheck.forecast.Corpus;
import dev.polpocheck.forecast.ForecastResult;
import dev.polpocheck.forecast.ForecastSettings;
import dev.polpocheck.forecast.Forecaster;
import dev.polpocheck.forecast.Horizon;
import dev.polpocheck.forecast.SampleWorkload;
import dev.polpocheck.forecast.Setups;
import dev.polpocheck.forecast.SimulatorSetup;
import dev.polpocheck.forecast.TraceFiles;
import dev.polpocheck.forecast.WorkloadSimulator;
import dev.polpocheck.report.ForecastReport;
import dev.polpocheck.report.TerminalProgress;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polpo-check forecast}: Monte Carlo projection of cost from recorded traces. */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Project what a workload will cost: sessions bootstrapped from recorded traces arrive as a"
          + " Poisson process with the traces' hour-of-day and day-of-week shape, and every"
          + " Monte Carlo run replays them. Reports P5/P50/P95 and mean with confidence"
          + " intervals, per part, agent and model.",
      "With no TRACES it runs on the embedded sample workload and writes its report to"
          + " ./polpo-check-report/."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  polpo-check forecast",
      "  polpo-check forecast traces.jsonl --horizon 30d --growth 10%%/month --runs 400",
      "  polpo-check forecast traces.jsonl --budget 1500 --fail-if-over p95",
      "  polpo-check forecast traces.jsonl --scenario a.json --compare b.json --report out/"
    })
final class ForecastCommand implements Callable<Integer> {
  /** Where the no-argument demo writes its report, relative to the working directory. */
  static final String DEMO_REPORT = "polpo-check-report";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The directory relative paths resolve against (tests point it elsewhere). */
  Path workingDir = Path.of("");

  @Parameters(
      arity = "0..*",
      paramLabel = "TRACES",
      description = "Trace files or directories, any format cost reads (native JSONL, Claude Code"
          + " transcripts, mini-swe-agent trajectories; .gz too). None: the embedded sample.")
  List<Path> traces = new ArrayList<>();

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "The setup to replay (default: the simulator's default scenario; the"
          + " sample scenario for the embedded sample).")
  Path scenario;

  @Option(
      names = "--compare",
      paramLabel = "FILE",
      description =
          "A what-if: this file laid over the baseline scenario, compared on the same"
              + " sampled workloads (repeatable).")
  List<Path> compare = new ArrayList<>();

  @Option(
      names = "--horizon",
      paramLabel = "DAYS",
      defaultValue = "30d",
      converter = Durations.Horizon.class,
      description = "How far ahead, e.g. 30d or 4w (default: ${DEFAULT-VALUE}).")
  int horizonDays;

  @Option(
      names = "--start",
      paramLabel = "DATE",
      description =
          "First day of the horizon, YYYY-MM-DD UTC (default: the day after the traces" + " end).")
  String start;

  @Option(
      names = "--sessions-per-day",
      paramLabel = "N",
      description =
          "Arrival rate at the start (default: the traces' own rate; 500 for the" + " sample).")
  Double sessionsPerDay;

  @Option(
      names = "--growth",
      paramLabel = "RATE",
      defaultValue = "0",
      converter = Durations.Growth.class,
      description = "Compounding workload growth, e.g. 10%%/month (default: none).")
  double growth;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "200",
      description = "Monte Carlo runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @CommandLine.Mixin SeedThreadsOptions run = new SeedThreadsOptions();

  @Option(
      names = "--confidence",
      paramLabel = "P",
      defaultValue = "0.95",
      description = "Confidence level of every interval (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--budget",
      paramLabel = "USD",
      converter = Durations.Usd.class,
      description = "Budget for the horizon: report the chance and date of exceeding it.")
  BigDecimal budget;

  @Option(
      names = "--fail-if-over",
      paramLabel = "STAT",
      description = "Exit 1 when this statistic of the total exceeds --budget: p50, p95, mean...")
  String failIfOver;

  @Option(
      names = "--backtest",
      description = "Also forecast the last quarter of the traces from the rest and compare.")
  boolean backtest;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Write report.html, summary.md, result.json and CSV tables to DIR.")
  Path report;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    validateFlags();
    boolean demo = traces.isEmpty();
    Path dir = report != null ? resolve(report) : demo ? resolve(Path.of(DEMO_REPORT)) : null;
    if (dir != null) {
      ReportDirs.checkWritable(dir);
    }
    // Reading the traces is the longest step before the runs: the baseline scenario (its schema
    // check, the price catalog) is read beside it on a side thread, then what writing the report
    // needs is loaded there, which would otherwise run on one core after the runs
    // (reports/forecast-scaling.md, issue 16 fifth pass). Errors keep their order: a bad trace
    // is reported before a bad scenario, as when the two were read one after the other.
    SideThread beside = new SideThread("polpo-check-setup");
    Future<SimulatorSetup> baselineStep =
        beside.add(() -> WorkloadInputs.baseline(workingDir, scenario, demo));
    if (dir != null) {
      beside.add(ForecastReport::prepare);
    }
    beside.start();
    TraceFiles read = WorkloadInputs.read(workingDir, traces);
    List<String> inputWarnings = read.warnings();
    Corpus corpus = Corpus.of(read.calls());
    SimulatorSetup baseline = SideThread.join(baselineStep);
    if (scenario != null) {
      WorkloadInputs.checkRemapTargets(spec.commandLine(), resolve(scenario), baseline);
    }
    List<WorkloadSimulator> setups = new ArrayList<>();
    setups.add(baseline);
    for (Path p : compare) {
      SimulatorSetup whatIf = Setups.loadOver(baseline, resolve(p));
      WorkloadInputs.checkRemapTargets(spec.commandLine(), resolve(p), whatIf);
      setups.add(whatIf);
    }
    double rate =
        sessionsPerDay != null ? sessionsPerDay : demo ? SampleWorkload.FORECAST_RATE : Double.NaN;
    ForecastSettings settings =
        new ForecastSettings(
            new Horizon(WorkloadInputs.startMillis(spec.commandLine(), start, corpus), horizonDays),
            rate,
            growth,
            runs,
            run.seed,
            run.threadCount(),
            confidence);
    boolean tty = TerminalProgress.isTerminal();
    ForecastResult result;
    try (TerminalProgress p = TerminalProgress.start("forecast", runs, err, tty)) {
      result = Forecaster.run(corpus, settings, setups, p, run.engine).withMoreWarnings(inputWarnings);
    }
    Backtest.Result bt = null;
    if (backtest) {
      try (TerminalProgress p = TerminalProgress.start("backtest", runs, err, tty)) {
        bt = Backtest.run(corpus, settings, setups.get(0), p);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--backtest: " + e.getMessage());
      }
    }
    Long budgetPicos = budget == null ? null : Money.fromUsd(budget);
    BudgetGate gate = null;
    if (failIfOver != null) {
      gate = BudgetGate.evaluate(result, budgetPicos, failIfOver);
    }
    String source = demo ? "embedded sample workload" : describe(traces);
    ForecastReport.Input in = new ForecastReport.Input(result, budgetPicos, gate, bt, source,
        ForecastReport.Workload.of(corpus, read));
    out.print(ForecastReport.terminalSummary(in));
    if (dir != null) {
      ForecastReport.write(dir, in, VersionProvider.version());
      out.println(
          "report: "
              + dir.resolve("report.html")
              + " (also summary.md, result.json and CSV tables)");
    }
    out.flush();
    return gate != null && gate.over() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private void validateFlags() {
    CommandLine cl = spec.commandLine();
    if (runs < 1 || runs > 100_000) {
      throw new CommandLine.ParameterException(cl, "--runs must be between 1 and 100000");
    }
    run.validate(cl);
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new CommandLine.ParameterException(cl, "--confidence must be above 0.5 and below 1");
    }
    if (sessionsPerDay != null && !(sessionsPerDay >= 0 && sessionsPerDay <= 10_000_000)) {
      throw new CommandLine.ParameterException(cl, "--sessions-per-day must be 0 to 10000000");
    }
    if (failIfOver != null) {
      if (budget == null) {
        throw new CommandLine.ParameterException(cl, "--fail-if-over needs --budget");
      }
      if (!failIfOver.trim().toLowerCase(java.util.Locale.ROOT).matches("mean|p[1-9][0-9]?")) {
        throw new CommandLine.ParameterException(
            cl, "--fail-if-over: unknown statistic '" + failIfOver + "': use mean or p1..p99");
      }
    }
  }

  private Path resolve(Path p) {
    return workingDir.resolve(p);
  }

  private static String describe(List<Path> files) {
    return files.size() == 1 ? files.get(0).toString() : files.size() + " trace files";
  }
}
