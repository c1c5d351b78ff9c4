package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.T0;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Batch requests do not draw on the Messages API's live rate limits but on the Batch API's own
 * (https://platform.claude.com/docs/en/api/rate-limits, "Message Batches API": Tier 1 50 RPM to
 * the batch endpoints, 100,000 batch requests in the processing queue), and they are processed
 * (billed, and leave the queue) {@code timing.batchCompletionMinutes} after submission, default 60
 * (https://platform.claude.com/docs/en/build-with-claude/batch-processing: "most batches finishing
 * in less than 1 hour").
 */
class BatchLimitsTest {
  /** 2026-02-01T00:00:00Z. */
  private static final long FEB1 = 1_769_904_000_000L;

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

  private static Call batch(long at, String session, long input, long latency) {
    return new Call(
        T0 + at, session, "coder", CallerRole.AGENT, "anthropic", "claude-sonnet-4-5", input, 10,
        0, 0, 0, 0, null, CallStatus.OK, latency, -1, true, false);
  }

  @Test
  void batchRpm_51stCreateInAMinuteAtTier1_gets429AndTheSdkWaitsItsRetryAfter() {
    // 51 batch requests 1 ms apart: 51 create calls (a replay takes the requests of one
    // millisecond as one batch). Tier 1's 50 batch RPM: a bucket of 50 refilled at 1/1,200 per ms.
    // Request k (0-based, at k ms) finds 50 - k + k/1,200: k = 50 -> 0.0417, short of 1 by
    // 0.9583 x 1,200 = 1,150 ms -> retry-after 2 s (whole seconds), below 60 s: the SDK waits it
    // and the retry at 2,050 ms finds 0.0408 + 2,001/1,200 = 1.71 -> admitted. The queue (100,000)
    // never binds. Before: batch requests were not limited at all.
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      calls.add(batch(i, "b" + i, 100, -1));
    }
    SimResult r = Simulation.run(calls, SimFixtures.tier1Env(), 4, OPTIONS);
    assertEquals(1, r.counts().rateLimited());
    assertEquals(1, r.counts().sdkRetries());
    assertEquals(51, r.counts().ok());
    assertEquals(2_000, r.delays().maxMillis());
  }

  @Test
  void batchRequestsOfOneMillisecond_areOneCreateCall() {
    // 60 requests in the same millisecond: one batch, one of the 50 batch RPM: none refused
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      calls.add(batch(0, "b" + i, 100, -1));
    }
    SimResult r = Simulation.run(calls, SimFixtures.tier1Env(), 4, OPTIONS);
    assertEquals(0, r.counts().rateLimited());
    assertEquals(60, r.counts().ok());
  }

  @Test
  void batchCompletion_billsInTheMonthItEnds_soSpendLimitsSeeIt() {
    // A batch request at 2026-01-31 23:30 UTC, processed 60 minutes later (the default): billed on
    // 2026-02-01 00:30. Its 10,000-token prompt costs at least 10,000 x $3 / 2 per MTok = $0.015
    // (batch halves every rate), over the organisation's $0.01 monthly limit. A live call at
    // 23:45 on January 31 still finds January's spend at $0 and runs; one at 01:00 on February 1
    // finds February's over the limit and is refused (HTTP 400). Before, the batch was billed in
    // January: the 23:45 call was refused and the 01:00 one ran.
    SimResult r = spendLimitedRun(-1);
    assertEquals(2, r.counts().ok());
    assertEquals(1, r.counts().failed());
    // hourly series: the live call priced in 2026-01-31 23:00, the batch in 2026-02-01 00:00,
    // nothing priced at 01:00
    Map<Long, Long> priced = pricedPerHour(r);
    assertEquals(1L, priced.get(FEB1 - 60 * SimFixtures.MIN));
    assertEquals(1L, priced.get(FEB1));
    assertEquals(0L, priced.getOrDefault(FEB1 + 60 * SimFixtures.MIN, 0L));
  }

  @Test
  void batchRecordedLatency_isKeptAsItsCompletionTime() {
    // the same batch request with a recorded latency of 10 minutes: processed at 23:40 on January
    // 31, so it is billed in January and the 23:45 live call is refused, the 01:00 one runs
    Map<Long, Long> priced = pricedPerHour(spendLimitedRun(10 * SimFixtures.MIN));
    assertEquals(1L, priced.get(FEB1 - 60 * SimFixtures.MIN)); // the batch, at 23:40
    assertEquals(0L, priced.getOrDefault(FEB1, 0L));
    assertEquals(1L, priced.get(FEB1 + 60 * SimFixtures.MIN)); // the 01:00 call
  }

  /**
   * A Tier 4 key whose organisation may spend $0.01 a month: a 10,000-token batch request at
   * 2026-01-31 23:30 ({@code batchLatency} recorded, -1 for none), live calls at 23:45 and at
   * 2026-02-01 01:00.
   */
  private static SimResult spendLimitedRun(long batchLatency) {
    String json =
        "{\"profiles\": [{\"id\": \"a\", \"provider\": \"anthropic\", \"type\":"
            + " \"api_key\", \"organisation\": \"o\", \"tier\": \"tier4\"}],"
            + " \"organisations\": {\"o\": {\"monthlySpendLimitUsd\": 0.01}}}";
    List<Call> calls =
        List.of(
            batch(FEB1 - T0 - 30 * SimFixtures.MIN, "b", 10_000, batchLatency),
            sonnet(FEB1 - T0 - 15 * SimFixtures.MIN, "s1", 100, 10),
            sonnet(FEB1 - T0 + 60 * SimFixtures.MIN, "s2", 100, 10));
    return Simulation.run(calls, SimFixtures.fromJson(json), 4, OPTIONS);
  }

  /** Calls priced per hourly series bucket, by the bucket's start. */
  private static Map<Long, Long> pricedPerHour(SimResult r) {
    Map<Long, Long> priced = new TreeMap<>();
    for (SimResult.Bucket b : r.series()) {
      priced.put(b.startMillis(), b.calls());
    }
    return priced;
  }

  @Test
  void batchQueueFull_theNextSubmissionGets429sItCannotWaitOutAndFails() {
    // Tier 1: at most 100,000 batch requests in the processing queue. 100,001 requests in one
    // millisecond (one create call): the first 100,000 fill the queue until they are processed 60
    // minutes later; the last gets a 429 whose retry-after (60 min to the first completion) is
    // not below 60 s, so the SDK retries with its own backoff (0.5 s, 1 s), still full, and the
    // turn fails; Polpo's retries come within seconds too. None of the others is refused.
    List<Call> calls = new ArrayList<>(100_001);
    for (int i = 0; i <= 100_000; i++) {
      calls.add(batch(0, "b" + i, 100, -1));
    }
    SimResult r = Simulation.run(calls, SimFixtures.tier1Env(), 4, OPTIONS);
    assertEquals(100_000, r.counts().ok());
    assertEquals(1, r.counts().failed());
  }
}
