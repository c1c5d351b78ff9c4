package dev.polpocheck.sim;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.polpocheck.Fuzzing;
import dev.polpocheck.UserInputException;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes scenario files ({@code simulate --scenario}, {@code forecast --scenario}): any text gives
 * a scenario or one {@link UserInputException} naming the place, in bounded time, with no planted
 * secret in the message. See {@link Fuzzing} and README "Tests" for the long run.
 */
class ScenarioFilesFuzzTest {
  private static final String DICT = "/dev/polpocheck/json.dict";

  static void scenario(byte[] data) {
    String text = Fuzzing.plantedText(data);
    Fuzzing.expectOnly(UserInputException.class, () -> ScenarioFiles.parse("fuzz.json", text));
  }

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DictionaryFile(resourcePath = DICT)
  @FuzzTest(maxDuration = "10m")
  void scenario_anyBytes_scenarioOrUserInputException(byte[] data) {
    scenario(data);
  }

  @Property(tries = 300)
  void scenario_mutatedSeeds(@ForAll("inputs") byte[] data) {
    Fuzzing.bounded(data, ScenarioFilesFuzzTest::scenario);
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    return Fuzzing.mutants(getClass(), "scenario_anyBytes_scenarioOrUserInputException", DICT);
  }
}
