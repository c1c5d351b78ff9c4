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
 * @param inputs what the figures were computed from and how good it is (days, sessions, skipped
 *     records, backtest), shown before the figures; may be empty
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
    List<Figure> inputs,
    List<Figure> headline,
    List<Charts.Rendered> charts,
    List<Table> tables,
    String footnote) {

  Page {
    Objects.requireNonNull(title, "title");
    warnings = List.copyOf(warnings);
    inputs = List.copyOf(inputs);
    headline = List.copyOf(headline);
    charts = List.copyOf(charts);
    tables = List.copyOf(tables);
  }

  /** True when the page says what its input was (for the templates). */
  boolean hasInputs() {
    return !inputs.isEmpty();
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
   * <p>What people read and what spreadsheets load differ: the page shows {@code $1,234.57},
   * {@code 96.2%} and {@code [$a, $b]}, the CSV holds plain numbers with the unit in the column
   * name ({@code p50_usd}, {@code cache_hit_ratio}) and every interval as two columns. A table
   * whose cells are already plain (names, counts) uses the same cells for both.
   *
   * @param name file stem and HTML anchor (lower-case, dashes)
   * @param title caption
   * @param headers column names
   * @param rows rows of cells, as many as headers
   * @param csv the CSV form: plain-number columns and rows
   */
  record Table(String name, String title, List<String> headers, List<Row> rows, Csv csv) {
    Table {
      headers = List.copyOf(headers);
      rows = List.copyOf(rows);
      if (!name.matches("[a-z0-9-]+")) {
        throw new IllegalArgumentException("table name must be lower-case letters, digits, dashes");
      }
      if (csv == null) {
        csv = new Csv(headers, rows);
      }
      for (Row r : rows) {
        if (r.cells().size() != headers.size()) {
          throw new IllegalArgumentException(name + ": a row has " + r.cells().size()
              + " cells for " + headers.size() + " headers");
        }
      }
    }

    /** A table whose CSV holds the same cells as the page. */
    Table(String name, String title, List<String> headers, List<Row> rows) {
      this(name, title, headers, rows, null);
    }

    /** The Markdown header and separator lines (the rows follow on the very next line). */
    String mdHeader() {
      return md(headers) + "\n" + "|---".repeat(headers.size()) + "|";
    }

    /** The Markdown rows. */
    List<String> mdRows() {
      return rows.stream().map(r -> md(r.cells())).toList();
    }

    private static String md(List<String> cells) {
      StringBuilder b = new StringBuilder("|");
      for (String c : cells) {
        // a line break would end the row: GFM tables are one line per row
        b.append(' ').append(c.replace("|", "\\|").replace('\n', ' ')).append(" |");
      }
      return b.toString();
    }
  }

  /**
   * A table as its CSV file holds it.
   *
   * @param headers column names, units included ({@code p50_usd})
   * @param rows plain cells: numbers as {@code 1234.5}, an empty cell for no data
   */
  record Csv(List<String> headers, List<Row> rows) {
    Csv {
      headers = List.copyOf(headers);
      rows = List.copyOf(rows);
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
