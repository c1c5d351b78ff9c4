package dev.polpocheck.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.polpocheck.IoErrors;
import dev.polpocheck.UserInputException;
import dev.polpocheck.redact.RedactingWriter;
import dev.polpocheck.redact.Redactor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report directory: {@code report.html} (self-contained: inline CSS and SVG, no scripts,
 * no network), {@code summary.md}, {@code result.json} and one CSV per table (its plain-number
 * form, {@link Page.Csv}).
 *
 * <p>Pages are rendered through Mustache templates on the class path; HTML values are escaped by
 * Mustache, Markdown values are not (the Markdown factory does no HTML escaping; pipes are escaped
 * where tables need it). The output depends only on the page and the result, never on the clock,
 * so the same forecast writes the same bytes.
 */
public final class ReportWriter {
  static final String HTML = "report.html";
  static final String MARKDOWN = "summary.md";
  static final String JSON_FILE = "result.json";
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private ReportWriter() {}

  /**
   * Writes every file of the report into {@code dir} (created when missing).
   *
   * @return the files written, in writing order
   * @throws UserInputException when the directory cannot be written
   */
  static List<Path> write(Path dir, Page page, JsonNode result, String version) {
    try {
      Files.createDirectories(dir);
      // Every file leaves through the masker: names, ids and paths from the input are in them.
      Redactor masker = Redactor.forRun();
      Map<String, Object> scope = scope(page, version);
      Path html = dir.resolve(HTML);
      Path md = dir.resolve(MARKDOWN);
      Path json = dir.resolve(JSON_FILE);
      Files.writeString(html, masker.redact(render(HTML_FACTORY, "report.html.mustache", scope)),
          StandardCharsets.UTF_8);
      Files.writeString(md, masker.redact(render(MD_FACTORY, "summary.md.mustache", scope)),
          StandardCharsets.UTF_8);
      Files.writeString(json, masker.redact(JSON.writeValueAsString(result) + "\n"),
          StandardCharsets.UTF_8);
      List<Path> written = new java.util.ArrayList<>(List.of(html, md, json));
      for (Page.Table t : page.tables()) {
        Path csv = dir.resolve(t.name() + ".csv");
        try (Writer w = new RedactingWriter(
                Files.newBufferedWriter(csv, StandardCharsets.UTF_8), masker);
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                .setHeader(t.csv().headers().toArray(String[]::new)).setRecordSeparator('\n')
                .get())) {
          for (Page.Row r : t.csv().rows()) {
            p.printRecord(r.cells());
          }
        }
        written.add(csv);
      }
      return written;
    } catch (IOException e) {
      throw new UserInputException(dir + ": cannot write the report: " + IoErrors.why(e));
    }
  }

  /** Compiles the page templates into the factories' caches, ahead of the first report. */
  static void prepare() {
    HTML_FACTORY.compile("report.html.mustache");
    MD_FACTORY.compile("summary.md.mustache");
  }

  /** The JSON text of a result, as written to {@code result.json}. */
  static String json(JsonNode result) {
    return JSON.writeValueAsString(result);
  }

  private static Map<String, Object> scope(Page page, String version) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", page.title());
    m.put("subtitle", page.subtitle());
    m.put("verdict", page.verdict());
    m.put("hasWarnings", page.hasWarnings());
    m.put("warnings", page.warnings());
    m.put("hasInputs", page.hasInputs());
    m.put("inputsTitle", "Input");
    m.put("inputs", page.inputs());
    m.put("headline", page.headline());
    m.put("charts", page.charts());
    m.put("tables", page.tables());
    m.put("footnote", page.footnote());
    m.put("version", version);
    return m;
  }

  private static final DefaultMustacheFactory HTML_FACTORY =
      new DefaultMustacheFactory("dev/polpocheck/report");

  /** Markdown is plain text: no HTML escaping. */
  private static final DefaultMustacheFactory MD_FACTORY =
      new DefaultMustacheFactory("dev/polpocheck/report") {
        @Override
        public void encode(String value, Writer writer) {
          try {
            writer.write(value);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      };

  private static String render(DefaultMustacheFactory f, String template, Map<String, Object> s) {
    Mustache m = f.compile(template);
    StringWriter w = new StringWriter();
    m.execute(w, s);
    return w.toString();
  }
}
