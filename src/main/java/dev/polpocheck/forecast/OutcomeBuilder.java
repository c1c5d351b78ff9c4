package dev.polpocheck.forecast;

import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.trace.Call;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Accumulates priced calls of one run into a {@link RunOutcome}; one instance per run. */
public final class OutcomeBuilder {
  private final Horizon horizon;
  private CostBreakdown total = CostBreakdown.ZERO;
  private final SortedMap<String, CostBreakdown> byAgent = new TreeMap<>();
  private final SortedMap<String, CostBreakdown> byModel = new TreeMap<>();
  private final long[] dailyCost;
  private final long[] dailyRead;
  private final long[] dailyWrite;
  private long calls;
  private long rateLimited;
  private long failed;
  private long[] delays = new long[1024];
  private int delayCount;
  private final SortedMap<String, Long> profileCalls = new TreeMap<>();

  /** A builder bucketing by the days of {@code horizon}. */
  public OutcomeBuilder(Horizon horizon) {
    this.horizon = horizon;
    this.dailyCost = new long[horizon.days()];
    this.dailyRead = new long[horizon.days()];
    this.dailyWrite = new long[horizon.days()];
  }

  /** Records a call that ran, billed at {@code cost}, served by {@code profile} (may be null). */
  public void add(Call call, CostBreakdown cost, String profile, long addedDelayMillis) {
    calls++;
    total = total.plus(cost);
    byAgent.merge(call.agent(), cost, CostBreakdown::plus);
    byModel.merge(call.model(), cost, CostBreakdown::plus);
    int d = horizon.dayOf(call.timestampMillis());
    dailyCost[d] = Math.addExact(dailyCost[d], cost.total());
    dailyRead[d] += call.cacheReadTokens();
    dailyWrite[d] += call.cacheWriteTokens();
    if (profile != null) {
      profileCalls.merge(profile, 1L, Long::sum);
    }
    delay(addedDelayMillis);
  }

  /** Records a call that failed for good after {@code addedDelayMillis}. */
  public void fail(long addedDelayMillis) {
    calls++;
    failed++;
    delay(addedDelayMillis);
  }

  /** Counts {@code n} 429 responses. */
  public void rateLimited(long n) {
    rateLimited += n;
  }

  private void delay(long millis) {
    if (delayCount == delays.length) {
      delays = Arrays.copyOf(delays, delayCount * 2);
    }
    delays[delayCount++] = millis;
  }

  /** The finished outcome. */
  public RunOutcome build() {
    long[] sorted = Arrays.copyOf(delays, delayCount);
    Arrays.sort(sorted);
    List<ProfileUsage> profiles =
        profileCalls.entrySet().stream()
            .map(e -> new ProfileUsage(e.getKey(), e.getValue(), List.of()))
            .toList();
    return new RunOutcome(
        total, byAgent, byModel, dailyCost, dailyRead, dailyWrite, calls, rateLimited, failed,
        Stats.orderStatistic(sorted, 0.50), Stats.orderStatistic(sorted, 0.95), profiles);
  }
}
