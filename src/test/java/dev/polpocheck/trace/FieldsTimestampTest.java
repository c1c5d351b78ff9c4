package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written fast path of the timestamp parser, on both sides of each of its range checks.
 * Through {@link Fields#isoMillis} a wrong bound would not show (the general parser behind it gives
 * the same answer), so these call {@link Fields#fastUtcMillis} itself: every edge value must be
 * taken by the fast path with the right instant, every value one past an edge must be left to the
 * general parser ({@code Long.MIN_VALUE}).
 */
class FieldsTimestampTest {

  // Expected epoch milliseconds, by hand: a day is 86,400,000 ms; 1970-12-31 is day 364;
  // 2024-01-01 is day 19,723 (1,704,067,200 s), so 2024-02-29 is 19,723 + 31 + 28 = 19,782;
  // 0000-01-01 (proleptic ISO year 0) is -62,167,219,200 s; 9999-12-31T23:59:59.999Z is
  // 253,402,300,799,999 ms (Fields' own upper bound, the last millisecond of year 9999).
  @ParameterizedTest
  @CsvSource({
    "1970-01-01T00:00:00Z, 0",
    "1970-01-01T00:00:00.000Z, 0",
    "1970-01-01T23:59:59.999Z, 86399999",
    "1970-01-01T00:59:00Z, 3540000",
    "1970-01-01T00:00:59Z, 59000",
    "1970-01-01T23:00:00Z, 82800000",
    "1970-12-31T00:00:00Z, 31449600000",
    "1970-01-31T00:00:00Z, 2592000000",
    "2024-02-29T00:00:00Z, 1709164800000",
    "0000-01-01T00:00:00Z, -62167219200000",
    "9999-12-31T23:59:59.999Z, 253402300799999",
  })
  void edgeValues_areTakenByTheFastPath(String iso, long millis) {
    assertEquals(millis, Fields.fastUtcMillis(iso));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-00-10T00:00:00Z", // month 0
        "2026-13-10T00:00:00Z", // month 13
        "2026-01-00T00:00:00Z", // day 0
        "2026-01-32T00:00:00Z", // day 32 in a 31-day month
        "2023-02-29T00:00:00Z", // 29 February of a common year
        "2026-04-31T00:00:00Z", // 31 April
        "2026-01-01T24:00:00Z", // hour 24
        "2026-01-01T00:60:00Z", // minute 60
        "2026-01-01T00:00:60Z", // second 60 (leap seconds are the general parser's)
        "2026-01-01T00:00:00+00:00", // an offset, not Z
        "2026-01-01T00:00:00.12Z", // two fraction digits (length 23)
        "2026-01-01T00:00:00.1234Z", // four fraction digits (length 25)
        "2026-01-01 00:00:00Z", // space instead of T
        "2026/01-01T00:00:00Z", // '/' instead of the first '-'
        "2026-01/01T00:00:00Z", // '/' instead of the second '-'
        "2026-01-01T00-00:00Z", // '-' instead of the first ':'
        "2026-01-01T00:00-00Z", // '-' instead of the second ':'
        "2026-01-01T00:00:00,000Z", // ',' instead of '.'
        "2026-01-01T00:00:00.000z", // lower-case z
        "2/26-01-01T00:00:00Z", // '/' (just below '0') in the year
        "20:6-01-01T00:00:00Z", // ':' (just above '9') in the year
        "2026-01-01T00:00:00.0/0Z", // '/' in the fraction
      })
  void anythingElse_isLeftToTheGeneralParser(String iso) {
    assertEquals(Long.MIN_VALUE, Fields.fastUtcMillis(iso));
  }
}
