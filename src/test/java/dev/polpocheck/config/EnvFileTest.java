package dev.polpocheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Protects parity with Polpo's {@code .polpo/.env} loader (polpo-semantics.md §2.2): a value
 * polpo-check resolves from {@code --env-file} must be the value Polpo would load, quirks included.
 */
class EnvFileTest {

  private static String only(String content) {
    List<EnvFile.Entry> entries = EnvFile.parse("t.env", content).entries();
    assertEquals(1, entries.size(), entries.toString());
    return entries.get(0).key() + "=" + entries.get(0).value();
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "A=1 | A=1",
        "'  A  =  1  ' | A=1",
        // one leading and one trailing quote, independently
        "A=\"abc\" | A=abc",
        "A='abc' | A=abc",
        "A=\"abc' | A=abc",
        "A=\"\"abc\"\" | A=\"abc\"",
        "A=\"abc | A=abc",
        "A=\" | A=",
        // split at the first '=' only
        "A=b=c | A=b=c",
        // no export support, no inline comments, no expansion, no escapes
        "export FOO=1 | export FOO=1",
        "A=1 # note | A=1 # note",
        "A=${B} | A=${B}",
        "A=x\\ny | A=x\\ny",
        "A= | A=",
      })
  void parse_singleLine_matchesPolpo(String line, String expected) {
    assertEquals(expected, only(line));
  }

  @Test
  void parse_crlfLines_areTrimmed() {
    EnvFile f = EnvFile.parse("t.env", "A=1\r\nB=2\r\n");
    assertEquals(List.of("A", "B"), f.entries().stream().map(EnvFile.Entry::key).toList());
    assertEquals("1", f.entries().get(0).value());
  }

  @Test
  void parse_byteOrderMarkAndNoBreakSpace_areTrimmedLikeJavaScript() {
    assertEquals("A=1", only("\uFEFFA=1\u00A0"));
  }

  @Test
  void parse_commentsBlankAndNoEqualsLines_areSkipped() {
    EnvFile f = EnvFile.parse("t.env", "# c\n\n   \n  # indented comment\nJUSTTEXT\nA=1\n");
    assertEquals(1, f.entries().size());
    assertEquals(5, f.entries().get(0).line() - 1);
  }

  @Test
  void parse_loneCarriageReturn_doesNotSplitLines() {
    // only \n splits; "A=1\rB=2" is one line whose value is "1\rB=2"
    assertEquals("A=1\rB=2", only("A=1\rB=2"));
  }

  @Test
  void parse_quotedMultiLineValue_isNotJoined() {
    // no multi-line values: the first line loses its leading quote, the second has no '=' and
    // is skipped
    EnvFile f = EnvFile.parse("t.env", "A=\"line1\nline2\"\nB=2\n");
    assertEquals(List.of("A", "B"), f.entries().stream().map(EnvFile.Entry::key).toList());
    assertEquals("line1", f.entries().get(0).value());
  }

  @Test
  void parse_emptyKey_isCountedNotLoaded() {
    EnvFile f = EnvFile.parse("t.env", "=x\nA=1\n");
    assertEquals(1, f.entries().size());
    assertEquals(1, f.skippedEmptyKeys());
  }

  @Test
  void toString_neverShowsValues() {
    EnvFile f = EnvFile.parse("t.env", "KEY=canary-value-123\n");
    assertFalse(f.toString().contains("canary"));
    assertFalse(f.entries().get(0).toString().contains("canary"));
    assertTrue(f.entries().get(0).toString().contains("KEY"));
  }

  @Test
  void read_missingFile_throwsUserInputException(@TempDir Path dir) {
    Path missing = dir.resolve("nope.env");
    UserInputException e = assertThrows(UserInputException.class, () -> EnvFile.read(missing));
    assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
  }

  @Test
  void read_nonUtf8Bytes_throwsUserInputException(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.env");
    Files.write(bad, new byte[] {'A', '=', (byte) 0xFF, '\n'});
    assertThrows(UserInputException.class, () -> EnvFile.read(bad));
  }

  @Test
  void read_realFile_parses(@TempDir Path dir) throws IOException {
    Path f = dir.resolve(".env");
    Files.writeString(f, "ANTHROPIC_API_KEY=\"x\"\n");
    assertEquals("x", EnvFile.read(f).entries().get(0).value());
  }
}
