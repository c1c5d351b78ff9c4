package dev.polpocheck.sim;

import dev.polpocheck.sim.retry.Backoff;
import dev.polpocheck.sim.retry.ErrorClassifier;
import dev.polpocheck.sim.retry.ErrorReason;
import dev.polpocheck.sim.rotation.ProfilePool;
import dev.polpocheck.sim.rotation.ProviderCooldowns;
import dev.polpocheck.trace.CallerRole;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The retry step: what the chosen variant does with an error that reached Polpo, and the
 * provider-level cooldowns. Each method applies the error's side effects (profile and provider
 * cooldowns, billing-disables, their events and counters) and returns the engine's next move for
 * the call: {@link #FAIL}, or the simulated time at which it starts again (on another profile, the
 * next fallback model, or after {@code withRetry}'s backoff).
 *
 * <p>In {@code polpo-code} an HTTP error comes back as a message: nothing is classified, an agent
 * run ends and an orchestrator call returns empty-handed with the provider's cooldown cleared. In
 * {@code polpo-docs} it is classified: auth / rate-limit / server errors cool the profile down,
 * billing errors disable it, an agent turn moves to another available profile, and an orchestrator
 * call takes the thrown-error path (provider cooldown, marked twice when fallbacks are configured;
 * failover; {@code withRetry} for transient errors, jitter from the run's retry RNG).
 */
final class ErrorPolicy {
  /** The call has failed; the engine completes it. */
  static final long FAIL = Long.MIN_VALUE;

  private final Scenario sc;
  private final ProfilePool pool;
  private final KeyFetch keys;
  private final SplittableRandom rngRetry;
  private final Accounting acc;
  private final Map<String, ProviderCooldowns> providerCooldowns = new HashMap<>();

  ErrorPolicy(
      Scenario sc, ProfilePool pool, KeyFetch keys, SplittableRandom rngRetry, Accounting acc) {
    this.sc = sc;
    this.pool = pool;
    this.keys = keys;
    this.rngRetry = rngRetry;
    this.acc = acc;
  }

  /** An HTTP error that survived the SDK's retries. */
  long httpError(Task k, String message, long now) {
    if (sc.variant() == Variant.POLPO_CODE) {
      // pi-ai returns the error as a message: nothing is classified, queryText "succeeds"
      if (k.call.role() == CallerRole.ORCHESTRATOR) {
        cooldownsOf(k.model.provider).clear(0);
      }
      return FAIL;
    }
    ErrorReason reason = ErrorClassifier.classify(message);
    Credential c = keys.credential(k.cred);
    if (c.profileIndex >= 0) {
      if (reason == ErrorReason.BILLING) {
        long until = pool.recordBillingFailure(c.profileIndex, now);
        c.billingDisables++;
        acc.event(now, "billing-disable", c.id, "billing", until);
      } else if (reason.cooldown()) {
        long until = pool.recordProfileError(c.profileIndex, now);
        c.cooldowns++;
        acc.event(now, "profile-cooldown", c.id, reason.name().toLowerCase(), until);
      }
    }
    if (k.call.role() == CallerRole.AGENT) {
      if (reason.failover()
          && c.profileIndex >= 0
          && k.rotations < pool.profileCount(pool.providerOf(c.profileIndex))
          && anotherAvailable(c.profileIndex, now)) {
        k.rotations++;
        acc.rotationsOnError++;
        return now;
      }
      return FAIL;
    }
    return thrownError(k, message, now);
  }

  private boolean anotherAvailable(int profile, long now) {
    int p = pool.providerOf(profile);
    for (int i = 0; i < pool.profileCount(p); i++) {
      int idx = pool.profileOf(p, i);
      if (idx != profile && !pool.isCoolingDown(idx, now) && !pool.isDisabled(idx, now)) {
        return true;
      }
    }
    return false;
  }

  /** An error thrown inside queryText: classification, provider cooldown, failover, withRetry. */
  long thrownError(Task k, String message, long now) {
    if (k.call.role() == CallerRole.AGENT) {
      return FAIL; // a turn without a key ends the run
    }
    ErrorReason reason = ErrorClassifier.classify(message);
    String provider = k.model.provider;
    boolean withFallbacks = !sc.fallbacks().isEmpty();
    if (reason.cooldown()) {
      long until = cooldownsOf(provider).mark(0, now);
      if (withFallbacks) {
        until = cooldownsOf(provider).mark(0, now); // marked again in the fallback loop
      }
      acc.event(now, "provider-cooldown", provider, reason.name().toLowerCase(), until);
    }
    if (reason == ErrorReason.BILLING && sc.variant() == Variant.POLPO_CODE) {
      int p = pool.providerIndex(provider);
      if (p >= 0) {
        pool.recordBillingFailureForProvider(p, now);
        for (int i = 0; i < pool.profileCount(p); i++) {
          Credential c = keys.credential(pool.profileOf(p, i));
          c.billingDisables++;
          acc.event(now, "billing-disable", c.id, "billing", pool.disabledUntil(c.profileIndex));
        }
      }
    }
    if (withFallbacks && reason.failover() && k.spec < sc.fallbacks().size()) {
      k.spec++;
      acc.fallbacksUsed++;
      return now;
    }
    int maxRetries =
        withFallbacks
            ? sc.retry().orchestratorMaxRetriesWithFallbacks()
            : sc.retry().orchestratorMaxRetries();
    if (k.polpoAttempt < maxRetries && ErrorClassifier.isTransient(message)) {
      long d =
          Backoff.withRetryMillis(
              k.polpoAttempt,
              sc.retry().initialDelayMillis(),
              sc.retry().maxDelayMillis(),
              rngRetry.nextDouble());
      k.polpoAttempt++;
      k.spec = 0;
      acc.polpoRetries++;
      return now + d;
    }
    return FAIL;
  }

  /** The cooldown table of {@code provider}: one single-entry table per provider name. */
  ProviderCooldowns cooldownsOf(String provider) {
    return providerCooldowns.computeIfAbsent(
        provider, p -> new ProviderCooldowns(1, sc.cooldown()));
  }
}
