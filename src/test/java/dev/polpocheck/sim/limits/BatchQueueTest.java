package dev.polpocheck.sim.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The Batch API's limits per organisation (https://platform.claude.com/docs/en/api/rate-limits,
 * "Message Batches API"): RPM to its endpoints, batch requests in the processing queue.
 */
class BatchQueueTest {

  @Test
  void queueFull_refusesUntilTheEarliestQueuedRequestIsProcessed() {
    BatchQueue q = new BatchQueue(0);
    int k = q.key("o", new BatchLimits(0, 2));
    assertEquals(0, q.trySubmit(k, 0, 10_000));
    assertEquals(0, q.trySubmit(k, 0, 5_000));
    // full: the earliest completion is at 5,000 ms -> retry-after 5 s
    assertEquals(5_000, q.trySubmit(k, 0, 20_000));
    // 1,500 ms left -> rounded up to 2 s
    assertEquals(2_000, q.trySubmit(k, 3_500, 20_000));
    // at 5,000 ms that request is processed: a place is free
    assertEquals(0, q.trySubmit(k, 5_000, 20_000));
    assertNotEquals(0, q.trySubmit(k, 5_001, 20_000));
  }

  @Test
  void rpm_countsCreateCalls_oneMillisecondIsOneBatch() {
    BatchQueue q = new BatchQueue(0);
    int k = q.key("o", new BatchLimits(2, 0));
    assertEquals(0, q.trySubmit(k, 0, 1));
    assertEquals(0, q.trySubmit(k, 0, 1)); // same batch
    assertEquals(0, q.trySubmit(k, 1, 1));
    // a third create in the minute: the bucket holds 2 ms x 2/60,000 = 0.00007 of a token,
    // refilled at 1 per 30,000 ms -> 29,998 ms -> rounded up to 30 s
    assertEquals(30_000, q.trySubmit(k, 2, 1));
    assertEquals(0, q.trySubmit(k, 30_001, 1));
  }

  @Test
  void refusedSubmission_takesNoRpmTokenAndNoPlace() {
    BatchQueue q = new BatchQueue(0);
    int k = q.key("o", new BatchLimits(2, 1));
    assertEquals(0, q.trySubmit(k, 0, 1_000));
    assertEquals(1_000, q.trySubmit(k, 1, 1_000)); // queue full; no RPM token spent
    assertEquals(0, q.trySubmit(k, 1_000, 2_000)); // the second of the 2 RPM
  }

  @Test
  void organisations_haveTheirOwnQueues() {
    BatchQueue q = new BatchQueue(0);
    BatchLimits one = new BatchLimits(0, 1);
    int a = q.key("a", one);
    int b = q.key("b", one);
    assertEquals(a, q.key("a", one));
    assertEquals(b, q.key("b", one));
    assertEquals(0, q.trySubmit(a, 0, 1_000));
    assertEquals(0, q.trySubmit(b, 0, 1_000));
    assertNotEquals(0, q.trySubmit(a, 0, 1_000));
  }

  @Test
  void limits_mustNotBeNegative() {
    assertThrows(IllegalArgumentException.class, () -> new BatchLimits(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new BatchLimits(0, -1));
  }

  @Test
  void perBatchCap_the100001stRequestOfOneMillisecondIsASecondCreateCall() {
    // "A Message Batch is limited to either 100,000 Message requests or 256 MB in size"
    // (batch-processing page). With 1 create call per minute: 100,000 requests at t = 0 are one
    // batch (one RPM token); the 100,001st starts a second batch, whose create call finds the
    // bucket empty: 1 token at 1/60,000 per ms -> retry-after 60 s. At 60 s it is admitted.
    BatchQueue q = new BatchQueue(0);
    int k = q.key("o", new BatchLimits(1, 0));
    for (int i = 0; i < BatchQueue.MAX_REQUESTS_PER_BATCH; i++) {
      assertEquals(0, q.trySubmit(k, 0, 3_600_000), "request " + i);
    }
    assertEquals(60_000, q.trySubmit(k, 0, 3_600_000));
    assertEquals(0, q.trySubmit(k, 60_000, 3_600_000));
  }
}
