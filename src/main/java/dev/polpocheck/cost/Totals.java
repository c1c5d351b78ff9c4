package dev.polpocheck.cost;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Running sums of a group of calls: tokens by kind, cost by category, and the recorded cost where
 * the trace had one (with the computed cost of the same calls, so the two compare like with like).
 * Exact: token counts and picodollars are longs added with overflow checks.
 */
public final class Totals {
  long calls;
  long unpriced;
  long input;
  long output;
  long cacheRead;
  long cacheWrite5m;
  long cacheWrite1h;
  long cacheWriteUnsplit;
  CostBreakdown cost = CostBreakdown.ZERO;
  long recordedCalls;
  long recordedPicos;
  long computedOfRecordedPicos;
  long unpricedRecordedCalls;
  long unpricedRecordedPicos;
  final Set<String> models = new TreeSet<>();

  void add(Totals o) {
    calls += o.calls;
    unpriced += o.unpriced;
    input = Math.addExact(input, o.input);
    output = Math.addExact(output, o.output);
    cacheRead = Math.addExact(cacheRead, o.cacheRead);
    cacheWrite5m = Math.addExact(cacheWrite5m, o.cacheWrite5m);
    cacheWrite1h = Math.addExact(cacheWrite1h, o.cacheWrite1h);
    cacheWriteUnsplit = Math.addExact(cacheWriteUnsplit, o.cacheWriteUnsplit);
    cost = cost.plus(o.cost);
    recordedCalls += o.recordedCalls;
    recordedPicos = Money.add(recordedPicos, o.recordedPicos);
    computedOfRecordedPicos = Money.add(computedOfRecordedPicos, o.computedOfRecordedPicos);
    unpricedRecordedCalls += o.unpricedRecordedCalls;
    unpricedRecordedPicos = Money.add(unpricedRecordedPicos, o.unpricedRecordedPicos);
    models.addAll(o.models);
  }

  /** Calls in the group, priced or not. */
  public long calls() {
    return calls;
  }

  /** Calls whose model has no price in the catalog (their tokens are counted, not their cost). */
  public long unpriced() {
    return unpriced;
  }

  /** Uncached input tokens. */
  public long input() {
    return input;
  }

  /** Output tokens. */
  public long output() {
    return output;
  }

  /** Cache-read tokens. */
  public long cacheRead() {
    return cacheRead;
  }

  /** Cache writes recorded as 5-minute writes. */
  public long cacheWrite5m() {
    return cacheWrite5m;
  }

  /** Cache writes recorded as 1-hour writes. */
  public long cacheWrite1h() {
    return cacheWrite1h;
  }

  /** Cache writes recorded without a TTL split (priced with the assumed 1-hour share). */
  public long cacheWriteUnsplit() {
    return cacheWriteUnsplit;
  }

  /** All tokens. */
  public long totalTokens() {
    return input + output + cacheRead + cacheWrite5m + cacheWrite1h + cacheWriteUnsplit;
  }

  /** Computed cost by category, picodollars (unsplit writes already divided by the share). */
  public CostBreakdown cost() {
    return cost;
  }

  /** Calls that carried a recorded cost. */
  public long recordedCalls() {
    return recordedCalls;
  }

  /** Sum of the recorded costs, picodollars. */
  public long recordedPicos() {
    return recordedPicos;
  }

  /** Computed cost of the calls that carried a recorded cost, picodollars. */
  public long computedOfRecordedPicos() {
    return computedOfRecordedPicos;
  }

  /** Computed minus recorded, over the calls with a recorded cost (picodollars). */
  public long differencePicos() {
    return Math.subtractExact(computedOfRecordedPicos, recordedPicos);
  }

  /**
   * Unpriced calls whose trace recorded a cost: that cost is kept and shown apart (it is the only
   * figure there is for them), never mixed into the computed total.
   */
  public long unpricedRecordedCalls() {
    return unpricedRecordedCalls;
  }

  /** Sum of the recorded costs of unpriced calls, picodollars. */
  public long unpricedRecordedPicos() {
    return unpricedRecordedPicos;
  }

  /** Model ids seen in the group, sorted. */
  public Set<String> models() {
    return Collections.unmodifiableSet(models);
  }
}
