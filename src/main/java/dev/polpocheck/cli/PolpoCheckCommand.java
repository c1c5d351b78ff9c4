package dev.polpocheck.cli;

import dev.polpocheck.UserInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code polpo-check} command: only help, version and the subcommands. */
@Command(
    name = "polpo-check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Validate Polpo configs, price agent traces exactly, replay them through Polpo's rotation,"
          + " retry, rate-limit and caching models, and forecast cost and capacity."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      InstallCommand.class,
      ValidateCommand.class,
      SchemaCommand.class,
      RulesCommand.class,
      CostCommand.class,
      PricesCommand.class,
      GenerateCommand.class,
      SimulateCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success, no findings at or above the threshold",
      "1:findings at or above the threshold, or a budget gate tripped",
      "2:usage error (bad option or argument)",
      "3:could not run (unreadable or invalid input, internal error)"
    })
public final class PolpoCheckCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces for internal errors (never secrets).")
  boolean debug;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** A command line wired with the project's exit codes and one-line error handling. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new PolpoCheckCommand());
    cl.setExecutionExceptionHandler(PolpoCheckCommand::handleException);
    return cl;
  }

  private static int handleException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    boolean debug = parseResult != null && parseResult.hasMatchedOption("--debug");
    if (ex instanceof UserInputException) {
      err.println("polpo-check: error: " + ex.getMessage());
    } else {
      err.println("polpo-check: internal error: " + ex.getClass().getSimpleName()
          + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
          + (debug ? "" : " (run with --debug for the stack trace)"));
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.IO_OR_INTERNAL;
  }
}
