package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hidden {@code polpo-check generate} on bad flags and unwritable output: a usage error exits 2
 * and names the flag, an output path that cannot be a directory exits 3 with one line naming it,
 * never an internal error.
 */
class GenerateCommandTest {
  @TempDir Path tmp;

  @Test
  void generate_outIsAFile_exitsThreeWithOneLineNamingIt() throws Exception {
    Path file = Files.writeString(tmp.resolve("afile"), "x");
    CliRun r =
        CliRun.of("generate", "--out", file.toString(), "--scale", "0.001", "--seed", "1");
    assertEquals(3, r.exit(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertTrue(r.err().startsWith("polpo-check: error: " + file), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void generate_maxFileBytesBelowOneLineOfTranscript_isAUsageError() {
    for (String v : new String[] {"0", "-5", "1000"}) {
      CliRun r =
          CliRun.of(
              "generate",
              "--out",
              tmp.resolve("g").toString(),
              "--scale",
              "0.001",
              "--max-file-bytes",
              v);
      assertEquals(2, r.exit(), v + ": " + r.err());
      assertTrue(r.err().contains("--max-file-bytes"), r.err());
    }
    assertFalse(Files.exists(tmp.resolve("g")), "nothing is written on a usage error");
  }
}
