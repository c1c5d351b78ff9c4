package dev.polpocheck.sim.limits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The Message Batches API's limits per organisation
 * (https://platform.claude.com/docs/en/api/rate-limits, "Message Batches API"): a
 * requests-per-minute bucket for the calls that create batches, and the processing queue, where "A
 * batch request is considered part of the processing queue when it has yet to be successfully
 * processed by the model".
 *
 * <p>A replay sees batch requests, not the HTTP calls that created their batches: the requests an
 * organisation submits in the same millisecond are taken as one batch, one create call (the
 * recorder writes every result of a batch with one timestamp), up to the per-batch cap of {@link
 * #MAX_REQUESTS_PER_BATCH} requests: a Message Batch holds at most 100,000 requests or 256 MB,
 * whichever is reached first (the batch-processing page, "Batch limitations", as its stored
 * translations https://docs.claude.com/ko/docs/build-with-claude/batch-processing and
 * https://docs.anthropic.com/de/docs/build-with-claude/message-batches state it), so the 100,001st
 * request of one millisecond starts a second batch, another create call. The 256 MB
 * cap is not checked: traces record no request sizes. A request that would overfill the
 * queue, or come when the RPM bucket is empty, gets the page's 429 "describing which rate limit
 * was exceeded, along with a retry-after header indicating how long to wait": here the time until
 * the bucket refills or the earliest queued request completes, rounded up to whole seconds. A
 * completion an hour away is a retry-after the SDK does not wait for (it retries only below 60 s),
 * so such a submission fails after the SDK's quick retries.
 */
public final class BatchQueue {
  /** Requests one Message Batch may hold (batch-processing page, "Batch limitations"). */
  public static final int MAX_REQUESTS_PER_BATCH = 100_000;

  private static final long MINUTE = 60_000L;

  private final Map<String, Integer> keys = new HashMap<>();
  private final List<Org> orgs = new ArrayList<>();
  private final long start;

  private static final class Org {
    final TokenBucket rpm;
    final long queue;
    final PriorityQueue<Long> pending = new PriorityQueue<>();
    long lastSubmit = Long.MIN_VALUE;
    int inBatch;

    Org(TokenBucket rpm, long queue) {
      this.rpm = rpm;
      this.queue = queue;
    }
  }

  /** Queues whose RPM buckets start full at {@code start} (epoch ms). */
  public BatchQueue(long start) {
    this.start = start;
  }

  /** The key of {@code organisation}'s batch limits, created on first use. */
  public int key(String organisation, BatchLimits limits) {
    Integer existing = keys.get(organisation);
    if (existing != null) {
      return existing;
    }
    int id = orgs.size();
    orgs.add(
        new Org(
            limits.rpm() == 0 ? null : new TokenBucket(limits.rpm(), MINUTE, start),
            limits.queue()));
    keys.put(organisation, id);
    return id;
  }

  /**
   * Submits one batch request at {@code now} that is processed at {@code done}.
   *
   * @return 0 when accepted (it occupies the queue until {@code done}), else the 429's
   *     retry-after in ms (whole seconds, at least 1,000)
   */
  public long trySubmit(int key, long now, long done) {
    Org o = orgs.get(key);
    while (!o.pending.isEmpty() && o.pending.peek() <= now) {
      o.pending.poll();
    }
    boolean newBatch = now != o.lastSubmit || o.inBatch >= MAX_REQUESTS_PER_BATCH;
    long wait = 0;
    if (o.rpm != null && newBatch) {
      wait = o.rpm.waitMillis(1, now);
    }
    if (o.queue > 0 && o.pending.size() >= o.queue) {
      wait = Math.max(wait, o.pending.peek() - now);
    }
    if (wait > 0) {
      return Math.max(1_000L, (wait + 999) / 1_000 * 1_000);
    }
    if (o.rpm != null && newBatch) {
      o.rpm.take(1, now);
    }
    o.lastSubmit = now;
    o.inBatch = newBatch ? 1 : o.inBatch + 1;
    if (o.queue > 0) {
      o.pending.add(done);
    }
    return 0;
  }
}
