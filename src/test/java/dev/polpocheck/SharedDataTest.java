package dev.polpocheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The real-data tests fail under CI when ../shared is missing, and are skipped elsewhere. */
class SharedDataTest {

  @Test
  void missingDirectory_underCi_failsTheTest(@TempDir Path tmp) {
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> SharedData.check(tmp.resolve("no"), true));
    assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
  }

  @Test
  void missingDirectory_outsideCi_skipsTheTest(@TempDir Path tmp) {
    assertThrows(TestAbortedException.class, () -> SharedData.check(tmp.resolve("no"), false));
  }

  @Test
  void presentDirectory_isReturnedInAndOutsideCi(@TempDir Path tmp) {
    assertEquals(tmp, SharedData.check(tmp, true));
    assertEquals(tmp, SharedData.check(tmp, false));
  }
}
