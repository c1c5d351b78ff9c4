package dev.polpocheck.cli;

import dev.polpocheck.forecast.Corpus;
import dev.polpocheck.forecast.SampleWorkload;
import dev.polpocheck.forecast.Setups;
import dev.polpocheck.forecast.SimulatorSetup;
import dev.polpocheck.forecast.TraceFiles;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.catalog.PriceEntry;
import dev.polpocheck.config.Suggestions;
import dev.polpocheck.sim.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine;

/**
 * Input handling that {@code forecast} and {@code capacity} share: the workload, the first replayed
 * day and the baseline setup, so both commands read TRACES, {@code --start} and {@code --scenario}
 * the same way.
 */
final class WorkloadInputs {
  private static final long DAY_MILLIS = 86_400_000L;

  private WorkloadInputs() {}

  /**
   * The first replayed instant in epoch millis: midnight UTC of {@code start} (YYYY-MM-DD), or,
   * without it, the first midnight at or after the corpus ends; a malformed date is a usage error.
   */
  static long startMillis(CommandLine cl, String start, Corpus corpus) {
    if (start == null) {
      return -Math.floorDiv(-corpus.endMillis(), DAY_MILLIS) * DAY_MILLIS;
    }
    try {
      return LocalDate.parse(start).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(
          cl, "--start: '" + start + "' is not a date (YYYY-MM-DD)");
    }
  }

  /**
   * The workload's calls: the TRACES files resolved against {@code workingDir}, or, with none, the
   * embedded sample workload (which has no read warnings).
   */
  static TraceFiles read(Path workingDir, List<Path> traces) {
    if (traces.isEmpty()) {
      return new TraceFiles(SampleWorkload.shipped(), List.of());
    }
    return TraceFiles.read(traces.stream().map(workingDir::resolve).toList());
  }

  /**
   * Rejects a scenario file whose {@code remap} sends calls to a model its price catalog does not
   * know, as a usage error naming {@code file:line:col} with the closest ids: replayed on an
   * unknown model the calls would cost nothing, and a misspelt what-if would show as a 100 %
   * saving.
   */
  static void checkRemapTargets(CommandLine cl, Path file, SimulatorSetup setup) {
    PriceCatalog catalog = Setups.catalogOf(setup.scenario());
    for (Scenario.Remap r : setup.scenario().remaps()) {
      if (catalog.find(r.toProvider(), r.toModel()).isPresent()) {
        continue;
      }
      String target = r.toProvider() + ":" + r.toModel();
      List<String> known = new ArrayList<>();
      for (PriceEntry e : catalog.list()) {
        if (e.price().provider().equals(r.toProvider())) {
          known.add(e.price().provider() + ":" + e.price().model());
          e.aliases().forEach(a -> known.add(e.price().provider() + ":" + a));
        }
      }
      String help = Suggestions.didYouMean(target, known);
      throw new CommandLine.ParameterException(cl, position(file, "\"" + target + "\"")
          + ": remap target \"" + target + "\" is not a model of the price catalog \""
          + catalog.name() + "\"" + (help.isEmpty() ? " (polpo-check prices list shows them)"
              : "; " + help));
    }
  }

  /** {@code file:line:col} of the first occurrence of {@code text} in the file, else the file. */
  private static String position(Path file, String text) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8);
      int at = s.indexOf(text);
      if (at < 0) {
        return file.toString();
      }
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (s.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return file + ":" + line + ":" + (at - lineStart + 1);
    } catch (IOException e) {
      return file.toString();
    }
  }

  /**
   * The baseline setup: the {@code --scenario} file resolved against {@code workingDir} when given,
   * else the sample setup for the embedded demo workload, else the defaults.
   */
  static SimulatorSetup baseline(Path workingDir, Path scenario, boolean demo) {
    if (scenario != null) {
      return Setups.load(workingDir.resolve(scenario));
    }
    return demo ? Setups.sample() : Setups.defaults();
  }
}
