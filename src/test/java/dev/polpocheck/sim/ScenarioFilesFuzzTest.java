package dev.polpocheck.sim;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.polpocheck.Fuzzing;
import dev.polpocheck.UserInputException;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
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

  /**
   * Found by fuzzing: a spend cap beyond what 64-bit picodollars hold (about 9.2 million USD)
   * overflowed in Money.fromUsd, an internal error with a stack trace. The schema now bounds it,
   * so the user gets the place.
   */
  @Test
  void spendCapBeyondExactMoney_isAPositionedError() {
    String json =
        "{\"profiles\": [\n  {\"id\": \"anthropic:a\", \"provider\": \"anthropic\", \"type\": \"api_key\",\n   \"monthlySpendCapUsd\": 1e22}]}";
    UserInputException e =
        assertThrows(UserInputException.class, () -> ScenarioFiles.parse("s.json", json));
    assertTrue(e.getMessage().startsWith("s.json:3:"), e.getMessage()); // the value's line
    assertTrue(e.getMessage().contains("/profiles/0/monthlySpendCapUsd"), e.getMessage());
    // 9,000,000 USD is accepted: 9e6 x 1e12 = 9e18 pp < 2^63 - 1 = 9.22e18.
    ScenarioFiles.parse("s.json", json.replace("1e22", "9000000"));
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
