package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Protects the top-level contract users and scripts rely on: help and version exit 0, usage
 * errors exit 2 with a message and no stack trace, and the exit codes are listed in the help.
 */
class TopLevelCommandTest {
  @Test
  void help_always_listsExitCodesAndExitsZero() {
    CliRun r = CliRun.of("--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("Exit codes:"), r.out());
    assertTrue(r.out().contains("3   could not run"), r.out());
  }

  @Test
  void version_always_printsBuildVersion() {
    CliRun r = CliRun.of("--version");
    assertEquals(0, r.exit());
    assertTrue(r.out().startsWith("polpo-check "), r.out());
    assertFalse(r.out().contains("unknown"), "version comes from the filtered build properties");
  }

  @Test
  void unknownOption_anywhere_isUsageErrorTwo() {
    CliRun r = CliRun.of("--no-such-flag");
    assertEquals(ExitCodes.USAGE, r.exit());
    assertTrue(r.err().contains("Unknown option: '--no-such-flag'"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void noSubcommand_givenNothing_isUsageErrorTwo() {
    CliRun r = CliRun.of();
    assertEquals(ExitCodes.USAGE, r.exit());
    assertTrue(r.err().contains("Missing subcommand"), r.err());
  }

  @Test
  void everySubcommandHelp_rendersWithoutPicocliFormatWarnings() {
    // picocli reports an unescaped '%' in help text on System.err, outside the command's writers.
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (String name : PolpoCheckCommand.newCommandLine().getSubcommands().keySet()) {
        CliRun r = CliRun.of(name, "--help");
        assertEquals(0, r.exit(), name + ": " + r.err());
        assertFalse(r.out().isBlank(), name);
      }
    } finally {
      System.setErr(saved);
    }
    String warnings = captured.toString(StandardCharsets.UTF_8);
    assertFalse(warnings.contains("[picocli WARN]"), warnings);
  }
}
