package dev.polpocheck.sim;

import dev.polpocheck.catalog.RateLimitClass;
import dev.polpocheck.cost.Money;
import dev.polpocheck.sim.limits.LimitSpec;
import dev.polpocheck.sim.limits.RateLimitTiers;
import dev.polpocheck.sim.limits.WindowBudget;
import dev.polpocheck.sim.rotation.PinKind;
import dev.polpocheck.sim.rotation.ProfilePool;
import dev.polpocheck.sim.rotation.ProfileType;
import dev.polpocheck.sim.rotation.Rotation;
import dev.polpocheck.sim.rotation.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The key-fetch step: which credential a turn uses. The run's credentials are numbered so that the
 * pool's profiles come first (a profile's index is its credential's index), then the environment
 * keys as they are first needed.
 *
 * <p>An environment key for the provider wins over every profile, as in Polpo. Otherwise the pin
 * (user: hard, auto: soft) or the rotation picks a profile; an expired OAuth token is refreshed,
 * and a failed refresh (drawn from the run's refresh RNG) cools the chosen profile down and falls
 * through to the provider's other profiles in file order, ignoring cooldown and billing, as Polpo's
 * "others" loop does. The time during which a provider had no usable profile is summed here.
 */
final class KeyFetch {
  private final Scenario sc;
  private final ProfilePool pool;
  private final Selector selector;
  private final Rotation rotation;
  private final int pinIndex;
  private final SplittableRandom rngRefresh;
  private final Accounting acc;
  private final List<Credential> creds = new ArrayList<>();
  private final Map<String, Integer> envCreds = new HashMap<>();
  private final Map<String, Integer> scopes = new HashMap<>();
  private final RateLimitTiers tiers;
  private final Map<String, Long> declaredLimits = new HashMap<>();
  private final Map<String, SpendLimit> spends = new HashMap<>();
  private final long[] noUsableUntil;
  // the provider of the last fetch and the pool's number for it (see poolProvider)
  private String lastProvider;
  private int lastPoolProvider;

  KeyFetch(
      Scenario sc,
      ProfilePool pool,
      Selector selector,
      Rotation rotation,
      SplittableRandom rngRefresh,
      Accounting acc,
      RateLimitTiers tiers) {
    this.sc = sc;
    this.tiers = tiers;
    this.pool = pool;
    this.selector = selector;
    this.rotation = rotation;
    this.pinIndex = sc.pin() == null ? -1 : pool.indexOf(sc.pin().profile());
    this.rngRefresh = rngRefresh;
    this.acc = acc;
    for (Scenario.Profile p : sc.profiles()) {
      declare(p.provider(), p.organisation(), p.monthlySpendCapPicos());
    }
    for (Scenario.Profile p : sc.profiles()) {
      WindowBudget[] plan = new WindowBudget[0];
      if (p.plan() != null) {
        List<Scenario.Window> ws = sc.plans().get(p.plan()).windows();
        plan = new WindowBudget[ws.size()];
        for (int i = 0; i < plan.length; i++) {
          plan[i] = new WindowBudget(ws.get(i).millis(), ws.get(i).tokens());
        }
      }
      creds.add(
          new Credential(
              p.id(),
              p.provider(),
              p.organisation(),
              p.workspace(),
              workspaceLimits(p.organisation(), p.workspace()),
              p.tier(),
              p.type() == ProfileType.OAUTH,
              scope(p.organisation(), p.workspace()),
              spend(p.provider(), p.organisation(), p.tier(), p.plan() != null),
              workspaceSpend(p.provider(), p.organisation(), p.workspace()),
              plan,
              p.tokenLifetimeMillis(),
              p.refreshFailureRate(),
              creds.size()));
    }
    this.noUsableUntil = new long[pool.providerCount()];
  }

  /** The credential numbered {@code index}. */
  Credential credential(int index) {
    return creds.get(index);
  }

  /** Every credential of the run so far, in number order. */
  List<Credential> all() {
    return creds;
  }

  /**
   * Polpo's key fetch (§10.2) for a turn of {@code session}: select, refresh an expired token,
   * record success at fetch.
   *
   * @return the credential's index, or -1 when none is usable ("No API key")
   */
  int acquire(int session, String provider, long now) {
    int p = poolProvider(provider);
    if (p < 0) {
      return envCred(provider);
    }
    trackNoUsable(p, now);
    int chosen;
    boolean hardPin = false;
    if (pinIndex >= 0 && pool.providerOf(pinIndex) == p) {
      chosen = selector.select(p, now, pinIndex, sc.pin().kind());
      hardPin = sc.pin().kind() == PinKind.USER && chosen == pinIndex;
    } else {
      chosen = rotation.choose(p, session, now);
    }
    if (chosen < 0) {
      return -1;
    }
    if (tokenUsable(chosen, now, true)) {
      pool.recordSuccess(chosen, now);
      return chosen;
    }
    if (hardPin) {
      return -1;
    }
    // "others": the provider's other profiles in file order, ignoring cooldown and billing
    for (int i = 0; i < pool.profileCount(p); i++) {
      int other = pool.profileOf(p, i);
      if (other != chosen && tokenUsable(other, now, false)) {
        pool.recordSuccess(other, now);
        return other;
      }
    }
    return -1;
  }

  /**
   * The pool's number of {@code provider}, or -1 when its key comes from the environment (an
   * environment key wins, and a provider without profiles has no other). Fixed for the run, so the
   * last answer is kept: consecutive fetches mostly name the same provider, the same string (the
   * replay model's), and a comparison of references replaces a hash and a tree look-up.
   */
  private int poolProvider(String provider) {
    if (lastProvider == null || provider != lastProvider) {
      int p = pool.providerIndex(provider);
      lastPoolProvider = p < 0 || sc.envKeys().containsKey(provider) ? -1 : p;
      lastProvider = provider;
    }
    return lastPoolProvider;
  }

  private boolean tokenUsable(int profile, long now, boolean recordFailure) {
    Credential c = creds.get(profile);
    if (c.lifetime == 0) {
      return true;
    }
    if (c.expiresAt < 0) {
      c.expiresAt = now + c.lifetime; // fresh at first use
      return true;
    }
    if (now < c.expiresAt) {
      return true;
    }
    if (c.refreshFailureRate > 0 && rngRefresh.nextDouble() < c.refreshFailureRate) {
      if (recordFailure) {
        long until = pool.recordProfileError(profile, now);
        c.cooldowns++;
        acc.refreshCooldowns++;
        acc.event(now, "profile-cooldown", c.id, "refresh_failed", until);
      }
      return false;
    }
    c.expiresAt = now + c.lifetime;
    return true;
  }

  private void trackNoUsable(int p, long now) {
    long soonest = Long.MAX_VALUE;
    for (int i = 0; i < pool.profileCount(p); i++) {
      int idx = pool.profileOf(p, i);
      if (!pool.isCoolingDown(idx, now) && !pool.isDisabled(idx, now)) {
        return;
      }
      long free =
          Math.max(
              pool.isCoolingDown(idx, now) ? pool.cooldownUntil(idx) : 0,
              pool.isDisabled(idx, now) ? pool.disabledUntil(idx) : 0);
      soonest = Math.min(soonest, free);
    }
    long from = Math.max(now, noUsableUntil[p]);
    if (soonest > from) {
      acc.noUsableMillis += soonest - from;
      noUsableUntil[p] = soonest;
    }
  }

  private int envCred(String provider) {
    Integer existing = envCreds.get(provider);
    if (existing != null) {
      return existing;
    }
    Scenario.Credential c = sc.envKeys().getOrDefault(provider, sc.envKeys().get("*"));
    if (c == null) {
      return -1;
    }
    int idx = creds.size();
    declare(provider, c.organisation(), c.monthlySpendCapPicos());
    creds.add(
        new Credential(
            "env:" + provider,
            provider,
            c.organisation(),
            Scenario.Profile.DEFAULT_WORKSPACE,
            workspaceLimits(c.organisation(), Scenario.Profile.DEFAULT_WORKSPACE),
            c.tier(),
            false,
            scope(c.organisation(), Scenario.Profile.DEFAULT_WORKSPACE),
            spend(provider, c.organisation(), c.tier(), false),
            workspaceSpend(provider, c.organisation(), Scenario.Profile.DEFAULT_WORKSPACE),
            new WindowBudget[0],
            0,
            0,
            -1));
    envCreds.put(provider, idx);
    return idx;
  }

  /** A key's {@code monthlySpendCapUsd}: a limit on its organisation, the lowest one wins. */
  private void declare(String provider, String organisation, long capPicos) {
    if (capPicos >= 0) {
      declaredLimits.merge(provider + '\u0000' + organisation, capPicos, Math::min);
    }
  }

  /**
   * The spend account of {@code organisation} with {@code provider}, created for its first key:
   * the lowest of the organisation's declared limits, the monthly cap of that key's tier (Anthropic
   * API keys only; a subscription seat has none), or the cap Anthropic granted the organisation
   * instead (also the only cap of an Evaluation or Custom organisation), and its prepaid credit.
   */
  private SpendLimit spend(String provider, String organisation, String tier, boolean onPlan) {
    return spends.computeIfAbsent(
        provider + '\u0000' + organisation,
        k -> {
          long limit = declaredLimits.getOrDefault(k, -1L);
          long credit = -1;
          boolean tiered = "anthropic".equals(provider) && !onPlan;
          long capUsd = tiered ? tiers.monthlySpendCapUsd(tier) : -1;
          long cap = capUsd < 0 ? -1 : Math.multiplyExact(capUsd, Money.PICOS_PER_USD);
          // a 2026 tier without a published cap (Evaluation; Custom's is arranged with the
          // account team) takes the one the organisation's Billing page shows, when given
          boolean capless2026 = tiered && cap < 0 && "2026".equals(tiers.edition(tier));
          Scenario.Organisation org = sc.organisations().get(organisation);
          if (org != null) {
            if (org.monthlySpendLimitPicos() >= 0) {
              limit =
                  limit < 0
                      ? org.monthlySpendLimitPicos()
                      : Math.min(limit, org.monthlySpendLimitPicos());
            }
            credit = org.prepaidCreditPicos();
            if ((cap >= 0 || capless2026) && org.tierSpendCapPicos() >= 0) {
              cap = org.tierSpendCapPicos();
            }
          }
          return new SpendLimit(limit, cap, credit);
        });
  }

  /**
   * The spend limit of {@code workspace} in {@code organisation} with {@code provider}, shared by
   * the workspace's keys, or null when {@code organisations} sets none. It applies alongside the
   * organisation's account, which still counts every workspace's spend.
   */
  private SpendLimit workspaceSpend(String provider, String organisation, String workspace) {
    Scenario.Organisation org = sc.organisations().get(organisation);
    Long limit = org == null ? null : org.workspaceSpendLimitPicos().get(workspace);
    if (limit == null) {
      return null;
    }
    return spends.computeIfAbsent(
        provider + '\u0000' + organisation + '\u0000' + workspace,
        k -> new SpendLimit(limit, -1, -1));
  }

  /** The own rate limits of {@code workspace} in {@code organisation}, by model class. */
  private Map<RateLimitClass, LimitSpec> workspaceLimits(String organisation, String workspace) {
    Scenario.Organisation org = sc.organisations().get(organisation);
    return org == null ? Map.of() : org.workspaceRateLimits().getOrDefault(workspace, Map.of());
  }

  /**
   * The prompt-cache scope of a key: its workspace inside its organisation (caches are isolated
   * per workspace; keys of one workspace share them).
   */
  private int scope(String organisation, String workspace) {
    return scopes.computeIfAbsent(
        organisation + '\u0000' + workspace, o -> scopes.size());
  }
}
