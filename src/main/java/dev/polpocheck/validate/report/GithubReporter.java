package dev.polpocheck.validate.report;

import dev.polpocheck.validate.Diagnostic;
import dev.polpocheck.validate.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GitHub Actions workflow commands (validation-ux.md §8.4): one {@code ::error}, {@code ::warning}
 * or {@code ::notice} line per diagnostic, errors first because GitHub caps how many annotations it
 * shows. Data and properties are escaped as the runner requires; columns are sent only when the
 * span is on one line.
 */
final class GithubReporter implements Reporter {

  @Override
  public void write(Report report, PrintWriter out) {
    List<Diagnostic> all = new ArrayList<>(report.diagnostics());
    all.sort(Comparator.comparing(Diagnostic::severity));
    for (Diagnostic d : all) {
      StringBuilder sb =
          new StringBuilder("::")
              .append(command(d.severity()))
              .append(" file=")
              .append(property(d.file()));
      if (d.hasPosition()) {
        sb.append(",line=").append(d.line()).append(",endLine=").append(d.endLine());
        if (d.endLine() == d.line()) {
          sb.append(",col=").append(d.column()).append(",endColumn=").append(d.endColumn());
        }
      }
      sb.append(",title=").append(property(d.rule()));
      String text = d.message() + (d.help() == null ? "" : "\n" + "help: " + d.help());
      sb.append("::").append(data(text));
      out.println(sb);
    }
    out.println(report.summary());
    out.flush();
  }

  private static String command(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }

  /** Escapes message data: {@code %}, CR and LF. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value: as data, plus {@code :} and {@code ,}. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
