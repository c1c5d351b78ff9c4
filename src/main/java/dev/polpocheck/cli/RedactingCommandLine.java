package dev.polpocheck.cli;

import dev.polpocheck.redact.Redactor;
import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The root command line, whose standard output and error always pass through the run's {@link
 * Redactor}: whatever writer is set ({@link #setOut}, {@link #setErr}, as tests do) is wrapped, and
 * picocli hands the wrapped one to every subcommand, so help, usage errors, reports and progress
 * lines all leave through the masker.
 *
 * <p>Before parsing, every {@code --env} argument is registered as a secret, whole and after its
 * {@code =}: picocli quotes a malformed one back in its error, and a well-formed one is a value
 * that must never be printed.
 */
final class RedactingCommandLine extends CommandLine {
  private final Redactor redactor;

  RedactingCommandLine(Object command, Redactor redactor) {
    super(command);
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    setOut(super.getOut());
    setErr(super.getErr());
  }

  @Override
  public CommandLine setOut(PrintWriter out) {
    return super.setOut(wrap(out));
  }

  @Override
  public CommandLine setErr(PrintWriter err) {
    return super.setErr(wrap(err));
  }

  @Override
  public int execute(String... args) {
    registerEnvArguments(args);
    try {
      return super.execute(args);
    } finally {
      // The masker holds a line until it ends; a last line without a newline is written now.
      getOut().flush();
      getErr().flush();
    }
  }

  /** Returns the run's masker, for the files a command writes itself. */
  Redactor redactor() {
    return redactor;
  }

  private PrintWriter wrap(PrintWriter w) {
    return MaskedWriter.of(w, redactor);
  }

  /** Registers the values of {@code --env VAL} and {@code --env=VAL}. */
  private void registerEnvArguments(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value = null;
      if (a.equals("--env") && i + 1 < args.length) {
        value = args[++i];
      } else if (a.startsWith("--env=")) {
        value = a.substring("--env=".length());
      }
      if (value != null) {
        redactor.addSecret(value);
        int eq = value.indexOf('=');
        if (eq >= 0) {
          redactor.addSecret(value.substring(eq + 1));
        }
      }
    }
  }
}
