package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Timestamps decide which day, week and block a call is billed in: the hand-written parser of the
 * common transcript form must agree with {@link Instant#parse} and hand other forms on.
 */
class FieldsTest {
  @Test
  void fastParser_agreesWithInstantParse_onTheCommonForms() {
    for (String s :
        new String[] {
          "2026-10-01T10:00:00.000Z",
          "2026-10-01T10:00:00Z",
          "2024-02-29T23:59:59.999Z",
          "1970-01-01T00:00:00Z",
          "2026-12-31T00:00:01.5Z"
        }) {
      assertEquals(Instant.parse(s).toEpochMilli(), Fields.isoMillis(s), s);
    }
  }

  @Test
  void otherForms_fallBackOrAreRejected() {
    // offset form: 12:00 at +02:00 is 10:00Z
    assertEquals(
        Instant.parse("2026-10-01T10:00:00Z").toEpochMilli(),
        Fields.isoMillis("2026-10-01T12:00:00+02:00"));
    assertNull(Fields.isoMillis("2026-02-30T10:00:00Z"));
    assertNull(Fields.isoMillis("2026-13-01T10:00:00.000Z"));
    assertNull(Fields.isoMillis("yesterday"));
    assertEquals(Long.MIN_VALUE, Fields.fastUtcMillis("2026-10-01T10:00:00.000+00:00"));
  }
}
