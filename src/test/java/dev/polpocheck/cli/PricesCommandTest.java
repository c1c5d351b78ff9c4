package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code polpo-check prices list|show|diff}: a user can see every catalog with its date, one model
 * across catalogs, and where Polpo's documentation disagrees with Anthropic.
 */
class PricesCommandTest {
  private static String[] run(String... args) {
    CommandLine cl = PolpoCheckCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void list_namesEveryCatalogWithItsDate_andTheDefault() {
    String[] r = run("prices", "list");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("list (default)"), r[1]);
    assertTrue(
        r[1].lines().anyMatch(l -> l.startsWith("deepseek ") && l.contains("2026-04-01")), r[1]);
    assertTrue(r[1].lines().anyMatch(l -> l.startsWith("pi-ai ")), r[1]);
  }

  @Test
  void listOneCatalog_showsRatesAndInvariantWarnings() {
    String[] r = run("prices", "list", "--prices", "pi-ai");
    assertEquals("0", r[0], r[2]);
    assertTrue(
        r[1].contains(
            "warning: anthropic:claude-opus-4-6: 1-hour cache write is $6.25/MTok,"
                + " Anthropic's rule gives $10 (2 x input)"),
        r[1]);
  }

  @Test
  void show_findsADatedIdInEveryCatalogThatListsIt() {
    String[] r = run("prices", "show", "claude-sonnet-4-5-20250929");
    assertEquals("0", r[0], r[2]);
    assertTrue(
        r[1].lines()
            .anyMatch(l -> l.startsWith("anthropic ") && l.contains("> 200000: 6/22.5/7.5/12/0.6")),
        r[1]);
    assertTrue(r[1].lines().anyMatch(l -> l.startsWith("polpo-docs ")), r[1]);
    assertTrue(r[1].lines().anyMatch(l -> l.startsWith("pi-ai ")), r[1]);
  }

  @Test
  void show_unknownModel_exitsThree() {
    String[] r = run("prices", "show", "gpt-99");
    assertEquals("3", r[0]);
    assertTrue(r[2].contains("no catalog has a price for 'gpt-99'"), r[2]);
  }

  @Test
  void diff_anthropicVsPiAi_pairsUndatedIdsWithDatedOnes() {
    String[] r = run("prices", "diff", "anthropic", "pi-ai");
    assertEquals("0", r[0], r[2]);
    // pi-ai 0.58.3 lists Claude 3.x only under dated ids (polpo-semantics.md section 19.1), which
    // are aliases of Anthropic's rows: the models are in both catalogs.
    String onlyA = r[1].lines().filter(l -> l.startsWith("only in A:")).findFirst().orElse("");
    for (String m : new String[] {"claude-3-7-sonnet", "claude-3-5-haiku", "claude-3-opus"}) {
      assertFalse(onlyA.contains("anthropic:" + m + ","), m + "\n" + r[1]);
      assertFalse(onlyA.endsWith("anthropic:" + m), m + "\n" + r[1]);
    }
    String onlyB = r[1].lines().filter(l -> l.startsWith("only in B:")).findFirst().orElse("");
    assertFalse(onlyB.contains("claude-3-haiku-20240307"), r[1]);
    // Sonnet 3.7: Anthropic's 1-hour write is 2 x $3 = $6, pi-ai has one write price, $3.75
    assertTrue(
        r[1].lines()
            .anyMatch(
                l ->
                    l.startsWith("anthropic:claude-3-7-sonnet ")
                        && l.contains("write 1h")
                        && l.trim().endsWith("-2.25")),
        r[1]);
  }

  @Test
  void diff_polpoDocsVsAnthropic_showsTheTwoWrongRows() {
    String[] r = run("prices", "diff", "polpo-docs", "anthropic");
    assertEquals("0", r[0], r[2]);
    // Opus 4.6: docs $15 input, Anthropic $5 -> B - A = -10
    assertTrue(
        r[1].lines()
            .anyMatch(
                l ->
                    l.startsWith("anthropic:claude-opus-4-6")
                        && l.contains("input")
                        && l.trim().endsWith("-10")),
        r[1]);
    // Haiku 4.5: docs $0.80, Anthropic $1 -> +0.2
    assertTrue(
        r[1].lines()
            .anyMatch(
                l ->
                    l.startsWith("anthropic:claude-haiku-4-5-20251001")
                        && l.contains("input")
                        && l.trim().endsWith("0.2")),
        r[1]);
    assertTrue(
        r[1].lines()
            .anyMatch(
                l ->
                    l.startsWith("anthropic:claude-sonnet-4-5-20250929")
                        && l.contains("prompt tiers")),
        r[1]);
  }
}
