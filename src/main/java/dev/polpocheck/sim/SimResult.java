package dev.polpocheck.sim;

import dev.polpocheck.cost.CostBreakdown;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one simulation run found: cost and its parts (picodollars), where it went, what the workload
 * suffered (429s, retries, failures, delay) and what happened to the credentials. Maps are sorted
 * by key and lists are in time order, so equal runs give equal results.
 *
 * @param scenario the effective scenario
 * @param seed the run's seed
 * @param selector the selector implementation used ("fast" or "reference")
 * @param counts how the calls ended and what was retried
 * @param tokens priced tokens of the calls that ran
 * @param cost total cost by part
 * @param costWithoutCachePicos the same calls with every prompt token at the input price
 * @param cacheSavingsPicos {@code costWithoutCache - cost.total()}
 * @param rotation this setup against {@code sticky} on the same input, or null when not run
 * @param byAgent cost by agent ("" = unknown)
 * @param byModel cost by {@code provider:model} as replayed
 * @param byProfile cost by credential (profile id, or {@code env:provider})
 * @param byOrganisation cost by organisation / workspace
 * @param delays added delay per call and time with no usable profile
 * @param events cooldown and billing-disable events, first {@code maxEvents} in time order
 * @param eventCount all events, including those not listed
 * @param profiles per-credential utilisation
 * @param series cost and cache use per time bucket
 * @param fidelity simulated against recorded cache reads, or null when not comparable
 * @param systemPrefixTokens the shared system prefix used per agent
 * @param notes plain-language remarks (what the variant makes impossible, flagged requests)
 * @param polpoCostPicos what Polpo itself would record as {@code costUsd} for the calls that ran:
 *     pi-ai's formula and catalog (every cache write at the 5-minute price, no long-context or
 *     batch rule; 0 for models pi-ai has no price for, as for Polpo's custom models)
 */
public record SimResult(
    Scenario scenario,
    long seed,
    String selector,
    Counts counts,
    Tokens tokens,
    CostBreakdown cost,
    long costWithoutCachePicos,
    long cacheSavingsPicos,
    RotationCost rotation,
    Map<String, Part> byAgent,
    Map<String, Part> byModel,
    Map<String, Part> byProfile,
    Map<String, Part> byOrganisation,
    Delays delays,
    List<Event> events,
    long eventCount,
    List<ProfileUse> profiles,
    List<Bucket> series,
    Fidelity fidelity,
    Map<String, Long> systemPrefixTokens,
    List<String> notes,
    long polpoCostPicos) {

  public SimResult {
    Objects.requireNonNull(scenario, "scenario");
    byAgent = new TreeMap<>(byAgent);
    byModel = new TreeMap<>(byModel);
    byProfile = new TreeMap<>(byProfile);
    byOrganisation = new TreeMap<>(byOrganisation);
    events = List.copyOf(events);
    profiles = List.copyOf(profiles);
    series = List.copyOf(series);
    systemPrefixTokens = new TreeMap<>(systemPrefixTokens);
    notes = List.copyOf(notes);
  }

  /** This result with the rotation comparison filled in. */
  public SimResult withRotation(RotationCost r) {
    return new SimResult(
        scenario,
        seed,
        selector,
        counts,
        tokens,
        cost,
        costWithoutCachePicos,
        cacheSavingsPicos,
        r,
        byAgent,
        byModel,
        byProfile,
        byOrganisation,
        delays,
        events,
        eventCount,
        profiles,
        series,
        fidelity,
        systemPrefixTokens,
        notes,
        polpoCostPicos);
  }

  /**
   * How the calls ended. {@code callsIn == ok + failed + notRun} always holds.
   *
   * @param callsIn calls read
   * @param ok calls that got a response
   * @param failed calls that exhausted their retries (or found no credential)
   * @param notRun later calls of agent runs that a failure ended
   * @param attempts HTTP requests sent, retries included
   * @param rateLimited 429 responses
   * @param sdkRetries retries by the SDK
   * @param polpoRetries retries by Polpo's withRetry
   * @param rotationsOnError turns moved to another profile after an error (docs variant)
   * @param fallbacks orchestrator calls moved to a fallback model
   * @param billingRejections requests refused because a spend cap ran out
   * @param noCredential key fetches that found no usable credential
   * @param oversizedRequests requests whose need exceeded a whole rate-limit bucket
   * @param unpricedCalls calls that ran on a model without a price (cost 0, listed in notes)
   * @param overloaded injected 529 overloaded responses
   * @param serverErrors injected 500 api_error responses
   * @param timeouts injected attempts that timed out before any response
   * @param midStreamErrors injected streams that broke after their response began
   * @param unpricedRecords input records whose replay model has no price, whether they ran or not
   */
  public record Counts(
      long callsIn,
      long ok,
      long failed,
      long notRun,
      long attempts,
      long rateLimited,
      long sdkRetries,
      long polpoRetries,
      long rotationsOnError,
      long fallbacks,
      long billingRejections,
      long noCredential,
      long oversizedRequests,
      long unpricedCalls,
      long overloaded,
      long serverErrors,
      long timeouts,
      long midStreamErrors,
      long unpricedRecords) {}

  /** Token counts by part. */
  public record Tokens(
      long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h) {
    /** Prompt tokens: input + reads + writes. */
    public long prompt() {
      return input + cacheRead + cacheWrite5m + cacheWrite1h;
    }
  }

  /** Calls, tokens and cost of one group (agent, model, profile or organisation). */
  public record Part(long calls, Tokens tokens, CostBreakdown cost) {}

  /**
   * The cache cost of rotation: this setup against {@code sticky} rotation on the same input.
   *
   * @param stickyCostPicos total cost under sticky
   * @param differencePicos this cost minus sticky's (positive: rotation costs more)
   * @param stickyCacheReadTokens cache reads under sticky
   * @param stickyCacheWriteTokens cache writes under sticky
   * @param stickyOkCalls calls that ran under sticky (the costs compare like with like only when
   *     this equals the run's own ok count)
   */
  public record RotationCost(
      long stickyCostPicos,
      long differencePicos,
      long stickyCacheReadTokens,
      long stickyCacheWriteTokens,
      long stickyOkCalls) {}

  /**
   * Added delay per call (ok and failed calls; ms; exact nearest-rank percentiles of the recorded
   * values), and time with no usable profile.
   *
   * @param p50Millis median
   * @param p95Millis 95th percentile
   * @param p99Millis 99th percentile
   * @param maxMillis largest
   * @param totalMillis sum over calls
   * @param delayedCalls calls with any added delay
   * @param noUsableProfileMillis union of the periods in which a key fetch found every profile of
   *     its provider cooling down or disabled
   */
  public record Delays(
      long p50Millis,
      long p95Millis,
      long p99Millis,
      long maxMillis,
      long totalMillis,
      long delayedCalls,
      long noUsableProfileMillis) {}

  /**
   * A cooldown or billing-disable event.
   *
   * @param timeMillis when it happened (simulated epoch ms)
   * @param kind "profile-cooldown", "billing-disable" or "provider-cooldown"
   * @param subject profile id or provider
   * @param reason why ("refresh_failed", "rate_limit", "billing", ...)
   * @param untilMillis when it ends
   */
  public record Event(
      long timeMillis, String kind, String subject, String reason, long untilMillis) {}

  /**
   * One credential's use.
   *
   * @param id profile id, or {@code env:provider}
   * @param provider provider
   * @param organisation organisation / workspace
   * @param calls calls served
   * @param shareOfProvider calls served / all calls of its provider that ran
   * @param rateLimited 429s it received
   * @param cooldowns profile cooldowns it entered
   * @param billingDisables billing disables it entered
   * @param cost what its calls cost
   */
  public record ProfileUse(
      String id,
      String provider,
      String organisation,
      long calls,
      double shareOfProvider,
      long rateLimited,
      long cooldowns,
      long billingDisables,
      CostBreakdown cost) {}

  /** One time bucket of the run (simulated time). */
  public record Bucket(
      long startMillis,
      long calls,
      long costPicos,
      long cacheReadTokens,
      long cacheWriteTokens,
      long rateLimited) {}

  /**
   * Simulated cache reads against recorded ones, over calls replayed on their recorded model.
   *
   * @param callsCompared calls in the comparison
   * @param recordedReadTokens what the provider reported reading
   * @param simulatedReadTokens what the model predicted
   * @param absoluteErrorTokens sum over calls of |simulated - recorded|
   * @param relativeError (simulated - recorded) / recorded, 0 when nothing was recorded
   * @param recordedWriteTokens cache writes the provider reported (0 for automatic caching)
   * @param simulatedWriteTokens cache writes the model predicted
   */
  public record Fidelity(
      long callsCompared,
      long recordedReadTokens,
      long simulatedReadTokens,
      long absoluteErrorTokens,
      double relativeError,
      long recordedWriteTokens,
      long simulatedWriteTokens) {}
}
