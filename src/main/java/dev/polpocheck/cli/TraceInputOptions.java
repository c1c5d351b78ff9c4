package dev.polpocheck.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The trace inputs and output format that {@code cost} and {@code simulate} share: the TRACES
 * arguments and {@code --format}, declared once and mixed into both commands.
 */
final class TraceInputOptions {
  @Parameters(arity = "1..*", paramLabel = "TRACES", description = "Trace files or directories.")
  List<Path> traces;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or csv. Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  /** The TRACES arguments as given, for the output's list of sources. */
  List<String> sources() {
    return traces.stream().map(Path::toString).toList();
  }

  /** How a report names its inputs: the one path given, else how many there are. */
  static String describe(List<Path> traces) {
    return traces.size() == 1 ? traces.get(0).toString() : traces.size() + " trace inputs";
  }
}
