package dev.polpocheck.report;

import java.util.List;
import java.util.Objects;

/**
 * The content of one report, whatever the command: a headline of figures, charts and tables.
 * Every output format (HTML, Markdown, CSV) renders the same page.
 *
 * @param title page title
 * @param subtitle one line saying what was run
 * @param verdict a pass/fail box (budget gate, capacity objective), or null
 * @param warnings what the reader should know before trusting the figures
 * @param headline the key figures
 * @param charts the charts, in page order
 * @param tables the tables, in page order (each also written as CSV)
 * @param footnote a closing remark (seed, how to reproduce)
 */
record Page(
    String title,
    String subtitle,
    Verdict verdict,
    List<String> warnings,
    List<Figure> headline,
    List<Charts.Rendered> charts,
    List<Table> tables,
    String footnote) {

  Page {
    Objects.requireNonNull(title, "title");
    warnings = List.copyOf(warnings);
    headline = List.copyOf(headline);
    charts = List.copyOf(charts);
    tables = List.copyOf(tables);
  }

  /** True when there is at least one warning (for the templates). */
  boolean hasWarnings() {
    return !warnings.isEmpty();
  }

  /**
   * One key figure.
   *
   * @param label what it is
   * @param value its value, formatted
   * @param note interval or context
   */
  record Figure(String label, String value, String note) {}

  /**
   * A pass/fail statement.
   *
   * @param pass true when the objective or budget is met
   * @param heading short verdict
   * @param text one sentence of explanation
   */
  record Verdict(boolean pass, String heading, String text) {
    /** CSS class for the HTML box. */
    String cssClass() {
      return pass ? "verdict-pass" : "verdict-fail";
    }
  }

  /**
   * A table, also written to {@code <name>.csv}.
   *
   * @param name file stem and HTML anchor (lower-case, dashes)
   * @param title caption
   * @param headers column names
   * @param rows rows of cells, as many as headers
   */
  record Table(String name, String title, List<String> headers, List<Row> rows) {
    Table {
      headers = List.copyOf(headers);
      rows = List.copyOf(rows);
      if (!name.matches("[a-z0-9-]+")) {
        throw new IllegalArgumentException("table name must be lower-case letters, digits, dashes");
      }
    }

    /** The Markdown header and separator lines. */
    String mdHeader() {
      return md(headers) + "\n" + "|---".repeat(headers.size()) + "|\n";
    }

    /** The Markdown rows. */
    List<String> mdRows() {
      return rows.stream().map(r -> md(r.cells())).toList();
    }

    private static String md(List<String> cells) {
      StringBuilder b = new StringBuilder("|");
      for (String c : cells) {
        b.append(' ').append(c.replace("|", "\\|")).append(" |");
      }
      return b.toString();
    }
  }

  /**
   * One table row.
   *
   * @param cells its cells
   */
  record Row(List<String> cells) {
    Row {
      cells = List.copyOf(cells);
    }

    /** A row of the given cells. */
    static Row of(String... cells) {
      return new Row(List.of(cells));
    }
  }
}
