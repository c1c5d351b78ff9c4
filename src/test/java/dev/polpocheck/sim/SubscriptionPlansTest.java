package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.MIN;
import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.fromJson;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Max's tiers derived from a user-supplied Pro plan: "5x Pro usage" and "20x Pro usage"
 * (https://support.anthropic.com/en/articles/11145838-using-claude-code-with-your-max-plan).
 */
class SubscriptionPlansTest {
  private static final String PRO = "\"plans\": {\"pro\": {\"windows\": [{\"hours\": 5, \"tokens\": 2500}]}}";

  private static SimResult seat(String plan) {
    return Simulation.run(
        List.of(sonnet(0, "s1", 2_000, 100), sonnet(MIN, "s1", 3_000, 100)),
        fromJson(
            "{" + PRO + ", \"profiles\": [{\"id\": \"o\", \"provider\": \"anthropic\", \"type\":"
                + " \"oauth\", \"plan\": \"" + plan + "\"}]}"),
        7,
        OPTIONS);
  }

  @Test
  void proPlan_definesMaxFiveAndTwentyTimesItsWindows() {
    Scenario s = fromJson("{" + PRO + "}");
    // 2,500 x 5 = 12,500 and 2,500 x 20 = 50,000 tokens per 5-hour window
    assertEquals(12_500, s.plans().get("max-5x").windows().get(0).tokens());
    assertEquals(50_000, s.plans().get("max-20x").windows().get(0).tokens());
    assertEquals(5 * 3_600_000L, s.plans().get("max-20x").windows().get(0).millis());
  }

  @Test
  void aMaxSeat_fitsWhatAProSeatDoesNot() {
    // turn 1: 2,000 written + 100 out = 2,100; turn 2 reads 2,000, writes 1,000 + 100 out = 1,100.
    // Pro (2,500): 2,100 + 1,100 > 2,500 -> 429 for the rest of the window, the turn fails after
    // the SDK's 2 retries. Max 5x (12,500): 3,200 fits, both turns run.
    SimResult pro = seat("pro");
    assertEquals(1, pro.counts().failed());
    assertEquals(3, pro.counts().rateLimited());
    SimResult max = seat("max-5x");
    assertEquals(2, max.counts().ok());
    assertEquals(0, max.counts().rateLimited());
  }

  @Test
  void aMaxPlanTheFileDefines_isKept() {
    Scenario s =
        fromJson(
            "{\"plans\": {\"pro\": {\"windows\": [{\"hours\": 5, \"tokens\": 2500}]},"
                + " \"max-5x\": {\"windows\": [{\"hours\": 5, \"tokens\": 9000}]}}}");
    assertEquals(9_000, s.plans().get("max-5x").windows().get(0).tokens());
    assertEquals(50_000, s.plans().get("max-20x").windows().get(0).tokens());
  }
}
