package dev.polpocheck.cli;

import dev.polpocheck.forecast.Forecaster;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --seed} and {@code --threads} options that {@code forecast} and {@code capacity}
 * share, declared once and mixed into both commands, and the engine their runs execute on (not
 * an option: {@link PolpoCheckCommand#newCommandLine(Forecaster.Engine)} sets it).
 */
final class SeedThreadsOptions {
  /** The most worker threads a run may ask for. */
  private static final int MAX_THREADS = 1024;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: the number of cores). Results do not depend on it.")
  Integer threads;

  /** Executes the runs: local threads, or a cluster when {@code polpo-check-spark} runs us. */
  Forecaster.Engine engine = Forecaster.LOCAL;

  /** Rejects a {@code --threads} value outside 1..1024 as a usage error (exit 2). */
  void validate(CommandLine cl) {
    if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
      throw new CommandLine.ParameterException(
          cl, "--threads must be between 1 and " + MAX_THREADS);
    }
  }

  /** The worker thread count: {@code --threads} when given, else the number of cores. */
  int threadCount() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }
}
