package dev.polpocheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.config.EnvReferences.FieldClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Protects the config library against inputs nobody wrote a case for: the ${VAR} scanner never
 * fails and its offsets always point inside the value at what they claim, did-you-mean answers do
 * not depend on candidate order, and the .env parser keeps simple assignments intact.
 */
class ConfigProperties {

  @Property(tries = 300, seed = "20261125")
  void scan_anyValue_offsetsAreInsideAndReferencesSpellTheirName(
      @ForAll
          @Chars({'$', '{', '}', ':', '-', '?', '+', ' ', 'A', 'b', '1', '_', 'o', 's', '.', '/'})
          @StringLength(max = 40)
          String value,
      @ForAll FieldClass fieldClass) {
    EnvReferences.Scan scan = EnvReferences.scan(value, fieldClass);
    for (EnvReferences.Reference r : scan.references()) {
      assertTrue(0 <= r.start() && r.start() < r.end() && r.end() <= value.length());
      assertEquals("${" + r.name() + "}", value.substring(r.start(), r.end()));
    }
    for (EnvReferences.Issue i : scan.issues()) {
      assertTrue(0 <= i.start() && i.start() < i.end() && i.end() <= value.length(), i.toString());
    }
  }

  @Property(tries = 200, seed = "20261125")
  void rank_anyCandidateOrder_givesSameAnswerFromCandidates(
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String input,
      @ForAll @Size(max = 8) List<@AlphaChars @StringLength(min = 1, max = 12) String> candidates) {
    List<String> reversed = new ArrayList<>(candidates);
    Collections.reverse(reversed);
    List<String> answer = Suggestions.rank(input, candidates);
    assertEquals(answer, Suggestions.rank(input, reversed));
    assertTrue(answer.size() <= Suggestions.MAX_TIED);
    assertTrue(candidates.containsAll(answer));
  }

  @Property(tries = 200, seed = "20261125")
  void parse_simpleAssignment_keepsKeyAndValue(
      @ForAll @NotEmpty @CharRange(from = 'A', to = 'Z') @StringLength(max = 10) String key,
      @ForAll @CharRange(from = 'a', to = 'z') @StringLength(max = 20) String value) {
    EnvFile.Entry e = EnvFile.parse("p.env", key + "=" + value + "\r\n").entries().get(0);
    assertEquals(key, e.key());
    assertEquals(value, e.value());
  }
}
