package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Protects the start-up shortcut of {@code Main}: a run that names a subcommand builds only that
 * subcommand's model, every other run (help, no arguments, a typo) sees all twelve, and the
 * subcommand built still writes through the run's secret masker.
 */
class LazySubcommandsTest {
  private static final List<String> ALL = List.of("help", "install", "validate", "schema", "rules",
      "cost", "prices", "generate", "simulate", "forecast", "capacity", "record");

  @Test
  void namedSubcommand_afterTopLevelOptions_isTheOnlyOneBuilt() {
    CommandLine cl = PolpoCheckCommand.newCommandLine("--debug", "validate", "x.json");
    assertEquals(Set.of("validate"), cl.getSubcommands().keySet());
  }

  @Test
  void helpNoArgumentsOrTypo_buildEverySubcommandInHelpOrder() {
    for (String[] args : List.of(new String[] {"help", "validate"}, new String[0],
        new String[] {"validat"}, new String[] {"--help"})) {
      assertEquals(ALL, List.copyOf(PolpoCheckCommand.newCommandLine(args).getSubcommands()
          .keySet()));
    }
  }

  @Test
  void namedSubcommand_writesThroughTheRootsMaskedWriters() {
    // picocli gives a subcommand the writers set before it was added; the root re-sets them
    CommandLine cl = PolpoCheckCommand.newCommandLine("cost", "t.jsonl");
    CommandLine cost = cl.getSubcommands().get("cost");
    assertSame(cl.getOut(), cost.getOut());
    assertSame(cl.getErr(), cost.getErr());
  }
}
