package dev.polpocheck.cli;

import dev.polpocheck.forecast.CapacitySearch;
import dev.polpocheck.forecast.Corpus;
import dev.polpocheck.forecast.Horizon;
import dev.polpocheck.forecast.SampleWorkload;
import dev.polpocheck.forecast.Setups;
import dev.polpocheck.forecast.SimulatorSetup;
import dev.polpocheck.report.CapacityReport;
import dev.polpocheck.report.TerminalProgress;
import dev.polpocheck.sim.Scenario;
import dev.polpocheck.sim.limits.RateLimitTiers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polpo-check capacity}: the smallest credential setup that carries a workload. */
@Command(
    name = "capacity",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Find the smallest setup (organisations x tier or plan, profiles per organisation) that"
          + " carries the traces' workload at a target rate within the objectives, and each"
          + " candidate's throughput ceiling and load-vs-delay curve; for the chosen setup and"
          + " the next candidate, the headroom above the target (ceiling / target - 1).",
      "Exit 0 when a candidate meets the objectives, 1 when none does. With no TRACES it uses"
          + " the embedded sample workload at 500 sessions/day."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  polpo-check capacity",
      "  polpo-check capacity traces/ --sessions-per-day 2000 --max-p95-delay 2s"
          + " --max-429-rate 1%% --max-failed 0 --report out/"
    })
final class CapacityCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The directory relative paths resolve against (tests point it elsewhere). */
  Path workingDir = Path.of("");

  @Parameters(
      arity = "0..*",
      paramLabel = "TRACES",
      description = "Trace files or directories. None: the embedded sample.")
  List<Path> traces = new ArrayList<>();

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "The base setup; its profiles are replaced by each candidate's.")
  Path scenario;

  @Option(
      names = "--sessions-per-day",
      paramLabel = "N",
      description = "Target load (default: the traces' own rate; 500 for the sample).")
  Double sessionsPerDay;

  @Option(
      names = "--horizon",
      paramLabel = "DAYS",
      defaultValue = "1d",
      converter = Durations.Horizon.class,
      description = "Period replayed per run (default: ${DEFAULT-VALUE}).")
  int horizonDays;

  @Option(
      names = "--start",
      paramLabel = "DATE",
      description = "First day replayed, YYYY-MM-DD UTC (default: the day after the traces end).")
  String start;

  @Option(
      names = "--max-p95-delay",
      paramLabel = "TIME",
      defaultValue = "2s",
      converter = Durations.Millis.class,
      description = "Largest P95 added delay per call (default: ${DEFAULT-VALUE}).")
  long maxP95Delay;

  @Option(
      names = "--max-429-rate",
      paramLabel = "SHARE",
      defaultValue = "1%",
      converter = Durations.Share.class,
      description = "Largest share of 429 responses per call (default: ${DEFAULT-VALUE}).")
  double max429Rate;

  @Option(
      names = "--max-failed",
      paramLabel = "N",
      defaultValue = "0",
      description = "Largest number of failed calls (default: ${DEFAULT-VALUE}).")
  long maxFailed;

  @Option(
      names = "--tiers",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "tier1,tier2,tier3,tier4",
      description =
          "Tiers (or plan names of the scenario) to try, lowest first: tier1..tier4, the 2026"
              + " start, build, scale, or evaluation, custom with the scenario's tierLimits"
              + " (default: ${DEFAULT-VALUE}).")
  List<String> tiers;

  @Option(
      names = "--max-organisations",
      paramLabel = "N",
      defaultValue = "8",
      description = "Most organisations to try (default: ${DEFAULT-VALUE}).")
  int maxOrganisations;

  @Option(
      names = "--profiles-per-organisation",
      paramLabel = "N",
      defaultValue = "1",
      description = "API-key profiles in each organisation, fixed (default: ${DEFAULT-VALUE}).")
  int profilesPerOrganisation;

  @Option(
      names = "--max-profiles-per-organisation",
      paramLabel = "N",
      description = "Search 1 to N profiles in each organisation instead of a fixed number;"
          + " smallest = fewest profiles in all, then lowest tier, then fewest organisations.")
  Integer maxProfilesPerOrganisation;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Sampled workloads per candidate and load (default: ${DEFAULT-VALUE}).")
  int runs;

  @CommandLine.Mixin SeedThreadsOptions run = new SeedThreadsOptions();

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Write report.html, summary.md, result.json and a CSV table to DIR.")
  Path report;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CommandLine cl = spec.commandLine();
    if (runs < 1 || runs > 10_000) {
      throw new CommandLine.ParameterException(cl, "--runs must be between 1 and 10000");
    }
    run.validate(cl);
    if (maxOrganisations < 1 || maxOrganisations > 100) {
      throw new CommandLine.ParameterException(cl, "--max-organisations must be 1 to 100");
    }
    if (profilesPerOrganisation < 1 || profilesPerOrganisation > 100) {
      throw new CommandLine.ParameterException(cl, "--profiles-per-organisation must be 1 to 100");
    }
    int fewestProfiles = profilesPerOrganisation;
    int mostProfiles = profilesPerOrganisation;
    if (maxProfilesPerOrganisation != null) {
      if (cl.getParseResult().hasMatchedOption("--profiles-per-organisation")) {
        throw new CommandLine.ParameterException(cl, "give either --profiles-per-organisation"
            + " (a fixed number) or --max-profiles-per-organisation (searched from 1), not both");
      }
      if (maxProfilesPerOrganisation < 1 || maxProfilesPerOrganisation > 100) {
        throw new CommandLine.ParameterException(
            cl, "--max-profiles-per-organisation must be 1 to 100");
      }
      fewestProfiles = 1;
      mostProfiles = maxProfilesPerOrganisation;
    }
    if (report != null) {
      ReportDirs.checkWritable(workingDir.resolve(report));
    }
    if (maxFailed < 0) {
      throw new CommandLine.ParameterException(cl, "--max-failed must be 0 or more");
    }
    if (sessionsPerDay != null && !(sessionsPerDay > 0 && sessionsPerDay <= 10_000_000)) {
      throw new CommandLine.ParameterException(cl, "--sessions-per-day must be above 0");
    }
    boolean demo = traces.isEmpty();
    Corpus corpus = Corpus.of(WorkloadInputs.read(workingDir, traces).calls());
    SimulatorSetup base = WorkloadInputs.baseline(workingDir, scenario, demo);
    if (scenario != null) {
      WorkloadInputs.checkRemapTargets(cl, workingDir.resolve(scenario), base);
    }
    Scenario baseScenario = base.scenario();
    RateLimitTiers tierTable = RateLimitTiers.anthropic().with(baseScenario.tierLimits());
    for (String t : tiers) {
      boolean known = "unlimited".equals(t) || tierTable.tierNames().contains(t);
      if (!known && !baseScenario.plans().containsKey(t)) {
        throw new CommandLine.ParameterException(
            cl,
            "--tiers: '"
                + t
                + "' is neither a tier"
                + " (tier1..tier4, evaluation, start, build, scale, custom, unlimited) nor a plan"
                + " of the scenario "
                + baseScenario.plans().keySet());
      }
      if (!"unlimited".equals(t)
          && !baseScenario.plans().containsKey(t)
          && !tierTable.hasRateLimits(t)) {
        // Evaluation and Custom publish no limits: searched without them, they would "fit" on
        // their spend cap alone
        throw new CommandLine.ParameterException(
            cl,
            "--tiers: '"
                + t
                + "' has no rate limits Anthropic publishes (2026 Evaluation and Custom); give"
                + " them in the scenario's tierLimits."
                + t
                + " (the Console's Rate limits page shows them)");
      }
    }
    double target =
        sessionsPerDay != null
            ? sessionsPerDay
            : demo ? SampleWorkload.FORECAST_RATE : corpus.sessionsPerDay();
    CapacitySearch.Settings settings =
        new CapacitySearch.Settings(
            new Horizon(WorkloadInputs.startMillis(spec.commandLine(), start, corpus), horizonDays),
            target,
            runs,
            run.seed,
            run.threadCount(),
            tiers,
            maxOrganisations,
            fewestProfiles,
            mostProfiles,
            new CapacitySearch.Objective(maxP95Delay, max429Rate, maxFailed));
    String provider = "anthropic";
    CapacitySearch.Result result;
    try (TerminalProgress p =
        TerminalProgress.start(
            "capacity",
            CapacitySearch.runsFor(settings, CapacitySearch.candidates(settings).size()),
            err,
            TerminalProgress.isTerminal(),
            true)) {
      result =
          CapacitySearch.run(
              corpus, settings, c -> Setups.of(c.label(), c.apply(baseScenario, provider)), p,
              run.engine);
    }
    String source = demo ? "embedded sample workload" : TraceInputOptions.describe(traces);
    CapacityReport.Input in = new CapacityReport.Input(result, source);
    out.print(CapacityReport.terminalSummary(in));
    if (report != null) {
      Path dir = workingDir.resolve(report);
      CapacityReport.write(dir, in, VersionProvider.version());
      out.println(
          "report: "
              + dir.resolve("report.html")
              + " (also summary.md, result.json and candidates.csv)");
    }
    out.flush();
    return result.chosen() != null ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
