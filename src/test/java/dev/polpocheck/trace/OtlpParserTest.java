package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Protects how the OTLP JSON reader cuts a file into documents: one per line (the collector's file
 * exporter), or one pretty-printed document over many lines, read in time linear in its size, with
 * brackets and quotes inside string values not taken for structure.
 */
class OtlpParserTest {
  private static final Path FILE = Path.of("/export/spans.otlp.json");

  private static FileResult parse(String text) {
    FileResult r = new FileResult(FILE.toString());
    try {
      new OtlpParser()
          .parse(FILE, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return r;
  }

  /** One GenAI span, pretty-printed one attribute per line (about 12 lines). */
  private static String span(int i, String conversation) {
    return "{\n"
        + "  \"traceId\": \"t\",\n"
        + "  \"spanId\": \"s"
        + i
        + "\",\n"
        + "  \"startTimeUnixNano\": \"1795766400000000000\",\n"
        + "  \"attributes\": [\n"
        + "    {\"key\": \"gen_ai.request.model\", \"value\": {\"stringValue\": \"claude-opus-4-6\"}},\n"
        + "    {\"key\": \"gen_ai.usage.input_tokens\", \"value\": {\"intValue\": \"100\"}},\n"
        + "    {\"key\": \"gen_ai.usage.output_tokens\", \"value\": {\"intValue\": \"7\"}},\n"
        + "    {\"key\": \"gen_ai.conversation.id\", \"value\": {\"stringValue\": \""
        + conversation
        + "\"}}\n"
        + "  ]\n"
        + "}";
  }

  private static String document(List<String> spans) {
    return "{\n\"resourceSpans\": [\n{\n\"scopeSpans\": [\n{\n\"spans\": [\n"
        + String.join(",\n", spans)
        + "\n]\n}\n]\n}\n]\n}\n";
  }

  /**
   * Found hardening the OTLP reader (#13): it re-parsed the growing document after every line, so
   * a pretty-printed export took time quadratic in its lines (0.5 MB of 18,000 lines: 110 s). 5,000
   * spans of 12 lines each (60,000 lines, about 2 MB) now read in well under the 30 s bound; the
   * quadratic reader needed minutes for a quarter of that.
   */
  @Test
  void parse_prettyPrintedExportOf60000Lines_readsInLinearTime() {
    List<String> spans =
        java.util.stream.IntStream.range(0, 5_000)
            .mapToObj(i -> span(i, "c"))
            .collect(Collectors.toList());
    String doc = document(spans);
    FileResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> parse(doc));
    assertEquals(5_000, r.calls.size());
    assertEquals(List.of(), r.problems);
    assertEquals(1, r.calls.get(0).line()); // the document's first line
  }

  @Test
  void parse_bracketsAndEscapedQuotesInsideStrings_areNotStructure() {
    // "]}\"{[" holds a closing bracket pair, an escaped quote and an opening pair: were they
    // counted, the document would look closed too early or never.
    String doc = document(List.of(span(1, "]}\\\"{["), span(2, "x\\\\")));
    FileResult r = parse(doc + doc.replace("\"s1\"", "\"s3\"").replace("\"s2\"", "\"s4\""));
    assertEquals(4, r.calls.size());
    assertEquals(List.of(), r.problems);
    assertEquals("]}\"{[", r.calls.get(0).call().session());
    assertEquals("x\\", r.calls.get(1).call().session());
    // the second document starts on the line after the first one's last
    long firstLines = doc.chars().filter(c -> c == '\n').count();
    assertEquals(firstLines + 1, r.calls.get(2).line());
  }

  @Test
  void parse_jsonLinesWithABadLineBetween_eachLineItsOwnDocument() {
    String line = document(List.of(span(1, "a"))).replace("\n", "");
    String bad = line.replace("\"s1\"", "\"s2\"").replace("\"spans\": [", "\"spans\": [,");
    FileResult r = parse(line + "\n" + bad + "\n" + line.replace("\"s1\"", "\"s3\"") + "\n");
    assertEquals(2, r.calls.size());
    assertEquals(1, r.skipped);
    assertEquals(2, r.problems.get(0).line());
    assertEquals(3, r.calls.get(1).line());
  }

  @Test
  void parse_documentNeverClosed_isOneTruncatedDocument() {
    String doc = document(List.of(span(1, "a")));
    FileResult r = parse(doc.substring(0, doc.length() - 3));
    assertEquals(List.of(), r.calls);
    assertEquals(1, r.skipped);
    assertEquals(
        FILE + ":1: truncated or malformed OTLP JSON document", r.problems.get(0).toString());
  }
}
