package dev.polpocheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.polpocheck.Fuzzing;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the string parsers of the config library: {@code .env} files, {@code ${VAR}} references
 * and model specs. None of them may throw on any text (they report through return values), each
 * answers in bounded time, and what they are documented to print safely (an env file's and an
 * entry's {@code toString}, a spec as messages quote it) shows no planted secret. See {@link
 * Fuzzing} and README "Tests" for the long run.
 */
class ConfigParsersFuzzTest {
  private static final String DICT = "/dev/polpocheck/text.dict";

  static void envFile(byte[] data) {
    String text = Fuzzing.plantedText(data);
    EnvFile env = EnvFile.parse("fuzz.env", text);
    Fuzzing.assertNoSecret("EnvFile.toString", env.toString());
    for (EnvFile.Entry e : env.entries()) {
      // Polpo's loader keys: trimmed, non-empty, never holding '=' (the split is at the first one).
      assertFalse(e.key().isEmpty() || e.key().contains("="), e.key());
      assertTrue(e.line() >= 1 && e.line() <= text.split("\n", -1).length, e.toString());
      Fuzzing.assertNoSecret("Entry.toString", e.toString().replace(e.key(), ""));
    }
  }

  static void envReferences(byte[] data) {
    String value = Fuzzing.plantedText(data);
    for (EnvReferences.FieldClass fc : EnvReferences.FieldClass.values()) {
      EnvReferences.Scan scan = EnvReferences.scan(value, fc);
      for (EnvReferences.Reference r : scan.references()) {
        assertTrue(0 <= r.start() && r.start() < r.end() && r.end() <= value.length());
        assertEquals("${" + r.name() + "}", value.substring(r.start(), r.end()));
      }
      for (EnvReferences.Issue i : scan.issues()) {
        assertTrue(0 <= i.start() && i.start() < i.end() && i.end() <= value.length(), "" + i);
      }
    }
  }

  static void modelSpec(byte[] data) {
    String spec = Fuzzing.plantedText(data);
    Optional<ModelSpec> parsed = ModelSpec.parse(spec);
    ModelSpec.droppedPrefix(spec);
    Fuzzing.assertNoSecret("ModelSpec.shown", ModelSpec.shown(spec));
    assertTrue(ModelSpec.shown(spec).length() <= 80 + 20, "shown is bounded");
    parsed.ifPresent(
        m -> {
          // Polpo splits "provider:model" at the first ':' and "provider/model" at the first '/'.
          assertFalse(m.provider().isEmpty());
          if (m.form() == ModelSpec.Form.COLON) {
            assertEquals(spec, m.canonical());
            assertFalse(m.provider().contains(":"));
          } else if (m.form() == ModelSpec.Form.SLASH) {
            assertEquals(spec, m.provider() + "/" + m.model());
            assertFalse(m.provider().contains("/"));
          } else {
            assertEquals(spec, m.model());
          }
        });
  }

  /**
   * Found by the bounded run: a long spec was cut at 60 characters inside a key, and the cut key
   * ended in "…", the mark of an already masked one, so messages showed 10 of its secret
   * characters. 47 x + the 50-character canary = 97 characters; masked, the canary is its prefix
   * "sk-ant-api03-" (13) and "…", so the first 60 characters are the 47 x and that prefix.
   */
  @Test
  void shown_longSpecCutInsideAKey_showsOnlyTheMaskedKey() {
    String spec = "x".repeat(47) + Fuzzing.CANARY;
    assertEquals("x".repeat(47) + "sk-ant-api03-… (97 characters)", ModelSpec.shown(spec));
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DictionaryFile(resourcePath = DICT)
  @FuzzTest(maxDuration = "10m")
  void envFile_anyBytes_entriesOrNothing(byte[] data) {
    envFile(data);
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DictionaryFile(resourcePath = DICT)
  @FuzzTest(maxDuration = "10m")
  void envReferences_anyValue_offsetsInsideValue(byte[] data) {
    envReferences(data);
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DictionaryFile(resourcePath = DICT)
  @FuzzTest(maxDuration = "10m")
  void modelSpec_anyText_parsedOrEmpty(byte[] data) {
    modelSpec(data);
  }

  @Property(tries = 300)
  void envFile_mutatedSeeds(@ForAll("envInputs") byte[] data) {
    Fuzzing.bounded(data, ConfigParsersFuzzTest::envFile);
  }

  @Property(tries = 300)
  void envReferences_mutatedSeeds(@ForAll("referenceInputs") byte[] data) {
    Fuzzing.bounded(data, ConfigParsersFuzzTest::envReferences);
  }

  @Property(tries = 300)
  void modelSpec_mutatedSeeds(@ForAll("specInputs") byte[] data) {
    Fuzzing.bounded(data, ConfigParsersFuzzTest::modelSpec);
  }

  @Provide
  Arbitrary<byte[]> envInputs() {
    return Fuzzing.mutants(getClass(), "envFile_anyBytes_entriesOrNothing", DICT);
  }

  @Provide
  Arbitrary<byte[]> referenceInputs() {
    return Fuzzing.mutants(getClass(), "envReferences_anyValue_offsetsInsideValue", DICT);
  }

  @Provide
  Arbitrary<byte[]> specInputs() {
    return Fuzzing.mutants(getClass(), "modelSpec_anyText_parsedOrEmpty", DICT);
  }
}
