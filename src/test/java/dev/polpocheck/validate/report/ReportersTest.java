package dev.polpocheck.validate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.json.JsonReader;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.FileResult;
import dev.polpocheck.validate.RuleTesting;
import dev.polpocheck.validate.Rules;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Validator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Protects each output format's contract: the text code frame's caret under the exact span, the
 * documented JSON shape, SARIF 2.1.0's required structure (what GitHub code scanning accepts),
 * GitHub workflow-command escaping, and well-formed JUnit XML.
 */
class ReportersTest {
  private static final String POLPO =
      "{\n  \"settings\": {\n    \"maxRetires\": 3,\n" + "    \"logLevel\": \"loud\"\n  }\n}\n";

  private static Report report() {
    Validator v = Validator.withDefaults(RuleTesting.CLOCK);
    FileResult r = v.validateText(".polpo/polpo.json", FileKind.POLPO, POLPO);
    return new Report(List.of(r), Rules.descriptors(), "0.1.0", Severity.ERROR);
  }

  private static String render(Format f, boolean snippets) {
    StringWriter sw = new StringWriter();
    f.reporter(new Format.Options(snippets, false)).write(report(), new PrintWriter(sw));
    return sw.toString();
  }

  @Test
  void text_finding_printsHeaderFrameCaretAndHelp() {
    String out = render(Format.TEXT, true);
    String expected =
        ".polpo/polpo.json:3:5: warning: unknown key \"maxRetires\" in settings"
            + " [polpo/config/unknown-key]\n"
            + "  |\n"
            + "3 |     \"maxRetires\": 3,\n"
            + "  |     ^~~~~~~~~~~~\n"
            + "  = help: did you mean \"maxRetries\"?\n";
    assertTrue(out.startsWith(expected), out);
    assertTrue(out.endsWith("1 error, 1 warning in 1 file (Polpo 0.3.x)\n"), out);
    assertFalse(out.contains("\u001b["), "no colour unless asked");
  }

  @Test
  void text_noSnippet_oneLinePerFindingPlusHelp() {
    String out = render(Format.TEXT, false);
    assertFalse(out.contains(" | "), out);
    assertEquals(4, out.split("\n").length, out);
  }

  @Test
  void text_colour_usesAnsiOnlyWhenEnabled() {
    StringWriter sw = new StringWriter();
    Format.TEXT.reporter(new Format.Options(true, true)).write(report(), new PrintWriter(sw));
    assertTrue(sw.toString().contains("\u001b[31m"));
  }

  @Test
  void json_shape_matchesDocumentedFields() {
    JsonNode root = JsonReader.parse("out.json", render(Format.JSON, true)).root();
    assertEquals(1, root.get("schemaVersion").asInt());
    assertEquals("polpo-check", root.at("/tool/name").asString());
    assertEquals("polpo", root.at("/files/0/kind").asString());
    JsonNode d = root.at("/diagnostics/0");
    assertEquals("polpo/config/unknown-key", d.get("rule").asString());
    assertEquals("warning", d.get("severity").asString());
    assertEquals("/settings/maxRetires", d.get("pointer").asString());
    assertEquals(3, d.get("line").asInt());
    assertEquals(5, d.get("column").asInt());
    assertEquals(3, d.get("endLine").asInt());
    assertEquals(17, d.get("endColumn").asInt());
    assertEquals("maxRetries", d.get("suggestion").asString());
    assertEquals(1, root.at("/summary/errors").asInt());
    assertEquals(1, root.at("/summary/warnings").asInt());
    assertEquals(1, root.at("/summary/files").asInt());
  }

  @Test
  void sarif_hasRequiredStructure() {
    JsonNode root = JsonReader.parse("out.sarif", render(Format.SARIF, true)).root();
    assertEquals("2.1.0", root.get("version").asString());
    JsonNode run = root.at("/runs/0");
    assertEquals("polpo-check", run.at("/tool/driver/name").asString());
    JsonNode rules = run.at("/tool/driver/rules");
    assertEquals(Rules.descriptors().size(), rules.size());
    for (JsonNode r : rules) {
      assertTrue(
          r.has("id")
              && r.at("/shortDescription/text").isString()
              && r.at("/fullDescription/text").isString()
              && r.has("helpUri"),
          r.toString());
      assertTrue(
          List.of("error", "warning", "note")
              .contains(r.at("/defaultConfiguration/level").asString()));
    }
    JsonNode results = run.get("results");
    assertEquals(2, results.size());
    for (JsonNode res : results) {
      int idx = res.get("ruleIndex").asInt();
      assertEquals(rules.get(idx).get("id").asString(), res.get("ruleId").asString());
      assertTrue(res.at("/message/text").isString());
      JsonNode loc = res.at("/locations/0/physicalLocation");
      assertEquals(".polpo/polpo.json", loc.at("/artifactLocation/uri").asString());
      assertEquals("%SRCROOT%", loc.at("/artifactLocation/uriBaseId").asString());
      assertTrue(loc.at("/region/startLine").asInt() >= 1);
    }
    JsonNode fix = results.get(0).at("/fixes/0/artifactChanges/0/replacements/0");
    assertEquals("\"maxRetries\"", fix.at("/insertedContent/text").asString());
    assertEquals(5, fix.at("/deletedRegion/startColumn").asInt());
  }

  @Test
  void github_annotations_escapedAndErrorsFirst() {
    String out = render(Format.GITHUB, true);
    String[] lines = out.split("\n");
    assertTrue(
        lines[0].startsWith(
            "::error file=.polpo/polpo.json,line=4,endLine=4,col=17,"
                + "endColumn=23,title=polpo/settings/log-level::"),
        lines[0]);
    assertTrue(lines[1].startsWith("::warning "), lines[1]);
    assertTrue(lines[1].contains("%0Ahelp: did you mean"), lines[1]);
    assertEquals("a%25b%0Ac", GithubReporter.data("a%b\nc"));
    assertEquals("x%3Ay%2Cz", GithubReporter.property("x:y,z"));
  }

  @Test
  void junit_failureForFileWithErrors_escapesXml() {
    String out = render(Format.JUNIT, true);
    assertTrue(out.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"), out);
    assertTrue(out.contains("tests=\"1\" failures=\"1\""), out);
    assertTrue(
        out.contains(
            "<testcase name=\".polpo/polpo.json\" classname=\"polpo-check.polpo\""
                + " time=\"0\">"),
        out);
    assertTrue(out.contains("unknown key &quot;maxRetires&quot;"), out);
    assertEquals("&lt;a&gt; &amp; &apos;", JunitReporter.xml("<a> & '\u0001"));
  }

  @Test
  void junit_output_isWellFormedXml() throws Exception {
    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    var doc =
        factory
            .newDocumentBuilder()
            .parse(
                new java.io.ByteArrayInputStream(
                    render(Format.JUNIT, true).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals("testsuites", doc.getDocumentElement().getTagName());
    assertEquals(1, doc.getElementsByTagName("failure").getLength());
  }

  @Test
  void sarif_absolutePath_isFileUriWithoutBase() {
    Validator v = Validator.withDefaults(RuleTesting.CLOCK);
    FileResult r = v.validateText("/abs/dir/polpo.json", FileKind.POLPO, "{\"org\": 1}");
    StringWriter sw = new StringWriter();
    Format.SARIF
        .reporter(new Format.Options(true, false))
        .write(
            new Report(List.of(r), Rules.descriptors(), "0.1.0", Severity.ERROR),
            new PrintWriter(sw));
    JsonNode loc =
        JsonReader.parse("s", sw.toString())
            .root()
            .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
    assertEquals("file:///abs/dir/polpo.json", loc.get("uri").asString());
    assertTrue(loc.get("uriBaseId") == null);
  }

  @Test
  void text_hugeMinifiedLine_showsWindowAroundTheSpan() {
    // 300 filler keys of 12 characters each put the bad value far beyond column 160.
    StringBuilder json = new StringBuilder("{\"settings\": {");
    for (int i = 0; i < 300; i++) {
      json.append(String.format("\"maxRetries\": %d, ", i % 10));
    }
    json.append("\"logLevel\": \"loud\"}}");
    Validator v = Validator.withDefaults(RuleTesting.CLOCK);
    FileResult r = v.validateText("polpo.json", FileKind.POLPO, json.toString());
    StringWriter sw = new StringWriter();
    Format.TEXT
        .reporter(new Format.Options(true, false))
        .write(
            new Report(List.of(r), Rules.descriptors(), "0.1.0", Severity.ERROR),
            new PrintWriter(sw));
    List<String> lines =
        sw.toString().lines().filter(l -> l.startsWith("1 | ") || l.startsWith("  | ")).toList();
    String source = lines.get(lines.size() - 2).substring(4);
    String caret = lines.get(lines.size() - 1).substring(4);
    assertTrue(source.length() <= TextReporter.MAX_FRAME_WIDTH + 2, source);
    assertTrue(source.startsWith("\u2026"), source);
    int at = caret.indexOf('^');
    assertEquals("\"loud\"", source.substring(at, at + 6));
    assertEquals("^~~~~~", caret.trim());
  }
}
