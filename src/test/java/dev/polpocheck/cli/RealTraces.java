package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real traces under {@code ../shared}: a test that needs them fails under CI ({@code CI=true},
 * where {@code ../shared} is always laid beside the checkout), and is skipped only on a developer
 * machine without them, so a missing corpus can never turn the CI check into a skip.
 */
final class RealTraces {
  private RealTraces() {}

  static void requireOrSkip(Path dir) {
    if (Files.isDirectory(dir)) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(dir + " is missing under CI=true: the real traces of ../shared must be there");
    }
    Assumptions.assumeTrue(false, dir + " absent outside CI: skipped");
  }
}
