package dev.polpocheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects the progress of long forecasts and capacity searches: a bar redrawn on the error stream
 * on a terminal; in pipes and CI logs plain lines every tenth of the runs or 30 s, never a bar.
 */
class TerminalProgressTest {

  @Test
  void start_onATerminal_drawsTheBarToTheEnd() {
    StringWriter err = new StringWriter();
    try (TerminalProgress p = TerminalProgress.start("forecast", 4, new PrintWriter(err), true)) {
      for (int i = 0; i < 4; i++) {
        p.runDone();
      }
    }
    String s = err.toString();
    assertTrue(s.contains("forecast"), s);
    assertTrue(s.contains("100%"), s);
    assertTrue(s.contains("4/4"), s);
    assertTrue(s.startsWith("\r"), "redrawn in place");
  }

  @Test
  void plain_200RunsOneSecondEach_printsALineEveryTenthWithNoCarriageReturn() {
    // a fake clock moving one second per run: 200 runs give a line at runs 20, 40, ..., 200
    // (each tenth) and none in between, since no 30 s pass between two tenths (20 s).
    StringWriter err = new StringWriter();
    long[] now = {0};
    try (TerminalProgress p = TerminalProgress.plain("forecast", 200, false,
        new PrintWriter(err), () -> now[0])) {
      for (int i = 0; i < 200; i++) {
        now[0] += 1_000_000_000L;
        p.runDone();
      }
    }
    List<String> lines = err.toString().lines().toList();
    assertEquals(10, lines.size(), err.toString());
    assertEquals("forecast: 20 of 200 runs (10%), 20 s elapsed, about 3m00s left", lines.get(0));
    assertEquals("forecast: 200 of 200 runs (100%), 3m20s elapsed", lines.get(9));
    assertFalse(err.toString().contains("\r"), "plain lines, never redrawn");
  }

  @Test
  void plain_slowRuns_printsALineAtLeastEvery30Seconds() {
    // 1,000 runs of 10 s each: a tenth takes 1,000 s, so the 30 s rule prints a line every
    // third run (30 s) between tenths; the first comes after run 3 (30 s elapsed).
    StringWriter err = new StringWriter();
    long[] now = {0};
    try (TerminalProgress p = TerminalProgress.plain("capacity", 1_000, true,
        new PrintWriter(err), () -> now[0])) {
      for (int i = 0; i < 7; i++) {
        now[0] += 10_000_000_000L;
        p.runDone();
      }
    }
    List<String> lines = err.toString().lines().toList();
    assertEquals(List.of("capacity: 3 of at most 1,000 runs (0%), 30 s elapsed",
        "capacity: 6 of at most 1,000 runs (0%), 1m00s elapsed",
        "capacity: 7 of at most 1,000 runs (0%), 1m10s elapsed"), lines);
  }

  @Test
  void start_notATerminal_writesPlainLinesOnly() {
    StringWriter err = new StringWriter();
    try (TerminalProgress p = TerminalProgress.start("forecast", 4, new PrintWriter(err), false)) {
      p.runDone();
    }
    assertTrue(err.toString().startsWith("forecast: 1 of 4 runs (25%)"), err.toString());
    assertFalse(err.toString().contains("\r"));
  }
}
