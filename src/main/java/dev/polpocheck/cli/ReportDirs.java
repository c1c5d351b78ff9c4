package dev.polpocheck.cli;

import dev.polpocheck.IoErrors;
import dev.polpocheck.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a {@code --report} directory before the work starts: a path that cannot be written is
 * found in a second, not after a Monte Carlo run of several minutes.
 */
final class ReportDirs {
  private ReportDirs() {}

  /**
   * Creates {@code dir} when missing and checks that files can be written in it.
   *
   * @throws UserInputException with the same words the report writer would use
   */
  static void checkWritable(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".polpo-check-", ".probe");
      Files.delete(probe);
    } catch (IOException e) {
      throw new UserInputException(dir + ": cannot write the report: " + IoErrors.why(e));
    }
  }
}
