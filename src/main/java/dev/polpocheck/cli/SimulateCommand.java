package dev.polpocheck.cli;

import dev.polpocheck.catalog.ModelCatalog;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.sim.PriceLookup;
import dev.polpocheck.sim.Scenario;
import dev.polpocheck.sim.ScenarioFiles;
import dev.polpocheck.sim.SimOptions;
import dev.polpocheck.sim.SimOutput;
import dev.polpocheck.sim.SimResult;
import dev.polpocheck.sim.Simulation;
import dev.polpocheck.sim.limits.RateLimitTiers;
import dev.polpocheck.sim.rotation.SelectorKind;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.ReadSummary;
import dev.polpocheck.trace.TraceReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code polpo-check simulate}: replays traces through Polpo's rotation, limits and caching. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Replay recorded LLM calls through Polpo's credential rotation, retries, rate limits,"
          + " billing-disable and prompt caching, and report what the workload costs and suffers.",
      "Without --scenario: Polpo 0.3.x as coded, environment keys at Tier 4, 5-minute cache."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  polpo-check simulate traces/",
      "  polpo-check simulate runs/*.jsonl --scenario two-accounts.json --format json",
      "  polpo-check simulate traces/ --scenario s.json --seed 7 --selector reference"
    })
public final class SimulateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description =
          "Scenario file (schemas/scenario.schema.json); keys it omits take the defaults.")
  Path scenario;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Seed of every random choice (jitter, refresh failures). Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--selector",
      defaultValue = "fast",
      paramLabel = "KIND",
      description =
          "Rotation selector implementation: fast or reference (they agree). Default:"
              + " ${DEFAULT-VALUE}.")
  String selector;

  @Option(
      names = "--prices",
      paramLabel = "NAME|FILE",
      description =
          "Price catalog (as in cost); overrides the scenario's \"prices\". Default: list.")
  String prices;

  @Option(
      names = "--assume-1h-share",
      defaultValue = "0.8",
      paramLabel = "SHARE",
      description =
          "As in cost: share of unsplit recorded cache writes priced as 1-hour writes (only the"
              + " as-recorded cache mode keeps recorded writes). Default: ${DEFAULT-VALUE}.")
  BigDecimal assume1hShare;

  @Option(
      names = "--strict",
      description = "Fail on the first bad trace record instead of skipping and counting it.")
  boolean strict;

  @CommandLine.Mixin TraceInputOptions input = new TraceInputOptions();

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description =
          "Also write report.html (charts), summary.md, result.json and CSV tables to DIR.")
  Path report;

  @Override
  public Integer call() {
    SelectorKind kind =
        switch (selector) {
          case "fast" -> SelectorKind.FAST;
          case "reference" -> SelectorKind.REFERENCE;
          default -> throw usage("--selector '" + selector + "': expected fast or reference");
        };
    if (assume1hShare.signum() < 0
        || assume1hShare.compareTo(BigDecimal.ONE) > 0
        || assume1hShare.movePointRight(4).stripTrailingZeros().scale() > 0) {
      throw usage(
          "--assume-1h-share "
              + assume1hShare
              + " must be between 0 and 1 with at most 4 decimals");
    }
    int share = assume1hShare.movePointRight(4).intValueExact();
    if (report != null) {
      ReportDirs.checkWritable(report);
    }
    Scenario sc = scenario == null ? ScenarioFiles.defaults() : ScenarioFiles.load(scenario);
    String priceName =
        prices != null
            ? prices
            : "bundled".equals(sc.prices()) ? PriceCatalog.DEFAULT : sc.prices();
    PriceCatalog catalog = PriceCatalog.resolve(priceName);
    List<Call> calls = new ArrayList<>();
    ReadSummary read = new TraceReader(strict, 2).read(input.traces, calls::add);
    SimOptions options =
        new SimOptions(
            PriceLookup.of(catalog),
            ModelCatalog.bundled(),
            RateLimitTiers.anthropic(),
            kind,
            share);
    SimResult result = Simulation.run(calls, sc, seed, options);
    SimOutput out = new SimOutput(result, read, catalog, input.sources(), share);
    String text =
        switch (input.format) {
          case json -> out.json(VersionProvider.version());
          case csv -> out.csv();
          case text -> out.text();
        };
    spec.commandLine().getOut().print(text);
    if (report != null) {
      dev.polpocheck.report.SimulateReport.write(
          report,
          result,
          out.json(VersionProvider.version()),
          TraceInputOptions.describe(input.traces),
          VersionProvider.version());
      spec.commandLine().getErr().println("report: " + report.resolve("report.html"));
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
