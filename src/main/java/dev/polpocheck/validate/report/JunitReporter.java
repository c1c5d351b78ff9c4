package dev.polpocheck.validate.report;

import dev.polpocheck.validate.Diagnostic;
import dev.polpocheck.validate.FileResult;
import java.io.PrintWriter;

/**
 * JUnit XML (validation-ux.md §8.5): one test suite, one test case per file; a file with a finding
 * at or above the failure threshold is a failure whose body lists every finding as {@code
 * file:line:col: severity: message [rule]}. {@code time} is always set (0: validation time is not a
 * test result and would break byte-identical output).
 */
final class JunitReporter implements Reporter {

  @Override
  public void write(Report report, PrintWriter out) {
    int failures = 0;
    for (FileResult f : report.files()) {
      if (failed(f, report)) {
        failures++;
      }
    }
    int tests = report.files().size();
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.println(
        "<testsuites name=\"polpo-check validate\" tests=\""
            + tests
            + "\" failures=\""
            + failures
            + "\" errors=\"0\" skipped=\"0\" time=\"0\">");
    out.println(
        "  <testsuite name=\"polpo-check validate\" tests=\""
            + tests
            + "\" failures=\""
            + failures
            + "\" errors=\"0\" skipped=\"0\" time=\"0\">");
    out.println("    <properties>");
    out.println(
        "      <property name=\"polpo.target\" value=\"" + xml(report.target().id()) + "\"/>");
    out.println(
        "      <property name=\"polpo.targetName\" value=\""
            + xml(report.target().label())
            + "\"/>");
    out.println("    </properties>");
    for (FileResult f : report.files()) {
      out.print(
          "    <testcase name=\""
              + xml(f.file())
              + "\" classname=\"polpo-check."
              + xml(f.kind().id())
              + "\" time=\"0\"");
      if (!failed(f, report)) {
        out.println("/>");
        continue;
      }
      out.println(">");
      long n = f.diagnostics().stream().filter(d -> d.severity().atLeast(report.failOn())).count();
      out.println(
          "      <failure message=\""
              + n
              + " finding(s) at or above "
              + report.failOn().label()
              + "\" type=\"polpo-check\">");
      for (Diagnostic d : f.diagnostics()) {
        out.println(
            xml(
                d.file()
                    + (d.hasPosition() ? ":" + d.line() + ":" + d.column() : "")
                    + ": "
                    + d.severity().label()
                    + ": "
                    + d.message()
                    + " ["
                    + d.rule()
                    + "]"));
      }
      out.println("      </failure>");
      out.println("    </testcase>");
    }
    out.println("  </testsuite>");
    out.println("</testsuites>");
    out.flush();
  }

  private static boolean failed(FileResult f, Report report) {
    return f.diagnostics().stream().anyMatch(d -> d.severity().atLeast(report.failOn()));
  }

  /** Escapes the five XML special characters and drops characters XML 1.0 forbids. */
  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
