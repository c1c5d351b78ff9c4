package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.MIN;
import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.fromJson;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Workspaces inside one organisation: the prompt cache is isolated per workspace, a workspace's
 * spend limit refuses that workspace alone, the organisation's rate limits are shared, and a
 * workspace's own rate limits apply alongside them (the lower one binds).
 */
class WorkspacesTest {
  private static SimResult run(List<dev.polpocheck.trace.Call> calls, String json) {
    return Simulation.run(calls, fromJson(json), 7, OPTIONS);
  }

  private static String twoKeys(String wsA, String wsB, String extra) {
    return "{\"profiles\": ["
        + "{\"id\": \"a\", \"provider\": \"anthropic\", \"type\": \"api_key\", \"organisation\":"
        + " \"o\", \"workspace\": \"" + wsA + "\"},"
        + "{\"id\": \"b\", \"provider\": \"anthropic\", \"type\": \"api_key\", \"organisation\":"
        + " \"o\", \"workspace\": \"" + wsB + "\"}]" + extra + "}";
  }

  @Test
  void cacheEntries_areNotReadAcrossTheWorkspacesOfOneOrganisation() {
    // one session, two turns; Polpo's rotation picks the least recently used key, so turn 1 runs
    // on a and turn 2 on b. Turn 1 writes its 5,000-token prompt; turn 2's 10,000-token prompt
    // extends it. Same workspace: turn 2 reads 5,000 and writes 5,000. Different workspaces: the
    // entry is not visible, turn 2 writes all 10,000 and reads nothing.
    List<dev.polpocheck.trace.Call> calls =
        List.of(sonnet(0, "s1", 5_000, 100), sonnet(MIN, "s1", 10_000, 100));
    SimResult same = run(calls, twoKeys("w", "w", ""));
    assertEquals(5_000, same.tokens().cacheRead());
    assertEquals(10_000, same.tokens().cacheWrite5m());
    SimResult apart = run(calls, twoKeys("w1", "w2", ""));
    assertEquals(0, apart.tokens().cacheRead());
    assertEquals(15_000, apart.tokens().cacheWrite5m());
  }

  @Test
  void workspaceSpendLimit_refusesThatWorkspaceAlone() {
    // w1's limit is $0.01. s1 -> a (w1): 5,000 written x $3.75 + 100 out x $15 per MTok =
    // $0.01875 + $0.0015 = $0.02025, over the limit. s2 -> b (w2, no limit): runs. s3 -> a again
    // (least recently used): HTTP 400 "You have reached your specified API usage limits", not
    // retried; a client error, so it fails in either variant.
    SimResult r =
        run(
            List.of(
                sonnet(0, "s1", 5_000, 100),
                sonnet(MIN, "s2", 5_000, 100),
                sonnet(2 * MIN, "s3", 5_000, 100)),
            twoKeys(
                "w1",
                "w2",
                ", \"organisations\": {\"o\": {\"workspaces\": {\"w1\":"
                    + " {\"monthlySpendLimitUsd\": 0.01}}}}"));
    assertEquals(2, r.counts().ok());
    assertEquals(1, r.counts().failed());
    assertEquals(1, r.counts().billingRejections());
    assertEquals(List.of("a", "b"), r.byProfile().keySet().stream().sorted().toList());
    assertEquals(1, r.byProfile().get("b").calls());
  }

  /** 51 one-call sessions of Sonnet 4.5, one every 10 ms, each answered in 5 ms. */
  static List<Call> fiftyOneRequestsInHalfASecond() {
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      calls.add(
          new Call(
              SimFixtures.T0 + 10L * i, "s" + i, "coder", CallerRole.AGENT, "anthropic",
              "claude-sonnet-4-5", 100, 10, 0, 0, 0, 0, null, CallStatus.OK, 5, -1, false, false));
    }
    return calls;
  }

  private static String tier4Key(String organisations) {
    return "{\"profiles\": [{\"id\": \"a\", \"provider\": \"anthropic\", \"type\": \"api_key\","
        + " \"organisation\": \"o\", \"tier\": \"tier4\", \"workspace\": \"w\"}]"
        + organisations + "}";
  }

  @Test
  void workspaceRpm_refusesThe51stRequestThatTheTier4OrganisationAdmits() {
    // Tier 4 Sonnet 4.x: 4,000 RPM, 2,000,000 ITPM, 400,000 OTPM. Each request needs 1 request,
    // 100 input tokens and 32,000 reserved output tokens (min(64,000, 32,000)), refunded down to
    // 10 five ms later: the organisation admits all 51 (at most one reservation is out at once).
    SimResult org = run(fiftyOneRequestsInHalfASecond(), tier4Key(""));
    assertEquals(0, org.counts().rateLimited());
    assertEquals(51, org.counts().ok());
    // The workspace's own 50 RPM: a bucket of 50 refilled at 50/60,000 per ms. Request k (0-based)
    // comes at 10k ms and finds 50 - k + 10k x 50/60,000 tokens: k = 49 -> 1.408 (admitted),
    // k = 50 -> 50 - 50 + 0.4167 = 0.4167 < 1 -> 429. Its retry-after: the missing 0.5833 token at
    // 1/1,200 per ms = 700 ms, rounded up to whole seconds = 1 s; the SDK honours it (< 60 s),
    // the same path as an organisation's 429, and the retry at 1,500 ms is admitted.
    SimResult ws =
        run(
            fiftyOneRequestsInHalfASecond(),
            tier4Key(
                ", \"organisations\": {\"o\": {\"workspaces\": {\"w\": {\"rateLimits\":"
                    + " {\"SONNET_4\": {\"rpm\": 50}}}}}}"));
    assertEquals(1, ws.counts().rateLimited());
    assertEquals(1, ws.counts().sdkRetries());
    assertEquals(51, ws.counts().ok());
    assertEquals(1_000, ws.delays().maxMillis());
    assertEquals(1, ws.delays().delayedCalls());
  }

  @Test
  void workspaceLimitsOfAnotherModelClass_doNotApply() {
    // the workspace limits Haiku 4.5 only; these are Sonnet 4.x requests: nothing is refused
    SimResult r =
        run(
            fiftyOneRequestsInHalfASecond(),
            tier4Key(
                ", \"organisations\": {\"o\": {\"workspaces\": {\"w\": {\"rateLimits\":"
                    + " {\"HAIKU_4_5\": {\"rpm\": 1}}}}}}"));
    assertEquals(0, r.counts().rateLimited());
  }
}
