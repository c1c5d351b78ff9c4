package dev.polpocheck.json;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.polpocheck.Fuzzing;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the JSON reader with positions (every config, scenario and auth-profiles file goes
 * through it): any bytes give a document or a {@link JsonReadException}, in bounded time, with no
 * planted secret in the message. See {@link Fuzzing} and README "Tests" for the long run.
 */
class JsonReaderFuzzTest {

  static void parse(byte[] data) {
    byte[] input = Fuzzing.planted(data);
    Fuzzing.expectOnly(JsonReadException.class, () -> JsonReader.parse("fuzz.json", input));
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DictionaryFile(resourcePath = "/dev/polpocheck/json.dict")
  @FuzzTest(maxDuration = "10m")
  void parse_anyBytes_documentOrJsonReadException(byte[] data) {
    parse(data);
  }

  @Property(tries = 400)
  void parse_mutatedSeeds_documentOrJsonReadException(@ForAll("inputs") byte[] data) {
    Fuzzing.bounded(data, JsonReaderFuzzTest::parse);
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    return Fuzzing.mutants(
        JsonReaderFuzzTest.class, "parse_anyBytes_documentOrJsonReadException", "/dev/polpocheck/json.dict");
  }
}
