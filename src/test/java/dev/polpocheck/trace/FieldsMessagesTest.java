package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.io.ContentReference;

/**
 * Protects the text a reader puts in a problem when JSON does not parse (a message with no text,
 * a column the parser does not know, the parser's source note, an echoed token), the test that
 * tells a whole JSON value from a cut line, and the two general ISO-8601 paths behind the fast
 * timestamp parser (fractions finer than a millisecond, and years epoch milliseconds cannot hold).
 */
class FieldsMessagesTest {

  private static StreamReadException at(String message, int column) {
    return new StreamReadException(
        null, message, new TokenStreamLocation(ContentReference.unknown(), -1, 1, column));
  }

  @Test
  void parserMessage_blankOrMissingIsUnreadableJson_elseTheReasonWithoutSourceOrToken() {
    assertEquals("unreadable JSON", Fields.parserMessage(new StreamReadException(null, " ")));
    assertEquals("unreadable JSON", Fields.parserMessage(new StreamReadException(null, null)));
    // the source note goes (the caller names file and line itself), and so does the token, which
    // is the record's own text
    assertEquals(
        "Unrecognized token: was expecting (JSON String, Number, Array, Object or token 'null',"
            + " 'true' or 'false')",
        Fields.parserMessage(
            new StreamReadException(
                null,
                "Unrecognized token 'Fz9cAnAry': was expecting (JSON String, Number, Array, Object"
                    + " or token 'null', 'true' or 'false')")));
    // Jackson's own start-marker note names the source: it goes as well
    assertEquals(
        "Unexpected end-of-input: expected close marker for Object",
        Fields.parserMessage(
            new StreamReadException(
                null,
                "Unexpected end-of-input: expected close marker for Object (start marker at"
                    + " [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`"
                    + " disabled); line: 1, column: 1])")));
  }

  @Test
  void malformed_namesTheColumnOnlyWhenTheParserKnowsIt() {
    assertEquals("bad at column 7: oops", Fields.malformed("bad", at("oops", 7)));
    assertEquals("bad at column 1: oops", Fields.malformed("bad", at("oops", 1)));
    assertEquals("bad: oops", Fields.malformed("bad", at("oops", 0)));
    assertEquals("bad: oops", Fields.malformed("bad", at("oops", -1)));
  }

  @Test
  void isJson_exactlyOneWholeValue() {
    assertTrue(isJson("[1, {\"a\": 2}]"));
    assertTrue(isJson("42"));
    assertFalse(isJson(""), "nothing is not a value");
    assertFalse(isJson("[1] [2]"), "two values on one line are not one record");
    assertFalse(isJson("[1, 2"), "a cut array");
    assertFalse(isJson("tru"));
  }

  private static boolean isJson(String s) {
    byte[] b = (s + "   tail that is not passed").getBytes(StandardCharsets.UTF_8);
    return Fields.isJson(b, s.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void isoMillis_generalPaths_microsecondsTruncated_andYearsBeyondEpochMillisAreNull() {
    // README example instant 2026-11-20T10:15:30.120Z with microseconds: 1795169730120 ms
    assertEquals(1_795_169_730_120L, Fields.isoMillis("2026-11-20T10:15:30.120456Z"));
    // Instant.MAX's year parses, but its epoch milliseconds overflow a long
    assertNull(Fields.isoMillis("+1000000000-01-01T00:00:00Z"));
    assertNull(Fields.isoMillis("+1000000000-01-01T00:00:00+01:00"));
    // without seconds Instant.parse refuses it; as an offset date-time it is 10:15:00Z
    assertEquals(1_795_169_700_000L, Fields.isoMillis("2026-11-20T12:15+02:00"));
  }
}
