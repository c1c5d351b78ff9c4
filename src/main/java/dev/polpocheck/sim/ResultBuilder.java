package dev.polpocheck.sim;

import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.sim.rotation.ProfilePool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The assembly of a finished run's {@link SimResult} from its {@link Accounting}: counts, parts by
 * agent, model, profile and organisation, per-profile utilisation, the series, delay percentiles,
 * fidelity, the shared prefixes used, and the notes that explain what the setup made impossible or
 * what the input lacked.
 */
final class ResultBuilder {
  private final Scenario sc;
  private final SimOptions opt;
  private final long seed;
  private final Accounting acc;
  private final List<Credential> creds;
  private final ReplayModels models;
  private final ProfilePool pool;
  private final List<String> agentNames;
  private final long[] systemPrefix;

  ResultBuilder(
      Scenario sc,
      SimOptions opt,
      long seed,
      Accounting acc,
      List<Credential> creds,
      ReplayModels models,
      ProfilePool pool,
      List<String> agentNames,
      long[] systemPrefix) {
    this.sc = sc;
    this.opt = opt;
    this.seed = seed;
    this.acc = acc;
    this.creds = creds;
    this.models = models;
    this.pool = pool;
    this.agentNames = agentNames;
    this.systemPrefix = systemPrefix;
  }

  /** The run's result; {@code oversized} counts requests larger than a whole bucket. */
  SimResult build(long oversized) {
    SimResult.Counts counts =
        new SimResult.Counts(
            acc.callsIn,
            acc.ok,
            acc.failed,
            acc.notRun,
            acc.attempts,
            acc.rateLimited,
            acc.sdkRetries,
            acc.polpoRetries,
            acc.rotationsOnError,
            acc.fallbacksUsed,
            acc.billingRejections,
            acc.noCredential,
            oversized,
            acc.unpricedCalls,
            acc.overloaded,
            acc.serverErrors,
            acc.timeouts,
            acc.midStreamErrors,
            acc.unpricedRecords);
    Map<String, SimResult.Part> agentsOut = parts(acc.byAgent);
    for (ReplayModel m : models.all()) {
      if (m.tally.calls > 0) {
        Tally t = Accounting.tally(acc.byModel, m.spec);
        t.merge(m.tally);
      }
    }
    Map<String, SimResult.Part> modelsOut = parts(acc.byModel);
    Map<String, SimResult.Part> orgsOut = parts(acc.byOrg);
    Map<String, SimResult.Part> profilesOut = new TreeMap<>();
    List<SimResult.ProfileUse> uses = new ArrayList<>();
    Map<String, Long> callsPerProvider = new HashMap<>();
    for (Credential c : creds) {
      callsPerProvider.merge(c.provider, c.tally.calls, Long::sum);
    }
    for (Credential c : creds) {
      if (c.tally.calls > 0 || c.profileIndex >= 0) {
        profilesOut.put(c.id, c.tally.part());
        long all = callsPerProvider.getOrDefault(c.provider, 0L);
        uses.add(
            new SimResult.ProfileUse(
                c.id,
                c.provider,
                c.organisation,
                c.tally.calls,
                all == 0 ? 0 : (double) c.tally.calls / all,
                c.rateLimited,
                c.cooldowns,
                c.billingDisables,
                c.tally.cost()));
      }
    }
    uses.sort((a, b) -> a.id().compareTo(b.id()));
    List<SimResult.Bucket> buckets = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : acc.series.entrySet()) {
      long[] v = e.getValue();
      buckets.add(new SimResult.Bucket(e.getKey(), v[0], v[1], v[2], v[3], v[5]));
    }
    boolean anyCall = acc.ok + acc.failed > 0;
    SimResult.Delays d =
        new SimResult.Delays(
            anyCall ? acc.delays.percentile(50) : 0,
            anyCall ? acc.delays.percentile(95) : 0,
            anyCall ? acc.delays.percentile(99) : 0,
            anyCall ? acc.delays.max() : 0,
            acc.totalDelay,
            acc.delayedCalls,
            acc.noUsableMillis);
    SimResult.Fidelity fid =
        acc.fidCalls == 0
            ? null
            : new SimResult.Fidelity(
                acc.fidCalls,
                acc.fidRecorded,
                acc.fidSimulated,
                acc.fidAbs,
                acc.fidRecorded == 0
                    ? 0
                    : (double) (acc.fidSimulated - acc.fidRecorded) / acc.fidRecorded,
                acc.fidRecordedWrites,
                acc.fidSimulatedWrites);
    Map<String, Long> prefixes = new TreeMap<>();
    for (int a = 0; a < agentNames.size(); a++) {
      prefixes.put(agentNames.get(a), systemPrefix[a]);
    }
    CostBreakdown cost = acc.total.cost();
    return new SimResult(
        sc,
        seed,
        opt.selector().name().toLowerCase(),
        counts,
        acc.total.tokens(),
        cost,
        acc.costWithoutCache,
        acc.costWithoutCache - cost.total(),
        null,
        agentsOut,
        modelsOut,
        profilesOut,
        orgsOut,
        d,
        acc.events,
        acc.eventCount,
        uses,
        buckets,
        fid,
        prefixes,
        notes(oversized),
        acc.polpoCost);
  }

  private List<String> notes(long oversized) {
    List<String> notes = new ArrayList<>();
    if (sc.variant() == Variant.POLPO_CODE) {
      notes.add(
          "polpo-code: provider errors come back as messages and never reach Polpo's"
              + " classifier, so a 429 never rotates a credential or cools a profile down, and"
              + " billing-disable cannot happen; profile cooldowns come only from token-refresh"
              + " failures ("
              + acc.refreshCooldowns
              + " in this run). A failed agent turn ends its run.");
    }
    for (String provider : new TreeSet<>(sc.envKeys().keySet())) {
      int p = pool.providerIndex(provider);
      if (p >= 0) {
        notes.add(
            provider
                + ": an environment key is set, so its "
                + pool.profileCount(p)
                + " profile(s) are never used (Polpo reads the environment first).");
      }
    }
    if (oversized > 0) {
      notes.add(
          oversized
              + " request(s) needed more than a whole rate-limit bucket (max_tokens: 32,000 on"
              + " agent turns, the model's output limit on orchestrator calls); Anthropic's"
              + " handling is unpublished, so they were admitted when the bucket was full.");
    }
    if (acc.promptTooLong > 0) {
      notes.add(
          acc.promptTooLong
              + " request(s) had a prompt longer than the model's context window: HTTP 400"
              + " \"prompt is too long\" (pi-ai never sends the 1M-context beta header).");
    }
    if (!acc.unpricedModels.isEmpty()) {
      notes.add(
          acc.unpricedCalls
              + " call(s) ran on models without a price and cost 0: "
              + String.join(", ", acc.unpricedModels));
    }
    if (!models.uncatalogued().isEmpty()) {
      notes.add(
          "not in the model catalog (output reserved = actual output; minimum cacheable = "
              + sc.cache().defaultMinCacheableTokens()
              + "): "
              + String.join(", ", models.uncatalogued()));
    }
    if (!acc.unlimitedModels.isEmpty()) {
      notes.add(
          "no rate limits applied (no published tier limits, or tier unlimited; the 2026"
              + " evaluation and custom tiers take them from the scenario's tierLimits): "
              + String.join(", ", acc.unlimitedModels));
    }
    if (acc.recordedErrors > 0) {
      notes.add(
          acc.recordedErrors
              + " call(s) were recorded as provider errors; they are replayed as"
              + " requests with their recorded (possibly partial) usage.");
    }
    if (acc.noCredential > 0) {
      notes.add(acc.noCredential + " key fetch(es) found no usable credential (\"No API key\").");
    }
    return notes;
  }

  private static Map<String, SimResult.Part> parts(Map<String, Tally> map) {
    Map<String, SimResult.Part> out = new TreeMap<>();
    map.forEach(
        (k, v) -> {
          if (v.calls > 0) {
            out.put(k, v.part());
          }
        });
    return out;
  }
}
