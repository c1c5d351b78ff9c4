package dev.polpocheck.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Usage errors as the README promises them: one line, {@code polpo-check: error: message (see
 * 'polpo-check validate --help')}, exit 2 — not picocli's message followed by sixty lines of
 * usage. The line goes to the command's error writer, so it is masked like every other output.
 */
final class UsageErrors {
  private UsageErrors() {}

  /** Prints {@code ex} as one line and returns the usage exit code. */
  static int handle(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    // A bad --env value is quoted back by picocli; it may have come from an @file, which the
    // command line's own look at --env arguments did not see.
    if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec
        && ((CommandLine.Model.OptionSpec) ex.getArgSpec()).longestName().equals("--env")) {
      PolpoCheckCommand.redactor(cl.getCommandSpec()).addSecret(ex.getValue());
    }
    cl.getErr()
        .println(
            "polpo-check: error: "
                + oneLine(ex.getMessage())
                + suggestion(ex)
                + " (see '"
                + cl.getCommandSpec().qualifiedName()
                + " --help')");
    cl.getErr().flush();
    return ExitCodes.USAGE;
  }

  /**
   * Runs the last subcommand given, as picocli does by default, but first refuses arguments nothing
   * matched: picocli lets them pass when {@code --help} is also given, so {@code polpo-check
   * NOSUCHCMD --help} printed the top-level help and exited 0.
   */
  static int executeStrictly(ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (!pr.unmatched().isEmpty()) {
        throw new CommandLine.UnmatchedArgumentException(
            pr.commandSpec().commandLine(), pr.unmatched());
      }
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  private static String suggestion(ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException) {
      List<String> s = ((CommandLine.UnmatchedArgumentException) ex).getSuggestions();
      if (!s.isEmpty()) {
        return "; did you mean '" + s.get(0) + "'?";
      }
    }
    return "";
  }

  /** picocli's message on one line, without its doubled "option option". */
  static String oneLine(String message) {
    String m = message == null ? "bad usage" : message.strip();
    return m.replace("option option", "option").replaceAll("\\s*\\R\\s*", "; ");
  }
}
