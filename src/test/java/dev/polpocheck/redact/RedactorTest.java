package dev.polpocheck.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects the masker every output passes through: credential shapes keep only their public
 * prefix, values the run registered are masked whole and in their escaped forms, ordinary words
 * that merely contain a prefix stay readable, and masked JSON and CSV still parse with every field
 * in place.
 */
class RedactorTest {
  private static final String KEY = "sk-ant-api03-" + "x9Y".repeat(31) + "AA";

  @Test
  void redact_credentialShape_keepsOnlyThePublicPrefix() {
    assertEquals(
        "key sk-ant-api03-… in use", Redactor.forRun().redact("key " + KEY + " in use"));
  }

  @Test
  void redact_registeredValue_isMaskedWholeWhateverItsShape() {
    Redactor r = Redactor.forRun();
    r.addSecret("hunter2-canary-value");
    assertEquals("model [secret] is unknown", r.redact("model hunter2-canary-value is unknown"));
  }

  @Test
  void redact_registeredValue_isMaskedInItsJsonAndHtmlEscapedForms() {
    Redactor r = Redactor.forRun();
    r.addSecret("pa\"ss=word<1>");
    // Jackson writes the quote as \" ; Mustache writes = as &#61; and < > as &lt; &gt;.
    assertEquals("{\"v\": \"[secret]\"}", r.redact("{\"v\": \"pa\\\"ss=word<1>\"}"));
    assertEquals("<td>[secret]</td>", r.redact("<td>pa&quot;ss&#61;word&lt;1&gt;</td>"));
  }

  @Test
  void addSecret_shortValues_areNotRegistered() {
    Redactor r = Redactor.forRun();
    r.addSecret("8080");
    r.addSecret("true");
    assertEquals("port 8080 is true", r.redact("port 8080 is true"));
  }

  @Test
  void addSecret_valueContainingAnother_isMaskedWhole() {
    Redactor r = Redactor.forRun();
    r.addSecret("secret-one");
    r.addSecret("secret-one-and-more");
    assertEquals("[[secret]]", r.redact("[secret-one-and-more]"));
  }

  @Test
  void redact_wordsEndingInSk_stayReadable() {
    // "task-" and "risk-" end in "sk-": a short key-like run must start a word to be masked.
    String line = "agent task-runner-agent risk-assessment-bot";
    assertEquals(line, Redactor.forRun().redact(line));
    assertEquals("key sk-…", Redactor.forRun().redact("key sk-abcdefgh12"));
  }

  @Test
  void redact_compactJson_staysValidWithEveryFieldInPlace() {
    String json = "{\"a\":\"postgres://u\",\"b\":\"p:w@x\",\"k\":\"" + KEY + "\",\"n\":1}";
    JsonNode masked = JsonMapper.builder().build().readTree(Redactor.forRun().redact(json));
    // The database-URL shape must not run from field a to field b across the quotes.
    assertEquals("postgres://u", masked.get("a").asString());
    assertEquals("p:w@x", masked.get("b").asString());
    assertEquals("sk-ant-api03-…", masked.get("k").asString());
    assertEquals(1, masked.get("n").asInt());
  }

  @Test
  void redact_csvRow_keepsItsColumns() throws Exception {
    Redactor r = Redactor.forRun();
    r.addSecret("hunter2-canary-value");
    String csv = "a,b,c\nmysql://u,v:w@h," + KEY + "\n\"x,hunter2-canary-value\",2,3\n";
    List<CSVRecord> rows;
    try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(r.redact(csv)))) {
      rows = p.getRecords();
    }
    assertEquals(3, rows.size());
    assertEquals(List.of("mysql://u", "v:w@h", "sk-ant-api03-…"), rows.get(1).toList());
    assertEquals(List.of("x,[secret]", "2", "3"), rows.get(2).toList());
  }

  @Test
  void redact_databaseUrlInsideOneValue_isStillMasked() {
    String masked = Redactor.forRun().redact("{\"url\": \"postgres://app:s3cretpass@db/x\"}");
    assertFalse(masked.contains("s3cretpass"), masked);
    assertTrue(masked.contains("postgres://…"), masked);
  }

  @Test
  void writer_secretWrittenInPieces_isMaskedWhole() throws Exception {
    Redactor r = Redactor.forRun();
    r.addSecret("hunter2-canary-value");
    StringWriter sink = new StringWriter();
    try (RedactingWriter w = new RedactingWriter(sink, r)) {
      w.write("a hunter2-can");
      w.write("ary-value and " + KEY.substring(0, 20));
      w.write(KEY.substring(20) + "\nnext");
      assertEquals("a [secret] and sk-ant-api03-…\n", sink.toString());
    }
    assertEquals("a [secret] and sk-ant-api03-…\nnext", sink.toString());
  }

  @Test
  void writer_flush_writesThePendingPartialLine() throws Exception {
    StringWriter sink = new StringWriter();
    RedactingWriter w = new RedactingWriter(sink, Redactor.forRun());
    w.write("\rprogress 50% " + KEY);
    assertEquals("", sink.toString());
    w.flush();
    assertEquals("\rprogress 50% sk-ant-api03-…", sink.toString());
  }
}
