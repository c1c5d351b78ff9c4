package dev.polpocheck.cli;

import dev.polpocheck.UserInputException;
import dev.polpocheck.config.SecretScanner;
import dev.polpocheck.forecast.Forecaster;
import dev.polpocheck.redact.Redactor;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success, no findings at or above the threshold",
      "1:findings at or above the threshold, or a budget gate tripped",
      "2:usage error (bad option or argument)",
      "3:could not run (unreadable or invalid input, internal error)"
    })
public final class PolpoCheckCommand implements Runnable {
  /**
   * The subcommands, in the order help lists them. Building a subcommand's picocli model (its
   * options, help texts, converters) is most of a short run's start-up, so {@link
   * #newCommandLine(String...)} builds only the one the arguments name.
   */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    // classes, not constructor references: picocli instantiates them, and no lambda refers to
    // picocli's pre-Java-6 classes, which JDK 25's AOT cache cannot hold (its dump crashes)
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("help", CommandLine.HelpCommand.class);
    m.put("install", InstallCommand.class);
    m.put("validate", ValidateCommand.class);
    m.put("schema", SchemaCommand.class);
    m.put("rules", RulesCommand.class);
    m.put("cost", CostCommand.class);
    m.put("prices", PricesCommand.class);
    m.put("generate", GenerateCommand.class);
    m.put("simulate", SimulateCommand.class);
    m.put("forecast", ForecastCommand.class);
    m.put("capacity", CapacityCommand.class);
    m.put("record", RecordCommand.class);
    return Collections.unmodifiableMap(m);
  }

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

  /**
   * A command line wired with the project's exit codes, one-line error handling and the run's
   * secret masker on every output.
   */
  public static CommandLine newCommandLine() {
    return newCommandLine(new String[0]);
  }

  /**
   * The command line for {@code args}: with only the subcommand they name when they name one
   * (after top-level options), else with every subcommand (no arguments, {@code help}, a typo
   * that picocli's error answers with the list). What runs is the same either way.
   */
  public static CommandLine newCommandLine(String... args) {
    CommandLine cl = new RedactingCommandLine(new PolpoCheckCommand(), Redactor.forRun());
    String named = subcommandNamed(args);
    if (named != null && !named.equals("help")) {
      cl.addSubcommand(named, SUBCOMMANDS.get(named));
    } else {
      for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
        cl.addSubcommand(e.getKey(), e.getValue());
      }
    }
    // the masked writers again, now that the subcommands exist: picocli hands a writer to the
    // subcommands present when it is set
    cl.setOut(cl.getOut());
    cl.setErr(cl.getErr());
    cl.setExecutionExceptionHandler(PolpoCheckCommand::handleException);
    cl.setParameterExceptionHandler(UsageErrors::handle);
    cl.setExecutionStrategy(UsageErrors::executeStrictly);
    return cl;
  }

  /** The known subcommand the first argument that is not an option names, or null. */
  private static String subcommandNamed(String[] args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return SUBCOMMANDS.containsKey(a) ? a : null;
      }
    }
    return null;
  }

  /**
   * The same command line with the runs of {@code forecast} and {@code capacity} executed by
   * {@code engine} ({@code polpo-check-spark}): flags, checks, reports and exit codes stay the
   * CLI's own.
   */
  public static CommandLine newCommandLine(Forecaster.Engine engine) {
    CommandLine cl = newCommandLine();
    ((ForecastCommand) cl.getSubcommands().get("forecast").getCommand()).run.engine = engine;
    ((CapacityCommand) cl.getSubcommands().get("capacity").getCommand()).run.engine = engine;
    return cl;
  }

  /**
   * Returns the masker of the run {@code spec} belongs to: secrets a command learns are registered
   * there, and files it writes itself go through it. A command run outside {@link
   * #newCommandLine()} gets a masker of its own, which still masks credential shapes.
   */
  static Redactor redactor(CommandLine.Model.CommandSpec spec) {
    CommandLine root = spec.root().commandLine();
    return root instanceof RedactingCommandLine
        ? ((RedactingCommandLine) root).redactor()
        : Redactor.forRun();
  }

  private static int handleException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    return reportFailure(ex, cl.getErr(), debugRequested(parseResult));
  }

  /**
   * Prints the one line a failed command gets (its stack trace too with {@code --debug}) and
   * returns the exit code for it.
   */
  static int reportFailure(Exception ex, PrintWriter err, boolean debug) {
    if (ex instanceof UserInputException) {
      err.println("polpo-check: error: " + SecretScanner.redact(ex.getMessage()));
    } else if (ex instanceof ArithmeticException && String.valueOf(ex.getMessage()).contains("overflow")) {
      // Money and token sums use exact long arithmetic; a wrap-around would be a wrong answer.
      err.println("polpo-check: error: a total is too large to add up exactly (money is kept in"
          + " picodollars, up to about 9.2 million USD per sum); split the input");
    } else {
      err.println("polpo-check: internal error: " + ex.getClass().getSimpleName()
          + (ex.getMessage() == null ? "" : ": " + SecretScanner.redact(ex.getMessage()))
          + (debug ? "" : " (run with --debug for the stack trace)"));
    }
    if (debug) {
      printRedactedStackTrace(ex, err);
    }
    err.flush();
    return ExitCodes.IO_OR_INTERNAL;
  }

  /** {@code --debug} is inherited by every subcommand, so look along the whole chain. */
  private static boolean debugRequested(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Prints a stack trace whose messages went through the secret redactor: exception messages may
   * quote input (a model id, a trace field), and --debug output ends up in CI logs.
   */
  private static void printRedactedStackTrace(Throwable t, PrintWriter err) {
    String prefix = "";
    for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
      err.println(prefix + cur.getClass().getName()
          + (cur.getMessage() == null ? "" : ": " + SecretScanner.redact(cur.getMessage())));
      for (StackTraceElement e : cur.getStackTrace()) {
        err.println("\tat " + e);
      }
      prefix = "Caused by: ";
    }
  }

}
