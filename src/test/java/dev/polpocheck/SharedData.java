package dev.polpocheck;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real data in {@code ../shared} (traces, Polpo configs) that the real-world tests read. On a
 * developer machine without it those tests are skipped; under CI ({@code CI=true}, as {@code
 * .ci/run} runs) a missing directory fails them, so the proof against real traces cannot silently
 * stop running.
 */
public final class SharedData {
  private SharedData() {}

  /** {@code ../shared/<parts...>} (system property {@code polpocheck.shared}), checked. */
  public static Path require(String... parts) {
    Path dir = Path.of(System.getProperty("polpocheck.shared", "../shared"), parts);
    return check(dir, "true".equals(System.getenv("CI")));
  }

  /** {@code dir} when it is a directory; otherwise fails under CI and skips elsewhere. */
  static Path check(Path dir, boolean ci) {
    if (!Files.isDirectory(dir)) {
      if (ci) {
        fail(dir + " is missing but CI=true: the real-data tests must run in CI");
      }
      Assumptions.abort(dir + " absent: real-data test skipped (CI runs it)");
    }
    return dir;
  }
}
