package dev.polpocheck.cli;

import dev.polpocheck.IoErrors;
import dev.polpocheck.UserInputException;
import dev.polpocheck.trace.ClaudeCodeCorpusGenerator;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Hidden {@code polpo-check generate}: writes a seeded Claude Code-shaped benchmark corpus. */
@Command(
    name = "generate",
    hidden = true,
    mixinStandardHelpOptions = true,
    description =
        "Write a synthetic Claude Code transcript corpus (projects/<project>/<session>.jsonl)"
            + " with the real-world size profile, for benchmarks and the ccusage cross-check.")
public final class GenerateCommand implements Callable<Integer> {
  private static final long MIN_FILE_BYTES = 65_536;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory (use as CLAUDE_CONFIG_DIR).")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--scale",
      defaultValue = "1.0",
      description =
          "Share of the full corpus (1.0 = 3,142 files, about 1.2 GiB). Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(
      names = "--max-file-bytes",
      defaultValue = "87000000",
      description = "Cap on one file's size, at least 65536. Default: ${DEFAULT-VALUE}.")
  long maxFileBytes;

  @Override
  public Integer call() {
    if (!(scale > 0) || scale > 10) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--scale must be in (0, 10]");
    }
    if (maxFileBytes < MIN_FILE_BYTES) {
      // below a few long transcript lines the cap cannot hold: files came out larger than it
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-file-bytes must be at least " + MIN_FILE_BYTES);
    }
    ClaudeCodeCorpusGenerator.Stats s;
    try {
      s = ClaudeCodeCorpusGenerator.generate(out, seed, scale, maxFileBytes);
    } catch (IOException e) {
      String why =
          e instanceof NoSuchFileException
              ? "a parent directory does not exist or cannot be created"
              : IoErrors.why(e);
      throw new UserInputException(out + ": cannot write the corpus here: " + why);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %d files, %d bytes, %d lines, %d billed messages under %s%n",
            s.files(), s.bytes(), s.lines(), s.messages(), out.resolve("projects"));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
