package dev.polpocheck.cli;

import dev.polpocheck.forecast.Corpus;
import dev.polpocheck.forecast.SampleWorkload;
import dev.polpocheck.forecast.Setups;
import dev.polpocheck.forecast.SimulatorSetup;
import dev.polpocheck.forecast.TraceFiles;
import java.nio.file.Path;
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
