package dev.polpocheck.validate.report;

import dev.polpocheck.validate.Diagnostic;
import dev.polpocheck.validate.FileResult;
import dev.polpocheck.validate.Severity;
import java.io.PrintWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stable machine format, {@code schemaVersion} 1 (README "validate", validation-ux.md §8.2).
 * Fields may be added; none is removed or renamed without a new schema version. Position fields are
 * omitted for file-level findings; {@code help}, {@code suggestion} and {@code docs} are omitted
 * when absent.
 */
final class JsonReporter implements Reporter {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Override
  public void write(Report report, PrintWriter out) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("schemaVersion", 1);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "polpo-check");
    tool.put("version", report.toolVersion());
    ObjectNode polpo = root.putObject("target");
    polpo.put("id", report.target().id());
    polpo.put("name", report.target().label());
    ArrayNode files = root.putArray("files");
    for (FileResult r : report.files()) {
      ObjectNode o = files.addObject();
      o.put("path", r.file());
      o.put("kind", r.kind().id());
      o.put("readable", r.readable());
    }
    ArrayNode diags = root.putArray("diagnostics");
    for (Diagnostic d : report.diagnostics()) {
      ObjectNode o = diags.addObject();
      o.put("rule", d.rule());
      o.put("severity", d.severity().label());
      o.put("message", d.message());
      o.put("file", d.file());
      o.put("pointer", d.pointer());
      if (d.hasPosition()) {
        o.put("line", d.line());
        o.put("column", d.column());
        o.put("endLine", d.endLine());
        o.put("endColumn", d.endColumn());
      }
      putIfPresent(o, "help", d.help());
      putIfPresent(o, "suggestion", d.suggestion());
      putIfPresent(o, "docs", d.docs());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("errors", report.count(Severity.ERROR));
    summary.put("warnings", report.count(Severity.WARNING));
    summary.put("infos", report.count(Severity.INFO));
    summary.put("files", report.files().size());
    out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    out.flush();
  }

  private static void putIfPresent(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }
}
