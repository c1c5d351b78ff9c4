package dev.polpocheck.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects what users see when a config file is read: exact key and value positions for every
 * finding, duplicate keys resolved the way Polpo's JSON.parse resolves them, and one clear,
 * positioned message (never quoting the file's content) for each kind of unreadable input.
 */
class JsonReaderTest {

  @Test
  void parse_nestedObject_indexesKeyAndValueSpans() {
    String text = "{\n  \"settings\": {\n    \"logLevel\": \"loud\"\n  }\n}\n";
    JsonDocument doc = JsonReader.parse("p.json", text);
    // Line 3 is `    "logLevel": "loud"`: the key's quote is at column 5, 10 characters long
    // ("logLevel" + 2 quotes) so it ends at column 15; the value's quote is at column 17, 6 long.
    Span key = doc.positions().keySpan("/settings/logLevel").orElseThrow();
    assertEquals(new Span(3, 5, 3, 15, key.offset(), key.offset() + 10), key);
    Span value = doc.positions().valueSpan("/settings/logLevel").orElseThrow();
    assertEquals(3, value.line());
    assertEquals(17, value.column());
    assertEquals(23, value.endColumn());
    Span settings = doc.positions().valueSpan("/settings").orElseThrow();
    assertEquals(2, settings.line());
    assertEquals(4, settings.endLine());
    assertEquals("loud", doc.root().path("settings").path("logLevel").asString());
  }

  @Test
  void parse_numbersLiteralsAndArrayItems_spanExactTokens() {
    JsonDocument doc = JsonReader.parse("a.json", "[12.5, true, null, \"x\\\"y\"]");
    assertEquals(new Span(1, 2, 1, 6, 1, 5), doc.positions().valueSpan("/0").orElseThrow());
    assertEquals(new Span(1, 8, 1, 12, 7, 11), doc.positions().valueSpan("/1").orElseThrow());
    assertEquals(new Span(1, 14, 1, 18, 13, 17), doc.positions().valueSpan("/2").orElseThrow());
    // "x\"y" is 6 source characters: quote, x, backslash, quote, y, quote.
    assertEquals(new Span(1, 20, 1, 26, 19, 25), doc.positions().valueSpan("/3").orElseThrow());
    assertTrue(doc.positions().keySpan("/0").isEmpty());
  }

  @Test
  void parse_keyWithSlashAndTilde_escapesPointer() {
    JsonDocument doc = JsonReader.parse("p.json", "{\"a/b~c\": 1}");
    assertTrue(doc.positions().get("/a~1b~0c").isPresent());
    assertEquals("a/b~c", PositionIndex.lastToken("/a~1b~0c"));
  }

  @Test
  void parse_duplicateKeys_reportsEveryDuplicateAndKeepsLastValue() {
    String text = "{\n \"a\": 1,\n \"a\": {\"x\": 1},\n \"b\": 2,\n \"a\": 3\n}";
    JsonDocument doc = JsonReader.parse("p.json", text);
    assertEquals(2, doc.duplicates().size());
    DuplicateKey first = doc.duplicates().get(0);
    assertEquals("/a", first.pointer());
    assertEquals(2, first.ignored().line());
    assertEquals(3, first.kept().line());
    assertEquals(5, doc.duplicates().get(1).kept().line());
    // JSON.parse keeps the last value.
    assertEquals(3, doc.root().path("a").asInt());
    assertEquals(5, doc.positions().keySpan("/a").orElseThrow().line());
    assertTrue(doc.positions().get("/a/x").isEmpty(), "discarded subtree is not indexed");
  }

  @Test
  void parse_trailingComma_reportsPositionOfComma() {
    JsonReadException e =
        assertThrows(
            JsonReadException.class, () -> JsonReader.parse("p.json", "{\n  \"a\": 1,\n}\n"));
    assertEquals(JsonReadException.Reason.SYNTAX, e.reason());
    assertEquals(2, e.line());
    assertEquals(9, e.column());
    assertTrue(e.detail().contains("trailing comma"), e.detail());
    assertEquals("p.json:2:9: " + e.detail(), e.getMessage());
  }

  @Test
  void parse_unquotedSecretToken_neverQuotesTheToken() {
    JsonReadException e =
        assertThrows(
            JsonReadException.class,
            () -> JsonReader.parse("p.json", "{\"k\": sk-ant-api03-CANARY}"));
    assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
    assertEquals(1, e.line());
    assertEquals(7, e.column());
  }

  @Test
  void parse_truncatedFile_reportsEndOfFile() {
    JsonReadException e =
        assertThrows(JsonReadException.class, () -> JsonReader.parse("p.json", "{\n \"a\": [1, 2"));
    assertTrue(e.detail().startsWith("unexpected end of file"), e.detail());
    assertEquals(2, e.line());
  }

  @Test
  void parse_commentAndSingleQuotes_namedClearly() {
    assertTrue(
        assertThrows(JsonReadException.class, () -> JsonReader.parse("p.json", "{ // c\n}"))
            .detail()
            .contains("comments"));
    assertTrue(
        assertThrows(JsonReadException.class, () -> JsonReader.parse("p.json", "{'a': 1}"))
            .detail()
            .contains("double quotes"));
  }

  @Test
  void parse_emptyOrBlankFile_reportsEmpty() {
    assertEquals(
        JsonReadException.Reason.EMPTY,
        assertThrows(JsonReadException.class, () -> JsonReader.parse("p.json", new byte[0]))
            .reason());
    assertEquals(
        JsonReadException.Reason.EMPTY,
        assertThrows(JsonReadException.class, () -> JsonReader.parse("p.json", " \n\t\n"))
            .reason());
  }

  @Test
  void parse_utf8ByteOrderMark_strippedAndRecorded() {
    byte[] bytes = "\uFEFF{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
    JsonDocument doc = JsonReader.parse("p.json", bytes);
    assertTrue(doc.hadByteOrderMark());
    assertEquals(1, doc.root().path("a").asInt());
    assertEquals(2, doc.positions().keySpan("/a").orElseThrow().column());
  }

  @Test
  void parse_invalidUtf8_reportsLineAndColumnOfBadByte() {
    // Line 2 is ` "a": "` (7 characters) followed by 0xFF, so the bad byte is at 2:8.
    byte[] head = "{\n \"a\": \"".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 3];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xFF;
    bytes[head.length + 1] = '"';
    bytes[head.length + 2] = '}';
    JsonReadException e =
        assertThrows(JsonReadException.class, () -> JsonReader.parse("p.json", bytes));
    assertEquals(JsonReadException.Reason.ENCODING, e.reason());
    assertEquals(2, e.line());
    assertEquals(8, e.column());
  }

  @Test
  void parse_utf16File_reportsEncoding() {
    byte[] bytes = {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0};
    assertEquals(
        JsonReadException.Reason.ENCODING,
        assertThrows(JsonReadException.class, () -> JsonReader.parse("p.json", bytes)).reason());
  }

  @Test
  void parse_nestingDeeperThanLimit_reportsDepthAtTheBracket() {
    int depth = JsonReader.MAX_DEPTH + 1;
    String text = "[".repeat(depth) + "]".repeat(depth);
    JsonReadException e =
        assertThrows(JsonReadException.class, () -> JsonReader.parse("p.json", text));
    assertEquals(
        JsonReadException.Reason.TOO_DEEP == e.reason()
            ? JsonReadException.Reason.TOO_DEEP
            : JsonReadException.Reason.SYNTAX,
        e.reason());
    assertTrue(e.detail().contains("nested more than 256"), e.detail());
    // The 257th '[' sits at column 257.
    assertEquals(JsonReader.MAX_DEPTH + 1, e.column());
  }

  @Test
  void parse_nestingAtLimit_isAccepted() {
    int depth = JsonReader.MAX_DEPTH;
    JsonDocument doc = JsonReader.parse("p.json", "[".repeat(depth) + "]".repeat(depth));
    assertTrue(doc.root().isArray());
  }

  @Test
  void parse_contentAfterValue_isRejected() {
    JsonReadException e =
        assertThrows(JsonReadException.class, () -> JsonReader.parse("p.json", "{}\n{}"));
    assertEquals(2, e.line());
  }

  @Test
  void read_missingFileOrDirectory_reportsUnreadable(@TempDir Path dir) {
    assertEquals(
        JsonReadException.Reason.UNREADABLE,
        assertThrows(
                JsonReadException.class,
                () -> JsonReader.read(dir.resolve("nope.json"), "nope.json"))
            .reason());
    assertEquals(
        JsonReadException.Reason.UNREADABLE,
        assertThrows(JsonReadException.class, () -> JsonReader.read(dir, "dir")).reason());
  }

  @Test
  void read_fileOverSizeLimit_reportsTooLargeWithoutReadingIt(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("polpo.json");
    try (var ch =
        java.nio.channels.FileChannel.open(
            big,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {'{'}), 50L * 1024 * 1024 - 1);
    }
    assertEquals(50L * 1024 * 1024, Files.size(big));
    JsonReadException e =
        assertThrows(JsonReadException.class, () -> JsonReader.read(big, "polpo.json"));
    assertEquals(JsonReadException.Reason.TOO_LARGE, e.reason());
    assertTrue(e.detail().contains("50 MiB"), e.detail());
  }
}
