package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.MIN;
import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.call;
import static dev.polpocheck.sim.SimFixtures.fromJson;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallerRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The error paths besides 429 and 529, each worked out by hand from @anthropic-ai/sdk 0.73.0,
 * pi-ai / pi-agent-core 0.62.0 and Polpo 0.3.13 (898e166): a 500, an attempt that times out before
 * any response, and a stream that breaks after its response began.
 */
class InjectedErrorsTest {
  private static final String TWO_KEYS =
      """
      "profiles": [
        {"id": "a", "provider": "anthropic", "type": "api_key", "organisation": "o"},
        {"id": "b", "provider": "anthropic", "type": "api_key", "organisation": "o"}]
      """;

  private static SimResult run(List<Call> calls, String json) {
    return Simulation.run(calls, fromJson(json), 7, OPTIONS);
  }

  private static List<Call> twoTurns() {
    return List.of(sonnet(0, "s1", 2_000, 100), sonnet(MIN, "s1", 3_000, 100));
  }

  @Test
  void serverError_codeVariant_sdkRetriesTwiceThenTheRunEnds() {
    // SDK client.js:385 retries every status >= 500: 1 + 2 attempts get the 500, then pi-ai
    // returns the error as a message and the agent loop ends the run: the second turn is not run
    SimResult r = run(twoTurns(), "{\"errors\": {\"serverErrorRate\": 1}}");
    assertEquals(3, r.counts().serverErrors());
    assertEquals(2, r.counts().sdkRetries());
    assertEquals(1, r.counts().failed());
    assertEquals(1, r.counts().notRun());
    assertEquals(0, r.counts().overloaded());
  }

  @Test
  void serverError_docsOrchestrator_isNotTransientForWithRetry_unlikeA529() {
    // Polpo packages/core/src/retry.ts isTransient: timeout, econnreset, econnrefused, socket hang
    // up, 429, 503, overloaded, rate limit - not "500": withRetry gives up at once (a 529 gets
    // two retries: SimulationPoliciesTest.overloaded_docsOrchestrator_isTransientForWithRetry)
    SimResult r =
        run(
            List.of(call(0, "o1", CallerRole.ORCHESTRATOR, "anthropic", "claude-sonnet-4-5",
                2_000, 100, 0, 0)),
            "{\"variant\": \"polpo-docs\", \"errors\": {\"serverErrorRate\": 1},"
                + " \"retry\": {\"sdkMaxRetries\": 0}}");
    assertEquals(1, r.counts().failed());
    assertEquals(1, r.counts().serverErrors());
    assertEquals(0, r.counts().polpoRetries());
  }

  @Test
  void serverError_docsVariant_coolsTheProfileDownAndTheTurnMovesOn() {
    // classifyProviderError: "500" -> server_error, which cools down and fails over; a -> b,
    // then b cools down too and nothing is left
    SimResult r =
        run(
            List.of(sonnet(0, "s1", 2_000, 100)),
            "{\"variant\": \"polpo-docs\", \"errors\": {\"serverErrorRate\": 1},"
                + " \"retry\": {\"sdkMaxRetries\": 0}, " + TWO_KEYS + "}");
    assertEquals(List.of("a", "b"), r.events().stream().map(SimResult.Event::subject).toList());
    assertEquals("server_error", r.events().get(0).reason());
    assertEquals(1, r.counts().rotationsOnError());
    assertEquals(1, r.counts().failed());
  }

  @Test
  void timeout_withoutSdkRetries_theTurnFailsTenMinutesLater() {
    // no headers: the SDK's fetch is aborted after its default 10-minute timeout (client.js:62;
    // pi-ai sets none), no retries left -> "Request timed out." at T0 + 600 s: delay 600,000 ms
    SimResult r =
        run(twoTurns(), "{\"errors\": {\"timeoutRate\": 1}, \"retry\": {\"sdkMaxRetries\": 0}}");
    assertEquals(1, r.counts().timeouts());
    assertEquals(1, r.counts().failed());
    assertEquals(1, r.counts().notRun());
    assertEquals(600_000, r.delays().maxMillis());
  }

  @Test
  void timeout_sdkRetriesTwice_eachAttemptWaitsTheWholeTimeoutPlusTheBackoff() {
    // 3 attempts x 600 s, plus the SDK's backoff after a connection error (no retry-after):
    // 0.5 s x (1 - 0.25u) then 1 s x (1 - 0.25u), u in [0, 1): between 1,800,000 + 375 + 750 and
    // 1,800,000 + 500 + 1,000 ms
    SimResult r = run(twoTurns(), "{\"errors\": {\"timeoutRate\": 1}}");
    assertEquals(3, r.counts().timeouts());
    assertEquals(2, r.counts().sdkRetries());
    long max = r.delays().maxMillis();
    assertTrue(max > 1_801_125 && max <= 1_801_500, "delay " + max);
  }

  @Test
  void timeout_docsVariant_isUnknownToPolposClassifier_soNothingCoolsDownOrRotates() {
    // "Request timed out." (SDK core/error.js:86) holds none of classifyProviderError's substrings
    // ("timeout" is one word there): reason unknown, no cooldown, no failover, the turn fails
    SimResult r =
        run(
            List.of(sonnet(0, "s1", 2_000, 100)),
            "{\"variant\": \"polpo-docs\", \"errors\": {\"timeoutRate\": 1},"
                + " \"retry\": {\"sdkMaxRetries\": 0}, " + TWO_KEYS + "}");
    assertEquals(List.of(), r.events());
    assertEquals(0, r.counts().rotationsOnError());
    assertEquals(1, r.counts().failed());
  }

  @Test
  void midStream_isNotRetriedByTheSdk_andEndsTheRunWhenTheResponseBegan() {
    // the request is admitted and its response begins after timing.firstTokenSeconds (1 s; the
    // call records no latency); the SSE error event is thrown from the stream, past the SDK's
    // retry loop: 1 attempt, 0 retries, the turn fails at T0 + 1 s and the run ends; nothing is
    // billed
    SimResult r = run(twoTurns(), "{\"errors\": {\"midStreamErrorRate\": 1}}");
    assertEquals(1, r.counts().midStreamErrors());
    assertEquals(1, r.counts().attempts());
    assertEquals(0, r.counts().sdkRetries());
    assertEquals(1, r.counts().failed());
    assertEquals(1, r.counts().notRun());
    assertEquals(1_000, r.delays().maxMillis());
    assertEquals(0, r.cost().total());
  }

  @Test
  void midStream_returnsTheOutputReservation_soTheNextRequestIsNotHeldBack() {
    // Tier 1 Sonnet 4.5: 8,000 OTPM; an agent turn reserves min(64,000, 32,000) = 32,000, more
    // than the bucket, so it takes all 8,000. s1's stream breaks at T0 + 1 s and gives the 8,000
    // back; s2's turn at T0 + 2 s is admitted at once (no 429, both break at their first token:
    // 1 s of delay each). Without the refund the bucket would hold 8,000 x 2/60 = 266 tokens at
    // T0 + 2 s and s2 would get a 429.
    SimResult r =
        run(
            List.of(sonnet(0, "s1", 2_000, 100), sonnet(2_000, "s2", 2_000, 100)),
            "{\"errors\": {\"midStreamErrorRate\": 1}, \"profiles\": [{\"id\": \"a\","
                + " \"provider\": \"anthropic\", \"type\": \"api_key\", \"organisation\":"
                + " \"o\", \"tier\": \"tier1\"}]}");
    assertEquals(2, r.counts().midStreamErrors());
    assertEquals(0, r.counts().rateLimited());
    assertEquals(2_000, r.delays().totalMillis());
  }
}
