package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.MIN;
import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.fromJson;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Workspaces inside one organisation: the prompt cache is isolated per workspace, a workspace's
 * spend limit refuses that workspace alone, and the organisation's rate limits are shared.
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
}
