package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.MIN;
import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.scenario;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Context windows are enforced: pi-ai 0.62.0 never sends the {@code context-1m-2025-08-07} beta
 * (dist/providers/anthropic.js:417-463 set the only anthropic-beta headers), so Sonnet 4.5 accepts
 * 200,000 prompt tokens (model catalog) and a longer prompt is a 400 "prompt is too long".
 */
class ContextWindowTest {

  @Test
  void sonnet45PromptOver200k_fails400_andTheRunEnds() {
    // 210,000 > 200,000: the first turn fails (a 400 is not retried: SDK client.js shouldRetry)
    // and, in polpo-code, ends the agent run: the second turn is not run. Nothing is priced.
    SimResult r =
        Simulation.run(
            List.of(sonnet(0, "s1", 210_000, 100), sonnet(MIN, "s1", 1_000, 100)),
            scenario(List.of()),
            5,
            OPTIONS);
    assertEquals(0, r.counts().ok());
    assertEquals(1, r.counts().failed());
    assertEquals(1, r.counts().notRun());
    assertEquals(0, r.counts().sdkRetries());
    assertEquals(0, r.cost().total());
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("1 request(s) had a prompt longer")));
  }

  @Test
  void promptOfExactly200k_isAccepted() {
    SimResult r =
        Simulation.run(List.of(sonnet(0, "s1", 200_000, 100)), scenario(List.of()), 5, OPTIONS);
    assertEquals(1, r.counts().ok());
  }
}
