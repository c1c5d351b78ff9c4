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
 * do, and their per-class rate limits, which could not be sourced, come from the scenario's
 * {@code tierLimits}.
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
    // not run. No rate limits apply: the scenario gives Start none.
    SimResult r = run(fiveHundredThirtyTurns(), key("start", ""));
    assertEquals(520, r.counts().ok());
    assertEquals(1, r.counts().failed());
    assertEquals(9, r.counts().notRun());
    assertEquals(3, r.counts().billingRejections());
    assertEquals(2, r.counts().sdkRetries());
    assertTrue(
        r.notes().stream().anyMatch(n -> n.startsWith("no rate limits applied")), r.notes()
            .toString());
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
    // without them Start has no rate limits: nothing is refused
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
