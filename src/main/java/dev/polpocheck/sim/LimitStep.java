package dev.polpocheck.sim;

import dev.polpocheck.sim.limits.BatchLimits;
import dev.polpocheck.sim.limits.BatchQueue;
import dev.polpocheck.sim.limits.LimitSpec;
import dev.polpocheck.sim.limits.RateLimitTiers;
import dev.polpocheck.sim.limits.RateLimiter;
import dev.polpocheck.sim.limits.WindowBudget;
import java.util.Arrays;

/**
 * The limit step: whether a request is admitted now under its credential's subscription-plan
 * windows and its organisation's rate limits, and how long it must wait otherwise (the 429's
 * retry-after). Anthropic's limits apply to Anthropic models only, by tier and model class; a
 * tier of {@code unlimited}, or a model without published limits, is admitted at once unless its
 * workspace sets its own limits, which apply alongside the organisation's (the lower one binds).
 *
 * <p>The input-token bucket counts uncached input and cache writes, plus cache reads where the
 * tier's limits say they count. The output bucket, on a late-2025 tier, reserves {@code max_tokens}
 * until the call's latency has passed, when the unused part is refunded; on a 2026 tier it counts
 * the call's real output only ({@link #outputHold}).
 */
final class LimitStep {
  private final RateLimitTiers tiers;
  private final Accounting acc;
  private final RateLimiter limiter;
  private final BatchQueue batches;

  /** A limit step over {@code tiers}: the tier table with the scenario's own limits laid over. */
  LimitStep(RateLimitTiers tiers, Accounting acc, RateLimiter limiter, BatchQueue batches) {
    this.tiers = tiers;
    this.acc = acc;
    this.limiter = limiter;
    this.batches = batches;
  }

  /**
   * The wait in ms before the request may be sent, 0 when it is admitted now; an admitted request
   * has been charged to the plan windows and the limiter.
   *
   * @param key the limiter key from {@link #key}
   * @param out the call's output tokens (plan windows count actual output)
   * @param maxOut the output tokens reserved in the limiter
   * @param batchDone for a Message Batches request, when it is processed (it is checked against
   *     the Batch API's own limits, not the live buckets: {@code key} is -1); -1 for a live call
   */
  long admit(
      Credential c,
      ReplayModel m,
      int key,
      long in,
      long rd,
      long wr,
      long out,
      long maxOut,
      long now,
      long batchDone) {
    long wait = 0;
    for (WindowBudget w : c.plan) {
      wait = Math.max(wait, w.waitMillis(in + wr + out, now));
    }
    if (wait == 0 && batchDone >= 0) {
      wait = submitBatch(c, m, now, batchDone);
    }
    if (wait == 0 && key >= 0) {
      LimitSpec spec = c.limitSpecs[m.id];
      wait = limiter.tryAdmit(key, in + wr + (spec.cacheReadsCount() ? rd : 0), maxOut, now);
    }
    if (wait == 0) {
      for (WindowBudget w : c.plan) {
        w.consume(in + wr + out, now);
      }
    }
    return wait;
  }

  /**
   * A batch request of an Anthropic model on a tiered key against its organisation's Batch API
   * limits (batch RPM and processing queue, by tier:
   * https://platform.claude.com/docs/en/api/rate-limits, "Message Batches API").
   */
  private long submitBatch(Credential c, ReplayModel m, long now, long done) {
    if ("unlimited".equals(c.tier) || !"anthropic".equals(m.provider)) {
      return 0;
    }
    BatchLimits b = tiers.batchLimits(c.tier);
    if (b.rpm() == 0 && b.queue() == 0) {
      return 0;
    }
    return batches.trySubmit(batches.key(c.organisation, b), now, done);
  }

  /**
   * The output tokens a live request of {@code c} holds in its OTPM bucket from admission:
   * {@code maxTokens} (given back down to the real output when the response ends) where the tier's
   * edition reserves {@code max_tokens}, its real output {@code out} where the edition counts only
   * "tokens actually generated" ({@link RateLimitTiers#countsActualOutput}). Charging the real
   * output at admission, not as it streams, is the simulator's simplification: the bucket sees it
   * one latency early.
   */
  long outputHold(Credential c, long maxTokens, long out) {
    if (c.outputRule == 0) {
      c.outputRule = tiers.countsActualOutput(c.tier) ? (byte) 2 : (byte) 1;
    }
    return c.outputRule == 2 ? out : maxTokens;
  }

  /** Gives back {@code amount - actual} reserved output tokens on {@code key} at {@code now}. */
  void refundOutput(int key, long amount, long actual, long now) {
    limiter.refundOutput(key, amount, actual, now);
  }

  /** Requests that needed more than a whole bucket. */
  long oversizedRequests() {
    return limiter.oversizedRequests();
  }

  private LimitSpec limitSpec(Credential c, ReplayModel m) {
    if ("unlimited".equals(c.tier) || !"anthropic".equals(m.provider)) {
      return LimitSpec.UNLIMITED;
    }
    return tiers.limits(c.tier, m.cls);
  }

  /** The own limits of {@code c}'s workspace for {@code m}'s class (Anthropic models only). */
  private static LimitSpec workspaceSpec(Credential c, ReplayModel m) {
    if (m.cls == null || !"anthropic".equals(m.provider)) {
      return LimitSpec.UNLIMITED;
    }
    return c.workspaceLimits.getOrDefault(m.cls, LimitSpec.UNLIMITED);
  }

  /**
   * The limiter key of {@code c}'s organisation and {@code m}'s model class, or -1 when no limits
   * apply; resolved once per credential and model, then read from the credential's arrays.
   */
  int key(Credential c, ReplayModel m) {
    if (m.id >= c.limiterKeys.length) {
      int n = Math.max(m.id + 1, c.limiterKeys.length * 2);
      c.limiterKeys = Arrays.copyOf(c.limiterKeys, n);
      c.limitSpecs = Arrays.copyOf(c.limitSpecs, n);
    }
    int stored = c.limiterKeys[m.id];
    if (stored == 0) {
      LimitSpec spec = limitSpec(c, m);
      LimitSpec own = workspaceSpec(c, m);
      if (spec.unlimited() && own.unlimited()) {
        stored = 1;
        acc.unlimitedModels.add(m.spec);
      } else {
        stored = limiter.key(c.organisation, m.cls.name(), spec, c.workspace, own) + 2;
      }
      c.limiterKeys[m.id] = stored;
      c.limitSpecs[m.id] = spec.unlimited() ? own : spec; // whether cache reads count
    }
    return stored - 2;
  }
}
