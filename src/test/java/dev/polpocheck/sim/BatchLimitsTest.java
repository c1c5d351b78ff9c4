package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.T0;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batch requests do not draw on the Messages API's live rate limits (the Batch API has its own:
 * https://platform.claude.com/docs/en/api/rate-limits, "Message Batches API").
 */
class BatchLimitsTest {

  @Test
  void batchCalls_doNotDrainTheLiveBuckets() {
    // Tier 1 Sonnet: 8,000 OTPM. Two live turns at once: the first empties the bucket (32,000
    // clamped to 8,000), the second gets a 429. Two batch requests at once, then a live turn:
    // none is refused, the buckets are still full for the live one.
    SimResult live =
        Simulation.run(
            List.of(sonnet(0, "s1", 2_000, 100), sonnet(0, "s2", 2_000, 100)),
            SimFixtures.tier1Env(),
            4,
            OPTIONS);
    assertEquals(3, live.counts().rateLimited());
    SimResult batch =
        Simulation.run(
            List.of(batch(0, "b1"), batch(0, "b2"), sonnet(0, "s1", 2_000, 100)),
            SimFixtures.tier1Env(),
            4,
            OPTIONS);
    assertEquals(0, batch.counts().rateLimited());
    assertEquals(3, batch.counts().ok());
  }

  private static Call batch(long at, String session) {
    return new Call(
        T0 + at, session, "coder", CallerRole.AGENT, "anthropic", "claude-sonnet-4-5", 2_000, 100,
        0, 0, 0, 0, null, CallStatus.OK, -1, -1, true, false);
  }
}
