package dev.polpocheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Protects the terminal progress bar of long forecasts: drawn on the error stream with the task
 * name and progress when attached to a terminal, and nothing at all otherwise (pipes, CI logs).
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
  void start_notATerminal_printsNothing() {
    StringWriter err = new StringWriter();
    try (TerminalProgress p = TerminalProgress.start("forecast", 4, new PrintWriter(err), false)) {
      p.runDone();
    }
    assertEquals("", err.toString());
  }
}
