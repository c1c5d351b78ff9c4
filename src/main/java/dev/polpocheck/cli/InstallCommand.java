package dev.polpocheck.cli;

import dev.polpocheck.IoErrors;
import dev.polpocheck.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Puts a {@code polpo-check} command into a directory on the PATH, so pre-commit hooks
 * ({@code language: system}) and CI steps can call it from any working directory.
 *
 * <p>The installed file is a two-line shell script that runs this checkout's launcher (which
 * rebuilds the jar when the sources change and keeps the start-up archive) or, when the program
 * was started with {@code java -jar} directly, that jar.
 */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = "Install a polpo-check command into DIR (default: ~/.local/bin).",
    footer = {"%nExample:%n  ./polpo-check install ~/.local/bin"})
final class InstallCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Target directory.")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path target = dir != null ? dir : Paths.get(System.getProperty("user.home"), ".local", "bin");
    String launcher = System.getProperty("polpocheck.launcher");
    String command;
    if (launcher != null && Files.isExecutable(Paths.get(launcher))) {
      command = "exec " + shellQuote(Paths.get(launcher).toAbsolutePath().toString()) + " \"$@\"";
    } else {
      command = "exec java -jar " + shellQuote(ownJar().toString()) + " \"$@\"";
    }
    Path script = target.resolve("polpo-check");
    try {
      Files.createDirectories(target);
      Files.writeString(script, "#!/bin/sh\n" + command + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException e) {
        script.toFile().setExecutable(true, false);
      }
    } catch (IOException e) {
      throw new UserInputException(
          target + ": cannot install polpo-check there: " + IoErrors.why(e));
    }
    out.println("installed " + script);
    if (!onPath(target)) {
      out.println(
          "note: " + target + " is not on your PATH; add it, e.g. export PATH=\"" + target
              + ":$PATH\"");
    }
    return ExitCodes.OK;
  }

  private static boolean onPath(Path dir) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    Path want = dir.toAbsolutePath().normalize();
    return Arrays.stream(path.split(java.io.File.pathSeparator))
        .filter(s -> !s.isEmpty())
        .anyMatch(s -> Paths.get(s).toAbsolutePath().normalize().equals(want));
  }

  private static Path ownJar() {
    try {
      return Paths.get(
              InstallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath();
    } catch (java.net.URISyntaxException | SecurityException e) {
      throw new UserInputException("cannot locate the polpo-check jar to install");
    }
  }

  private static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
