package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.apiKey;
import static dev.polpocheck.sim.SimFixtures.scenario;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallerRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code max_tokens} each kind of call sends (pi-ai 0.62.0 simple-options.js:4 and :19-33,
 * Polpo 0.3.13 pi-client.ts:799,839) and what it reserves of the OTPM bucket. Tier 2's Sonnet 4
 * pool: 1,000 RPM, 450,000 ITPM, 90,000 OTPM; the OTPM bucket refills 90,000 / 60,000 ms = 1.5
 * tokens per ms.
 */
class MaxTokensTest {

  private static SimResult run(List<Call> calls, Scenario s) {
    return Simulation.run(calls, s, 3, OPTIONS);
  }

  private static Scenario tier2() {
    return scenario(List.of(apiKey("k", "org", "tier2")));
  }

  @Test
  void agentTurn_isCappedAtPiAisThirtyTwoThousand() {
    assertEquals(32_000, MaxTokens.agentTurn(64_000, "anthropic", "claude-sonnet-4-5", "off"));
    assertEquals(32_000, MaxTokens.agentTurn(128_000, "anthropic", "claude-opus-4-6", "off"));
    assertEquals(8_192, MaxTokens.agentTurn(8_192, "anthropic", "claude-3-5-haiku", "off"));
  }

  @Test
  void agentTurn_withBudgetThinking_addsTheBudgetUpToTheModelMaximum() {
    // medium: min(32,000 + 8,192, 64,000) = 40,192; high: min(32,000 + 16,384, 64,000) = 48,384
    assertEquals(40_192, MaxTokens.agentTurn(64_000, "anthropic", "claude-sonnet-4-5", "medium"));
    assertEquals(48_384, MaxTokens.agentTurn(64_000, "anthropic", "claude-sonnet-4-5", "xhigh"));
    // Opus 4.1 (32,000): min(32,000 + 2,048, 32,000) = 32,000
    assertEquals(32_000, MaxTokens.agentTurn(32_000, "anthropic", "claude-opus-4-1", "low"));
    // adaptive thinking (Sonnet 4.6, Opus 4.6) keeps the base; other providers too
    assertEquals(32_000, MaxTokens.agentTurn(64_000, "anthropic", "claude-sonnet-4-6", "high"));
    assertEquals(32_000, MaxTokens.agentTurn(64_000, "openai", "gpt-5", "high"));
    assertThrows(IllegalArgumentException.class, () -> MaxTokens.thinkingBudget("huge"));
  }

  @Test
  void threeAgentTurnsAtOnce_onTier2_twoFitAndTheThirdWaitsFourSeconds() {
    // Each agent turn reserves 32,000 of the 90,000 OTPM bucket: the first two leave 26,000; the
    // third needs 6,000 more, 6,000 / 1.5 = 4,000 ms -> retry-after 4 s, which the SDK honours; at
    // 4 s the bucket holds 26,000 + 6,000 = 32,000 and the call is admitted (the first two refund
    // only after their 10 s default latency). One 429, one SDK retry, 4 s of delay in all.
    // (Reserving the model's 64,000 would leave 26,000 after the first call and 429 the other two.)
    SimResult r =
        run(
            List.of(
                sonnet(0, "s1", 2_000, 100),
                sonnet(0, "s2", 2_000, 100),
                sonnet(0, "s3", 2_000, 100)),
            tier2());
    assertEquals(3, r.counts().ok());
    assertEquals(1, r.counts().rateLimited());
    assertEquals(1, r.counts().sdkRetries());
    assertEquals(4_000, r.delays().totalMillis());
  }

  @Test
  void twoOrchestratorCallsAtOnce_reserveTheModelMaximum() {
    // Orchestrator calls send model.maxTokens = 64,000: the second finds 26,000, needs 38,000
    // more: 38,000 / 1.5 = 25,333 ms -> retry-after 26 s (under 60 s: honoured); admitted at 26 s.
    Call a = orchestrator(0, "s1");
    Call b = orchestrator(0, "s2");
    SimResult r = run(List.of(a, b), tier2());
    assertEquals(2, r.counts().ok());
    assertEquals(1, r.counts().rateLimited());
    assertEquals(26_000, r.delays().totalMillis());
    // delays are reported exactly (nearest rank of 0 and 26,000): not a histogram bucket's top
    assertEquals(0, r.delays().p50Millis());
    assertEquals(26_000, r.delays().p95Millis());
    assertEquals(26_000, r.delays().maxMillis());
  }

  @Test
  void reasoningHigh_agentTurnsReserveTheThinkingBudgetToo() {
    // high: min(32,000 + 16,384, 64,000) = 48,384 per turn. The second finds 90,000 - 48,384 =
    // 41,616, needs 6,768 more: 6,768 / 1.5 = 4,512 ms -> retry-after 5 s; admitted at 5 s.
    Scenario s = tier2().withSettings(new Scenario.Settings("high", 0, Map.of()));
    SimResult r = run(List.of(sonnet(0, "s1", 2_000, 100), sonnet(0, "s2", 2_000, 100)), s);
    assertEquals(2, r.counts().ok());
    assertEquals(1, r.counts().rateLimited());
    assertEquals(5_000, r.delays().totalMillis());
  }

  private static Call orchestrator(long at, String session) {
    return SimFixtures.call(
        at, session, CallerRole.ORCHESTRATOR, "anthropic", "claude-sonnet-4-5", 2_000, 100, 0, 0);
  }
}
