package dev.polpocheck.validate.report;

import dev.polpocheck.validate.Diagnostic;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 for GitHub code scanning (validation-ux.md §8.3): one run, every rule in {@code
 * tool.driver.rules} with its default level, one result per diagnostic with a region (columns in
 * UTF-16 code units, said in {@code run.columnKind}), file URIs relative to {@code %SRCROOT%}, and a
 * fix replacing the key when there is a did-you-mean suggestion for it.
 *
 * <p>{@code %SRCROOT%} is the repository root: the nearest directory at or above the working
 * directory holding {@code .git} (the working directory when there is none), declared in {@code
 * run.originalUriBaseIds}. Paths are resolved against the working directory before being made
 * relative to it, so {@code ../.polpo/polpo.json} given from a subdirectory becomes {@code
 * .polpo/polpo.json}; a file outside the root (or given absolute) is a {@code file:} URI with no
 * base, never a {@code ../} URI escaping {@code %SRCROOT%} (SARIF 2.1.0 §3.4.4, §3.14.14).
 */
final class SarifReporter implements Reporter {
  private final Path cwd;
  private final Path root;

  /** A reporter for the process's working directory. */
  SarifReporter() {
    this(Path.of("").toAbsolutePath());
  }

  /** A reporter resolving relative paths against {@code cwd} (tests). */
  SarifReporter(Path cwd) {
    this.cwd = cwd.normalize();
    this.root = sourceRoot(this.cwd);
  }

  /** The nearest directory at or above {@code dir} holding {@code .git}, else {@code dir}. */
  static Path sourceRoot(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return d;
      }
    }
    return dir;
  }

  @Override
  public void write(Report report, PrintWriter out) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    run.put("columnKind", "utf16CodeUnits");
    run.putObject("originalUriBaseIds").putObject("%SRCROOT%")
        .put("uri", dirUri(this.root));
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "polpo-check");
    driver.put("version", report.toolVersion());
    driver.put("informationUri", "https://polpo-check.dev");
    // SARIF 2.1.0 §3.8 property bags carry tool-specific facts such as the validated target.
    ObjectNode props = run.putObject("properties");
    props.put("polpoTarget", report.target().id());
    props.put("polpoTargetName", report.target().label());
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (RuleDescriptor r : report.rules()) {
      ruleIndex.put(r.id(), ruleIndex.size());
      ObjectNode o = rules.addObject();
      o.put("id", r.id());
      o.putObject("shortDescription").put("text", r.summary());
      o.putObject("fullDescription").put("text", r.documentation());
      o.put("helpUri", r.docsUrl());
      o.putObject("defaultConfiguration").put("level", level(r.defaultSeverity()));
    }
    ArrayNode results = run.putArray("results");
    for (Diagnostic d : report.diagnostics()) {
      ObjectNode o = results.addObject();
      o.put("ruleId", d.rule());
      Integer idx = ruleIndex.get(d.rule());
      if (idx != null) {
        o.put("ruleIndex", idx);
      }
      o.put("level", level(d.severity()));
      o.putObject("message")
          .put("text", d.message() + (d.help() == null ? "" : " (help: " + d.help() + ")"));
      ObjectNode phys = o.putArray("locations").addObject().putObject("physicalLocation");
      location(phys.putObject("artifactLocation"), d.file());
      if (d.hasPosition()) {
        ObjectNode region = phys.putObject("region");
        region.put("startLine", d.line());
        region.put("startColumn", d.column());
        region.put("endLine", d.endLine());
        region.put("endColumn", d.endColumn());
        if (d.suggestion() != null && d.rule().equals("polpo/config/unknown-key")) {
          ObjectNode fix = o.putArray("fixes").addObject();
          fix.putObject("description").put("text", "Rename to \"" + d.suggestion() + "\"");
          ObjectNode change = fix.putArray("artifactChanges").addObject();
          location(change.putObject("artifactLocation"), d.file());
          ObjectNode rep = change.putArray("replacements").addObject();
          rep.set("deletedRegion", region.deepCopy());
          rep.putObject("insertedContent").put("text", "\"" + d.suggestion() + "\"");
        }
      }
    }
    out.println(JsonReporter.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    out.flush();
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /**
   * A file inside {@code %SRCROOT%} is relative to it; any other becomes a {@code file:} URI with
   * no base (class comment).
   */
  private void location(ObjectNode artifact, String file) {
    Path abs;
    try {
      abs = cwd.resolve(file.replace('\\', '/')).normalize();
    } catch (InvalidPathException e) {
      artifact.put("uri", uri(file));
      return;
    }
    if (abs.startsWith(root)) {
      artifact.put("uri", uri(root.relativize(abs).toString()));
      artifact.put("uriBaseId", "%SRCROOT%");
    } else {
      artifact.put("uri", "file://" + uri(abs.toString()));
    }
  }

  /** A directory's {@code file:} URI, ending in a slash as SARIF requires of a base. */
  private static String dirUri(Path dir) {
    String u = dir.toUri().toString();
    return u.endsWith("/") ? u : u + "/";
  }

  /** A relative URI: forward slashes, no leading {@code ./}, spaces and % escaped. */
  static String uri(String file) {
    String u = file.replace('\\', '/');
    while (u.startsWith("./")) {
      u = u.substring(2);
    }
    return u.replace("%", "%25").replace(" ", "%20");
  }
}
