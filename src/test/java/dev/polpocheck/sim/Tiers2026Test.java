package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.MIN;
import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.fromJson;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.trace.Call;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 2026 usage tiers (Evaluation, Start, Build, Scale, Custom) of
 * https://platform.claude.com/docs/api/rate-limits: their monthly spend caps apply as Tier 1-4's
 * do; Start, Build and Scale ship their per-class limits, Evaluation and Custom take them from the
 * scenario's {@code tierLimits}; and their OTPM bucket counts the real output, not {@code
 * max_tokens}.
 */
class Tiers2026Test {
  private static final long DAY = 24 * 60 * MIN;

  private static SimResult run(List<Call> calls, String json) {
    return Simulation.run(calls, fromJson(json), 7, OPTIONS);
  }

  private static String key(String tier, String extra) {
    return "{\"profiles\": [{\"id\": \"a\", \"provider\": \"anthropic\", \"type\": \"api_key\","
        + " \"tier\": \"" + tier + "\"}]" + extra + "}";
  }

  /** 530 turns of one session, 10 minutes apart, from a day in (all in April 2026). */
  private static List<Call> fiveHundredThirtyTurns() {
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 530; i++) {
      calls.add(sonnet(DAY + i * 10 * MIN, "s1", 1_000, 64_000));
    }
    return calls;
  }

  @Test
  void startTier_spendCapOfFiveHundredDollars_pausesWith429sTheSdkRetries() {
    // Start's monthly spend cap is $500 (rate-limits page). Each call: 1,000 input x $3 + 64,000
    // output x $15 per MTok = $0.003 + $0.96 = $0.963. After 519 calls $499.797 < $500; after
    // 520, $500.76: the 521st gets the 429 enforced_spend_limit_reached without retry-after, the
    // SDK retries twice with its own backoff (3 refusals) and the run ends: 520 ok, 1 failed, 9
    // not run. Start's Sonnet 4.x limits (1,000 RPM, 2,000,000 ITPM, 400,000 OTPM) apply and never
    // bind: one call every 10 minutes, 64,000 output tokens each.
    SimResult r = run(fiveHundredThirtyTurns(), key("start", ""));
    assertEquals(520, r.counts().ok());
    assertEquals(1, r.counts().failed());
    assertEquals(9, r.counts().notRun());
    assertEquals(3, r.counts().billingRejections());
    assertEquals(2, r.counts().sdkRetries());
    assertEquals(0, r.counts().rateLimited());
    assertTrue(
        r.notes().stream().noneMatch(n -> n.startsWith("no rate limits applied")), r.notes()
            .toString());
  }

  @Test
  void thirteenAgentTurnsAtOnce_tier4ReservesMaxTokens_startCountsTheRealOutput() {
    // Tier 4 and Start give Sonnet 4.x the same 400,000 OTPM. Each agent turn sends max_tokens
    // min(64,000, 32,000) = 32,000 and produces 100 tokens. Tier 4 (late-2025: "estimated based
    // on max_tokens at the beginning of each request"): twelve turns hold 384,000; the 13th finds
    // 16,000 and needs 16,000 more at 400,000 / 60,000 ms = 6.667 tokens per ms: 2,400 ms ->
    // retry-after 3 s, honoured by the SDK (< 60 s); at 3 s the bucket holds 16,000 + 20,000 =
    // 36,000 (no refund yet: the turns end after their latency) and the turn is admitted. Start
    // (2026: "max_tokens does not affect OTPM accounting"): thirteen turns hold 13 x 100 = 1,300
    // tokens; nothing waits. RPM (4,000 / 1,000) and ITPM (13 x 2,000 input) never bind.
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      calls.add(sonnet(0, "s" + i, 2_000, 100));
    }
    SimResult tier4 = run(calls, key("tier4", ""));
    assertEquals(13, tier4.counts().ok());
    assertEquals(1, tier4.counts().rateLimited());
    assertEquals(3_000, tier4.delays().totalMillis());
    SimResult start = run(calls, key("start", ""));
    assertEquals(13, start.counts().ok());
    assertEquals(0, start.counts().rateLimited());
    assertEquals(0, start.delays().totalMillis());
  }

  @Test
  void startTier_shippedHaiku35Limits_bind_theSecondBigPromptWaits36Seconds() {
    // Start's Haiku 3.5 pool: 1,000 RPM, 100,000 ITPM, 20,000 OTPM. Two agent turns at once, 80,000
    // uncached input each: the first leaves 20,000; the second needs 60,000 more at 100,000 /
    // 60,000 ms = 1.667 tokens per ms: 36,000 ms -> retry-after 36 s, honoured by the SDK (< 60 s);
    // at 36 s the bucket holds 80,000 and the turn is admitted.
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      calls.add(
          SimFixtures.call(
              0, "s" + i, dev.polpocheck.trace.CallerRole.AGENT, "anthropic",
              "claude-3-5-haiku-20241022", 80_000, 100, 0, 0));
    }
    SimResult r = run(calls, key("start", ""));
    assertEquals(2, r.counts().ok());
    assertEquals(1, r.counts().rateLimited());
    assertEquals(36_000, r.delays().totalMillis());
  }

  @Test
  void customTier_hasNoSpendCap_andBuildsThousandDollarsIsNotReached() {
    // Custom: "no monthly spend cap" -> all 530 calls ($510.39) run. Build's $1,000 is not reached.
    assertEquals(530, run(fiveHundredThirtyTurns(), key("custom", "")).counts().ok());
    assertEquals(530, run(fiveHundredThirtyTurns(), key("build", "")).counts().ok());
  }

  @Test
  void startTier_refusesThe51stRequestOverTheStartRpmTheScenarioGives() {
    // The scenario gives Start's Sonnet 4.x limits as its Console shows them: 50 RPM, 2,000,000
    // ITPM, 400,000 OTPM. 51 one-call sessions, one every 10 ms, each reserving 32,000 output
    // tokens (min(64,000, 32,000)) refunded to 10 after 5 ms: only RPM binds. The RPM bucket of 50
    // refills at 50/60,000 per ms; request k (0-based) at 10k ms finds 50 - k + 10k x 50/60,000
    // tokens: k = 49 -> 1.408 (admitted), k = 50 -> 0.4167 < 1 -> 429 with retry-after 700 ms
    // rounded up to 1 s, which the SDK honours (< 60 s): the retry at 1,500 ms is admitted.
    String limits =
        ", \"tierLimits\": {\"start\": {\"SONNET_4\": {\"rpm\": 50, \"itpm\": 2000000,"
            + " \"otpm\": 400000}}}";
    SimResult r = run(WorkspacesTest.fiftyOneRequestsInHalfASecond(), key("start", limits));
    assertEquals(1, r.counts().rateLimited());
    assertEquals(1, r.counts().sdkRetries());
    assertEquals(51, r.counts().ok());
    assertEquals(1_000, r.delays().maxMillis());
    // with the shipped Start limits (1,000 RPM) nothing is refused
    assertEquals(0, run(WorkspacesTest.fiftyOneRequestsInHalfASecond(), key("start", "")).counts().rateLimited());
    // a scenario's tierLimits replace a late-2025 tier's class too: Tier 4's 4,000 RPM -> 50
    assertEquals(
        1,
        run(WorkspacesTest.fiftyOneRequestsInHalfASecond(), key("tier4", limits.replace("start", "tier4")))
            .counts()
            .rateLimited());
  }

  @Test
  void evaluationTier_hasNoCapOfItsOwn_theBillingPagesCapIsGivenAsTierSpendCapUsd() {
    // The page publishes no Evaluation cap: none applies (all 530 run, $510.39). A cap the
    // organisation's Billing page shows, $50, given as tierSpendCapUsd: 51 calls $49.113 < $50,
    // 52 calls $50.076 -> the 53rd gets the 429 without retry-after: 52 ok, 1 failed, 477 not run.
    assertEquals(530, run(fiveHundredThirtyTurns(), key("evaluation", "")).counts().ok());
    SimResult capped =
        run(fiveHundredThirtyTurns(),
            key("evaluation", ", \"organisations\": {\"a\": {\"tierSpendCapUsd\": 50}}"));
    assertEquals(52, capped.counts().ok());
    assertEquals(1, capped.counts().failed());
    assertEquals(477, capped.counts().notRun());
    assertEquals(3, capped.counts().billingRejections());
  }
}
