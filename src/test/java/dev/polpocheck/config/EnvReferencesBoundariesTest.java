package dev.polpocheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.config.EnvReferences.FieldClass;
import dev.polpocheck.config.EnvReferences.Issue;
import dev.polpocheck.config.EnvReferences.Kind;
import dev.polpocheck.config.EnvReferences.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of the {@code ${VAR}} scanner that mutation testing found unguarded: which characters
 * make a shell-style {@code $name} (a POSIX "name", XBD 3.216: letters, digits and underscore of
 * the portable set, not starting with a digit), and offsets when the reference does not start the
 * value. Every expected index is counted by hand on the literal.
 */
class EnvReferencesBoundariesTest {

  private static List<Issue> issues(String value) {
    return EnvReferences.scan(value, FieldClass.NONE).issues();
  }

  @ParameterizedTest
  @ValueSource(chars = {'A', 'Z', 'a', 'z', '_'})
  void dollarName_startsWithLetterOrUnderscore_isFlagged(char first) {
    // "$" + first + "@": the name is the one character; '@' (0x40, just before 'A') ends it.
    assertEquals(
        List.of(new Issue(Kind.DOLLAR_NAME, String.valueOf(first), 0, 2, false)),
        issues("$" + first + "@"));
  }

  @ParameterizedTest
  @ValueSource(chars = {'@', '[', '`', '0', '9', '-'})
  void dollarFollowedByNonNameStart_isNotAReference(char next) {
    // '@' is just before 'A', '[' just after 'Z', '`' just before 'a'; digits cannot start a name.
    assertTrue(issues("$" + next + "x").isEmpty());
  }

  @Test
  void dollarName_takesDigitsAndUnderscores_andStopsAtTheNeighboursOfTheDigits() {
    // "x $a09_/" : '$' at 2, name "a09_" at 3..6, '/' (0x2F, just before '0') at 7 ends it.
    assertEquals(List.of(new Issue(Kind.DOLLAR_NAME, "a09_", 2, 7, false)), issues("x $a09_/"));
    // ':' (0x3A, just after '9') ends it too.
    assertEquals(List.of(new Issue(Kind.DOLLAR_NAME, "b9", 0, 3, false)), issues("$b9:"));
    // '{' and '}' are not name characters ('z' is 0x7A, '{' 0x7B).
    assertEquals(List.of(new Issue(Kind.DOLLAR_NAME, "z", 0, 2, false)), issues("$z}"));
  }

  @Test
  void dollarAtTheEnd_isNoReferenceAndNoError() {
    assertTrue(issues("cost in $").isEmpty());
    assertTrue(issues("a$").isEmpty());
  }

  @Test
  void referencesAfterText_haveOffsetsIntoTheWholeValue() {
    // "p-${A}": '$' at 2, '}' at 5, so the reference spans [2, 6).
    assertEquals(
        List.of(new Reference("A", 2, 6)),
        EnvReferences.scan("p-${A}", FieldClass.INLINE).references());
    // "a$${B}": '$$' at 1..2, '}' at 5: the issue spans [1, 6); in an inline field the inner
    // "${B}" is still a reference, [2, 6).
    EnvReferences.Scan dd = EnvReferences.scan("a$${B}", FieldClass.INLINE);
    assertEquals(List.of(new Issue(Kind.DOUBLE_DOLLAR, "B", 1, 6, false)), dd.issues());
    assertEquals(List.of(new Reference("B", 2, 6)), dd.references());
    // "x${AB" has no closing brace: unterminated from the '$' at 1 to the end (5).
    assertEquals(List.of(new Issue(Kind.UNTERMINATED, "AB", 1, 5, false)), issues("x${AB"));
    // "x$${AB": the same with a doubled dollar.
    assertEquals(List.of(new Issue(Kind.UNTERMINATED, "AB", 1, 6, false)), issues("x$${AB"));
  }

  @Test
  void osEnviron_needsANameAfterTheSlash() {
    // "os.environ/" is 11 characters: "x os.environ/KEY" has the issue at [2, 16).
    assertEquals(
        List.of(new Issue(Kind.OS_ENVIRON, "KEY", 2, 16, false)), issues("x os.environ/KEY"));
    assertTrue(issues("os.environ/-x").isEmpty());
    assertTrue(issues("os.environ/").isEmpty());
  }

  @Test
  void scanIsEmpty_onlyWithoutReferencesAndIssues() {
    assertTrue(EnvReferences.scan("plain text", FieldClass.INLINE).isEmpty());
    assertFalse(EnvReferences.scan("${A}", FieldClass.INLINE).isEmpty(), "a reference");
    assertFalse(EnvReferences.scan("$A", FieldClass.INLINE).isEmpty(), "an issue");
  }

  @Test
  void modelSpecShown_keepsUpTo80CharactersAndCutsLongerOnesAt60() {
    String eighty = "m".repeat(80);
    assertEquals(eighty, ModelSpec.shown(eighty));
    // 81 characters: the first 60, "…" and the length.
    assertEquals("m".repeat(60) + "… (81 characters)", ModelSpec.shown("m".repeat(81)));
  }

  @Test
  void secretScanner_shortestShape_eightCharacters_isFound() {
    // "a://b:c@" is the shortest database URL with a password (scheme, user, password, '@').
    List<SecretScanner.Match> m = SecretScanner.scan("a://b:c@");
    assertEquals(1, m.size());
    assertEquals("database URL with a password", m.get(0).kind());
    assertEquals(0, m.get(0).start());
    assertEquals(8, m.get(0).end());
  }
}
