package dev.polpocheck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what it prints and its exit code. */
public final class CliRunner {
  /** What one invocation printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  private CliRunner() {}

  /** Executes {@code polpo-check args...} exactly as {@link Main} would, without exiting. */
  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = PolpoCheckCommand.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
