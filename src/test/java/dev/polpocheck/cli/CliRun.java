package dev.polpocheck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Test helper: runs the real command line and captures exit code, stdout and stderr. */
public record CliRun(int exit, String out, String err) {

  /** Runs {@code args} as {@code Main} does (a plain validate without picocli, else picocli). */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs {@code cl} (a command line from {@link PolpoCheckCommand#newCommandLine()}). */
  static CliRun of(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Everything the user would see. */
  String all() {
    return out + err;
  }
}
