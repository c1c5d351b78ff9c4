package dev.polpocheck.cli;

import dev.polpocheck.redact.Redactor;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code polpo-check validate} without picocli, for the plain invocations pre-commit and CI make
 * ({@code validate [--format F] [--strict] ... FILE...}).
 *
 * <p>Why: picocli's own start-up (its class initialisation, converters and help model, and the
 * JDK generating proxy classes for its annotations, which JDK 17's class-data sharing cannot
 * archive) was about a quarter of a one-file run's CPU (reports/validate-startup.md §9). A
 * pre-commit hook pays it on every commit.
 *
 * <p>The rule that keeps this safe: it accepts only arguments whose meaning is plain (exact option
 * names from {@link #VALUED} and {@link #FLAGS}, each single-valued option once, values that do not
 * look like options, operands that are neither options nor {@code @files}) and hands everything
 * else to picocli untouched: help and version, {@code --debug}, {@code --env} and {@code
 * --severity} (their {@code KEY=VALUE} maps), {@code --}, clustered short options, and any usage
 * error the command finds afterwards (an unknown {@code --format}, say), which picocli then
 * reports as always. Nothing is written before that hand-over. {@code DirectValidateProperties}
 * checks that every argument list accepted here sets the command's fields exactly as picocli's
 * parse of the same list does.
 */
final class DirectValidate {
  /** Options that take one value ({@code --disable} may repeat; the others may not). */
  static final List<String> VALUED = List.of("--format", "-o", "--output", "--kind", "--polpo",
      "--fail-on", "--color", "--disable", "--config", "--env-file", "--auth-profiles", "--now");

  /** Options without a value. */
  static final List<String> FLAGS = List.of("--strict", "--no-snippet", "--require-env");

  private DirectValidate() {}

  /**
   * Runs {@code args} as {@code validate} and returns its exit code, or null when picocli must
   * run them instead (nothing has been written then).
   */
  static Integer run(String[] args, PrintWriter out, PrintWriter err) {
    ValidateCommand command = parse(args);
    if (command == null) {
      return null;
    }
    Redactor redactor = Redactor.forRun();
    PrintWriter maskedOut = MaskedWriter.of(out, redactor);
    PrintWriter maskedErr = MaskedWriter.of(err, redactor);
    command.direct = new ValidateCommand.Direct(maskedOut, redactor);
    try {
      return command.call();
    } catch (ValidateCommand.DirectUsageError e) {
      return null;
    } catch (RuntimeException e) {
      return PolpoCheckCommand.reportFailure(e, maskedErr, false);
    } finally {
      // the masker holds a line until it ends; a last line without a newline is written now
      maskedOut.flush();
      maskedErr.flush();
    }
  }

  /**
   * The command with its fields set from {@code args} as picocli would set them, or null when
   * {@code args} are not a plain {@code validate} invocation.
   */
  static ValidateCommand parse(String[] args) {
    if (args.length == 0 || !args[0].equals("validate") || picocliConfigured()) {
      return null;
    }
    ValidateCommand c = new ValidateCommand();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("@")) {
        return null; // picocli reads an @file's lines as arguments
      }
      if (!a.startsWith("-")) {
        Path p = path(a);
        if (p == null) {
          return null;
        }
        c.paths.add(p);
        continue;
      }
      int eq = a.indexOf('=');
      String name = eq > 0 ? a.substring(0, eq) : a;
      if (FLAGS.contains(name) && eq < 0 && seen.add(name)) {
        setFlag(c, name);
        continue;
      }
      if (!VALUED.contains(name)) {
        return null;
      }
      String value;
      if (eq > 0) {
        value = a.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return null;
      }
      if (value.startsWith("-") || value.startsWith("@")
          || (!name.equals("--disable") && !seen.add(canonical(name)))
          || !setValue(c, name, value)) {
        return null;
      }
    }
    return c;
  }

  /** picocli reads settings such as {@code picocli.trimQuotes} from system properties. */
  private static boolean picocliConfigured() {
    for (Object key : System.getProperties().keySet()) {
      if (key.toString().startsWith("picocli.")) {
        return true;
      }
    }
    return false;
  }

  private static String canonical(String name) {
    return name.equals("-o") ? "--output" : name;
  }

  private static void setFlag(ValidateCommand c, String name) {
    switch (name) {
      case "--strict":
        c.strict = true;
        break;
      case "--no-snippet":
        c.noSnippet = true;
        break;
      default:
        c.requireEnv = true;
        break;
    }
  }

  /** Sets option {@code name}; false when its value is not a path picocli could convert. */
  private static boolean setValue(ValidateCommand c, String name, String value) {
    switch (name) {
      case "--format":
        c.format = value;
        return true;
      case "--kind":
        c.kind = value;
        return true;
      case "--polpo":
        c.polpo = value;
        return true;
      case "--fail-on":
        c.failOn = value;
        return true;
      case "--color":
        c.color = value;
        return true;
      case "--now":
        c.now = value;
        return true;
      case "--disable":
        c.disable.add(value);
        return true;
      case "-o":
      case "--output":
        return (c.output = path(value)) != null;
      case "--config":
        return (c.rulesFile = path(value)) != null;
      case "--env-file":
        return (c.envFile = path(value)) != null;
      default: // --auth-profiles
        return (c.authProfiles = path(value)) != null;
    }
  }

  /** picocli converts with {@code Paths.get}; a string it refuses is picocli's to report. */
  private static Path path(String s) {
    try {
      return Path.of(s);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
