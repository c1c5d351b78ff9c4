package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.UserInputException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Protects how failures reach the user: one line and exit 3, a stack trace only with --debug
 * (wherever on the command line it is given), an overflow named as such, and no secret in any of
 * it — exception messages can quote input, and --debug output lands in CI logs.
 */
class ErrorHandlingTest {
  private static final String TOKEN = "sk-ant-oat01-" + "Q".repeat(90) + "CANARY";

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @CommandLine.Option(names = "--kind")
    String kind = "internal";

    @Override
    public Integer call() {
      switch (kind) {
        case "user":
          throw new UserInputException("traces.jsonl:3:1: session " + TOKEN + " is odd");
        case "overflow":
          return (int) Math.addExact(Long.MAX_VALUE, 1L);
        default:
          throw new IllegalStateException("bad state near " + TOKEN,
              new IllegalArgumentException("cause mentions " + TOKEN));
      }
    }
  }

  private static CliRun run(String... args) {
    CommandLine cl = PolpoCheckCommand.newCommandLine();
    cl.addSubcommand("boom", new Boom());
    return CliRun.of(cl, args);
  }


  @Test
  void internalError_withoutDebug_isOneRedactedLineAndExitThree() {
    CliRun r = run("boom");
    assertEquals(ExitCodes.IO_OR_INTERNAL, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("polpo-check: internal error: IllegalStateException: bad state"
        + " near sk-ant-oat01-…"), r.err());
    assertTrue(r.err().contains("run with --debug"), r.err());
    assertFalse(r.err().contains("CANARY"), r.err());
  }

  @Test
  void debug_afterTheSubcommand_printsRedactedStackTraceWithCause() {
    CliRun r = run("boom", "--debug");
    assertEquals(ExitCodes.IO_OR_INTERNAL, r.exit());
    assertTrue(r.err().contains("\tat dev.polpocheck.cli.ErrorHandlingTest$Boom.call"), r.err());
    assertTrue(r.err().contains("Caused by: java.lang.IllegalArgumentException: cause mentions"),
        r.err());
    assertFalse(r.err().contains("CANARY"), r.err());
  }

  @Test
  void debug_beforeTheSubcommand_alsoPrintsStackTrace() {
    CliRun r = run("--debug", "boom");
    assertTrue(r.err().contains("\tat "), r.err());
  }

  @Test
  void userError_withSecretInMessage_isOneRedactedLine() {
    CliRun r = run("boom", "--kind", "user");
    assertEquals(ExitCodes.IO_OR_INTERNAL, r.exit());
    assertEquals("polpo-check: error: traces.jsonl:3:1: session sk-ant-oat01-… is odd",
        r.err().strip());
  }

  @Test
  void overflow_inExactArithmetic_isNamedNotAnInternalError() {
    CliRun r = run("boom", "--kind", "overflow");
    assertEquals(ExitCodes.IO_OR_INTERNAL, r.exit());
    assertTrue(r.err().startsWith("polpo-check: error: a total is too large to add up exactly"),
        r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
