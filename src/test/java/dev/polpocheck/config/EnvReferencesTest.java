package dev.polpocheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.config.EnvReferences.FieldClass;
import dev.polpocheck.config.EnvReferences.Scan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Protects the {@code ${VAR}} grammar users are told about: which references Polpo expands in which
 * field class, which near-misses are flagged, and that offsets point at the {@code $}
 * (validation-ux.md §10.2, polpo-semantics.md §6). Expected offsets are counted by hand.
 */
class EnvReferencesTest {

  /**
   * Renders a scan as "refs | issues" with NAME@start-end and KIND:name@start-end (! = becomes
   * empty).
   */
  private static String render(Scan scan) {
    List<String> refs = new ArrayList<>();
    for (EnvReferences.Reference r : scan.references()) {
      refs.add(r.name() + "@" + r.start() + "-" + r.end());
    }
    List<String> issues = new ArrayList<>();
    for (EnvReferences.Issue i : scan.issues()) {
      issues.add(
          i.kind()
              + ":"
              + i.name()
              + "@"
              + i.start()
              + "-"
              + i.end()
              + (i.becomesEmpty() ? "!" : ""));
    }
    return String.join(" ", refs) + " | " + String.join(" ", issues);
  }

  @ParameterizedTest(name = "{1} [{0}] -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        // where Polpo expands a plain reference
        "${A};            NONE;        ' | NOT_EXPANDED:A@0-4'",
        "${A};            WHOLE_VALUE; 'A@0-4 | '",
        "${A};            INLINE;      'A@0-4 | '",
        "x-${A}-${B};     INLINE;      'A@2-6 B@7-11 | '",
        // inline in a whole-value field: used literally
        "https://${HOST}/hook; WHOLE_VALUE; ' | INLINE_IN_WHOLE_VALUE:HOST@8-15'",
        // starts with ${ and ends with }: the inner text 'A}-${B' is one (never set) name
        "${A}-${B};       WHOLE_VALUE; ' | INLINE_IN_WHOLE_VALUE:A@0-4!"
            + " INLINE_IN_WHOLE_VALUE:B@5-9!'",
        "${A:-x};         WHOLE_VALUE; ' | DEFAULT_IF_EMPTY:A@0-7!'",
        "${A:-x};         NONE;        ' | DEFAULT_IF_EMPTY:A@0-7'",
        "${A:-x};         INLINE;      ' | DEFAULT_IF_EMPTY:A@0-7'",
        "${A-x};          NONE;        ' | DEFAULT_IF_UNSET:A@0-6'",
        "${A:?err};       NONE;        ' | ERROR_IF_EMPTY:A@0-9'",
        "${A?err};        NONE;        ' | ERROR_IF_UNSET:A@0-8'",
        "${A:+y};         NONE;        ' | ALTERNATE:A@0-7'",
        "${A+y};          NONE;        ' | ALTERNATE:A@0-6'",
        "${ A };          NONE;        ' | SPACES:A@0-6'",
        "${env:A};        NONE;        ' | ENV_PREFIX:A@0-8'",
        "os.environ/OPENAI_API_KEY; NONE; ' | OS_ENVIRON:OPENAI_API_KEY@0-25'",
        // $${A} is no escape: the vault pattern still expands the inner ${A}
        "$${A};           INLINE;      'A@1-5 | DOUBLE_DOLLAR:A@0-5'",
        "$${A};           NONE;        ' | DOUBLE_DOLLAR:A@0-5'",
        "key-${A;         NONE;        ' | UNTERMINATED:A@4-7'",
        "$HOME/x;         NONE;        ' | DOLLAR_NAME:HOME@0-5'",
        // a leading digit is Polpo-valid but not portable
        "${1FOO};         INLINE;      '1FOO@0-7 | NON_PORTABLE_NAME:1FOO@0-7'",
        "${1FOO};         WHOLE_VALUE; '1FOO@0-7 | NON_PORTABLE_NAME:1FOO@0-7'",
        "${};             NONE;        ' | INVALID_NAME:@0-3'",
        "${};             WHOLE_VALUE; ' | INVALID_NAME:@0-3!'",
        "${A.B};          NONE;        ' | INVALID_NAME:A@0-6'",
        "$5 and US$;      NONE;        ' | '",
        "plain text;      WHOLE_VALUE; ' | '",
      })
  void scan_grammarTable_matchesPolpo(String value, FieldClass fieldClass, String expected) {
    assertEquals(expected.strip(), render(EnvReferences.scan(value, fieldClass)).strip());
  }

  @Test
  void scan_manyReferences_reportsEveryOneInOrder() {
    Scan s = EnvReferences.scan("${A} $B ${C:-x} ${D", FieldClass.NONE);
    assertEquals(4, s.issues().size());
    assertEquals(
        List.of(0, 5, 8, 16), s.issues().stream().map(EnvReferences.Issue::start).toList());
  }

  @Test
  void kind_misplacedReferences_areNotUnsupportedSyntax() {
    assertFalse(EnvReferences.Kind.NOT_EXPANDED.isUnsupportedSyntax());
    assertFalse(EnvReferences.Kind.INLINE_IN_WHOLE_VALUE.isUnsupportedSyntax());
    assertFalse(EnvReferences.Kind.NON_PORTABLE_NAME.isUnsupportedSyntax());
    assertTrue(EnvReferences.Kind.DEFAULT_IF_EMPTY.isUnsupportedSyntax());
  }

  @Test
  void isPortable_leadingDigit_isFalse() {
    assertFalse(EnvReferences.isPortable("1A"));
    assertTrue(EnvReferences.isPortable("_A1"));
  }
}
