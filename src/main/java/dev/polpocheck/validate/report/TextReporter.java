package dev.polpocheck.validate.report;

import dev.polpocheck.json.LineMap;
import dev.polpocheck.validate.Diagnostic;
import dev.polpocheck.validate.FileResult;
import dev.polpocheck.validate.Severity;
import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default, human format (validation-ux.md §8.1): {@code file:line:col: severity: message
 * [rule]}, then a code frame with the source line and a {@code ^~~~} underline of the exact span,
 * then {@code = help:} and {@code = docs:} lines, and a summary.
 *
 * <p>Secret values are replaced by bullets in the frame (same length, so the underline still lines
 * up). Tabs in the source line are copied into the underline line for the same reason. Not a
 * stability contract: machines should read {@code json} or {@code sarif}.
 */
final class TextReporter implements Reporter {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String BLUE = "\u001b[34m";
  private static final String CYAN = "\u001b[36m";

  /**
   * Credential shapes masked wherever they appear in a frame, even outside a secret field or
   * unquoted in a file that does not parse: Anthropic, OpenAI, Slack, GitHub, Google, Hugging Face,
   * Groq, xAI and AWS key prefixes followed by at least 8 token characters.
   */
  static final Pattern SECRET_SHAPE =
      Pattern.compile(
          "(sk-ant-|sk-proj-|sk-|xox[abprs]-|ghp_|gho_|ghs_|github_pat_|AIza|hf_|gsk_|xai-|AKIA)"
              + "[A-Za-z0-9_\\-]{8,}");

  /** Longest source line shown whole in a code frame. */
  static final int MAX_FRAME_WIDTH = 160;

  private final boolean snippets;
  private final boolean color;

  TextReporter(boolean snippets, boolean color) {
    this.snippets = snippets;
    this.color = color;
  }

  @Override
  public void write(Report report, PrintWriter out) {
    for (FileResult f : report.files()) {
      LineMap lines = f.text() == null ? null : new LineMap(f.text());
      for (Diagnostic d : f.diagnostics()) {
        out.println(header(d));
        if (snippets && d.hasPosition() && lines != null && d.line() <= lines.lineCount()) {
          frame(f, lines, d, out);
        }
        if (d.help() != null) {
          out.println(paint(CYAN, "  = help: ") + d.help());
        }
        if (snippets && d.docs() != null) {
          out.println(paint(DIM, "  = docs: " + d.docs()));
        }
      }
    }
    out.println(paint(BOLD, report.summary()));
    out.flush();
  }

  private String header(Diagnostic d) {
    String where = d.file() + (d.hasPosition() ? ":" + d.line() + ":" + d.column() : "") + ":";
    String sev =
        switch (d.severity()) {
          case ERROR -> paint(RED + BOLD, "error");
          case WARNING -> paint(YELLOW + BOLD, "warning");
          case INFO -> paint(BLUE + BOLD, "info");
        };
    return paint(BOLD, where)
        + " "
        + sev
        + ": "
        + d.message()
        + " "
        + paint(DIM, "[" + d.rule() + "]");
  }

  private void frame(FileResult f, LineMap lines, Diagnostic d, PrintWriter out) {
    String text = f.text();
    int start = lines.lineStart(d.line());
    int end = d.line() < lines.lineCount() ? lines.lineStart(d.line() + 1) : text.length();
    StringBuilder src = new StringBuilder(text.substring(start, end).replaceAll("[\r\n]+$", ""));
    for (int[] r : f.secretRanges()) {
      // Mask only the characters between the quotes of a secret string.
      for (int i = Math.max(r[0] + 1, start); i < Math.min(r[1] - 1, start + src.length()); i++) {
        src.setCharAt(i - start, '\u2022');
      }
    }
    Matcher m = SECRET_SHAPE.matcher(src);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        src.setCharAt(i, '\u2022');
      }
    }
    String gutter = String.valueOf(d.line());
    String pad = " ".repeat(gutter.length());
    int col = Math.max(1, d.column());
    int endCol = d.endLine() == d.line() ? Math.max(d.endColumn(), col + 1) : src.length() + 1;
    endCol = Math.min(endCol, Math.max(src.length() + 1, col + 1));
    if (src.length() > MAX_FRAME_WIDTH) {
      // A minified file is one huge line: show a window around the span, marked with "…".
      int from = Math.max(0, col - 1 - MAX_FRAME_WIDTH / 4);
      int to = Math.min(src.length(), from + MAX_FRAME_WIDTH);
      String window =
          (from > 0 ? "\u2026" : "")
              + src.substring(from, to)
              + (to < src.length() ? "\u2026" : "");
      int shift = from - (from > 0 ? 1 : 0);
      col -= shift;
      endCol = Math.min(endCol - shift, window.length() + 1);
      src = new StringBuilder(window);
    }
    StringBuilder under = new StringBuilder();
    for (int i = 0; i < col - 1 && i < src.length(); i++) {
      under.append(src.charAt(i) == '\t' ? '\t' : ' ');
    }
    under.append('^').append("~".repeat(Math.max(0, endCol - col - 1)));
    Severity s = d.severity();
    String mark = s == Severity.ERROR ? RED : s == Severity.WARNING ? YELLOW : BLUE;
    out.println(paint(DIM, pad + " |"));
    out.println(paint(DIM, gutter + " | ") + src);
    out.println(paint(DIM, pad + " | ") + paint(mark + BOLD, under.toString()));
  }

  private String paint(String code, String s) {
    return color ? code + s + RESET : s;
  }
}
