package dev.polpocheck.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/** Entry point: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args, writer(System.out, "sun.stdout.encoding"),
        writer(System.err, "sun.stderr.encoding")));
  }

  /**
   * Runs {@code args} writing to {@code out} and {@code err}: a plain {@code validate} directly
   * ({@link DirectValidate}: pre-commit's case, without picocli's start-up), anything else
   * through picocli.
   */
  static int execute(String[] args, PrintWriter out, PrintWriter err) {
    Integer direct = DirectValidate.run(args, out, err);
    if (direct != null) {
      return direct;
    }
    CommandLine cl = PolpoCheckCommand.newCommandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  /**
   * The writer picocli would make for {@code stream}: the encoding its system property names
   * ("cp65001" being UTF-8), else the platform's; autoflush on newline (picocli 4.7.7,
   * CommandLine.getOut, getStdoutEncoding, charsetForName, newPrintWriter).
   */
  private static PrintWriter writer(OutputStream stream, String encodingProperty) {
    String name = System.getProperty(encodingProperty);
    Charset charset = Charset.defaultCharset();
    if (name != null) {
      try {
        charset = Charset.forName("cp65001".equalsIgnoreCase(name) ? "UTF-8" : name);
      } catch (RuntimeException e) {
        // picocli falls back to the platform's encoding as well
      }
    }
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
  }
}
