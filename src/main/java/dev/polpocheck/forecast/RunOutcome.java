package dev.polpocheck.forecast;

import dev.polpocheck.cost.CostBreakdown;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one simulated run of a workload produced: cost (total, by part, agent, model and day),
 * rate-limit and delay figures, cache use per day and profile usage. Costs are picodollars.
 * Serializable, like its parts: {@code polpo-check-spark} ships outcomes from executors.
 *
 * @param total total cost split by part
 * @param byAgent cost per agent
 * @param byModel cost per model
 * @param dailyCost cost per day of the horizon
 * @param dailyCacheReadTokens prompt tokens read from the cache per day
 * @param dailyCacheWriteTokens prompt tokens written to the cache per day
 * @param calls calls attempted
 * @param rateLimited 429 responses received (retries included)
 * @param failed calls that failed for good, or were not run because an earlier failure ended
 *     their agent run
 * @param addedDelayP50Millis median delay the setup added to a call (waiting, retries)
 * @param addedDelayP95Millis 95th percentile of the added delay
 * @param profiles per-profile usage, sorted by id
 */
public record RunOutcome(
    CostBreakdown total,
    SortedMap<String, CostBreakdown> byAgent,
    SortedMap<String, CostBreakdown> byModel,
    long[] dailyCost,
    long[] dailyCacheReadTokens,
    long[] dailyCacheWriteTokens,
    long calls,
    long rateLimited,
    long failed,
    long addedDelayP50Millis,
    long addedDelayP95Millis,
    List<ProfileUsage> profiles) implements java.io.Serializable {

  public RunOutcome {
    byAgent = Collections.unmodifiableSortedMap(new TreeMap<>(byAgent));
    byModel = Collections.unmodifiableSortedMap(new TreeMap<>(byModel));
    dailyCost = dailyCost.clone();
    dailyCacheReadTokens = dailyCacheReadTokens.clone();
    dailyCacheWriteTokens = dailyCacheWriteTokens.clone();
    profiles = List.copyOf(profiles);
  }

  /**
   * Cache hit ratio of a day: reads / (reads + writes), the share of cached prefix served; NaN
   * ("no data") on a day with no cache activity, which is not a 0 % hit ratio.
   */
  public double cacheHitRatio(int day) {
    long r = dailyCacheReadTokens[day];
    long w = dailyCacheWriteTokens[day];
    return r + w == 0 ? Double.NaN : r / (double) (r + w);
  }

  /** Share of the calls that got a 429 at least once (429 count / calls; 0 without calls). */
  public double rateLimitedRate() {
    return calls == 0 ? 0 : rateLimited / (double) calls;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunOutcome r
        && r.total.equals(total)
        && r.byAgent.equals(byAgent)
        && r.byModel.equals(byModel)
        && Arrays.equals(r.dailyCost, dailyCost)
        && Arrays.equals(r.dailyCacheReadTokens, dailyCacheReadTokens)
        && Arrays.equals(r.dailyCacheWriteTokens, dailyCacheWriteTokens)
        && r.calls == calls
        && r.rateLimited == rateLimited
        && r.failed == failed
        && r.addedDelayP50Millis == addedDelayP50Millis
        && r.addedDelayP95Millis == addedDelayP95Millis
        && r.profiles.equals(profiles);
  }

  @Override
  public int hashCode() {
    return total.hashCode() * 31 + Arrays.hashCode(dailyCost);
  }

  @Override
  public String toString() {
    return "RunOutcome[total=" + total + ", calls=" + calls + ", 429=" + rateLimited + "]";
  }
}
