package dev.polpocheck.sim;

import dev.polpocheck.cost.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The running results of one simulation run: call and attempt counters, token and cost tallies by
 * group, the time series, the cooldown and billing events, the delay histogram and the fidelity
 * sums. The engine's steps write the counters directly (plain fields, no per-call objects); {@link
 * ResultBuilder} turns them into a {@link SimResult} at the end.
 *
 * <p>Series buckets are {@code long[6]}: calls, cost (picodollars), cache reads, cache writes,
 * (unused), 429s.
 */
final class Accounting {
  private final Scenario sc;

  final Tally total = new Tally();
  final Map<String, Tally> byAgent = new HashMap<>();
  final Map<String, Tally> byModel = new HashMap<>();
  final Map<String, Tally> byOrg = new HashMap<>();
  final Tally[] agentTallies;
  final TreeMap<Long, long[]> series = new TreeMap<>();
  final List<SimResult.Event> events = new ArrayList<>();
  final DelayLog delays = new DelayLog();
  final TreeSet<String> unpricedModels = new TreeSet<>();
  final TreeSet<String> unlimitedModels = new TreeSet<>();
  private long bucketStart = Long.MIN_VALUE;
  private long[] currentBucket;
  long eventCount;
  long callsIn;
  long ok;
  long failed;
  long notRun;
  long attempts;
  long rateLimited;
  long sdkRetries;
  long polpoRetries;
  long rotationsOnError;
  long fallbacksUsed;
  long billingRejections;
  long noCredential;
  long unpricedCalls;
  long refreshCooldowns;
  long recordedErrors;
  long overloaded;
  long serverErrors;
  long timeouts;
  long midStreamErrors;
  long promptTooLong;
  long unpricedRecords;
  long costWithoutCache;
  long polpoCost;
  long totalDelay;
  long delayedCalls;
  long noUsableMillis;
  long tokensIn;
  long tokensUnrun;
  long fidCalls;
  long fidRecorded;
  long fidSimulated;
  long fidAbs;
  long fidRecordedWrites;
  long fidSimulatedWrites;

  Accounting(Scenario sc, Prepass pre) {
    this.sc = sc;
    this.agentTallies = new Tally[pre.agentCount()];
    for (int a = 0; a < pre.agentCount(); a++) {
      agentTallies[a] = tally(byAgent, pre.agentName(a));
    }
  }

  /** A call's end after {@code delay} ms of added delay; a failed call's tokens were never run. */
  void completed(long delay, boolean success, long tokens) {
    delays.add(delay);
    totalDelay += delay;
    if (delay > 0) {
      delayedCalls++;
    }
    if (success) {
      ok++;
    } else {
      failed++;
      tokensUnrun += tokens;
    }
  }

  /** A call that was not run because its session's agent run had ended. */
  void notRun(long tokens) {
    notRun++;
    tokensUnrun += tokens;
  }

  /** A priced call, {@code line}: its tokens and cost in every group it is in and the series. */
  void priced(Task k, Credential c, ReplayModel m, Tally line, long now) {
    total.merge(line);
    agentTallies[k.agent].merge(line);
    m.tally.merge(line);
    if (c.orgTally == null) {
      c.orgTally = tally(byOrg, c.organisation);
    }
    c.orgTally.merge(line);
    c.tally.merge(line);
    long[] b = bucket(now);
    b[0]++;
    b[1] = Money.add(b[1], line.costTotal());
    b[2] += line.read;
    b[3] += line.write5m + line.write1h;
  }

  /** One call's simulated cache split beside the one its trace recorded. */
  void fidelity(long recordedRead, long simulatedRead, long recordedWrites, long simulatedWrites) {
    fidCalls++;
    fidRecorded += recordedRead;
    fidSimulated += simulatedRead;
    fidAbs += Math.abs(simulatedRead - recordedRead);
    fidRecordedWrites += recordedWrites;
    fidSimulatedWrites += simulatedWrites;
  }

  /** A 429 at {@code now}, counted in the series. */
  void rateLimited(Credential c, long now) {
    rateLimited++;
    c.rateLimited++;
    bucket(now)[5]++;
  }

  /** A cooldown or billing-disable event; the first {@code maxEvents} are kept, all counted. */
  void event(long now, String kind, String subject, String reason, long until) {
    eventCount++;
    if (events.size() < sc.report().maxEvents()) {
      events.add(new SimResult.Event(now, kind, subject, reason, until));
    }
  }

  static Tally tally(Map<String, Tally> map, String key) {
    return map.computeIfAbsent(key, x -> new Tally());
  }

  private long[] bucket(long now) {
    long size = sc.report().seriesBucketMillis();
    if (currentBucket != null && now >= bucketStart && now - bucketStart < size) {
      return currentBucket;
    }
    bucketStart = Math.floorDiv(now, size) * size;
    currentBucket = series.computeIfAbsent(bucketStart, x -> new long[6]);
    return currentBucket;
  }
}
