package dev.polpocheck.sim;

import dev.polpocheck.catalog.ModelInfo;
import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.sim.cache.CachePolicy;
import dev.polpocheck.trace.Call;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the models of one run: applies the scenario's remapping to a recorded call, and gathers
 * each target model's facts from the model catalog (output limit, minimum cacheable length,
 * rate-limit pool), its cache policy from the scenario and its prices. Resolutions are cached per
 * run; look-ups by call allocate nothing.
 */
final class ReplayModels {
  /** pi-ai's catalog, for the cost Polpo itself records; parsed once, immutable. */
  private static final class PiAi {
    static final PriceCatalog CATALOG = PriceCatalog.builtin("pi-ai");
  }

  private final Scenario sc;
  private final SimOptions opt;
  private final Map<String, Map<String, ReplayModel>> byCall = new HashMap<>();
  private final Map<String, ReplayModel> byTarget = new LinkedHashMap<>();
  private final Set<String> uncatalogued = new TreeSet<>();
  private String lastProvider;
  private String lastModelName;
  private ReplayModel lastModel;

  ReplayModels(Scenario sc, SimOptions opt) {
    this.sc = sc;
    this.opt = opt;
  }

  /** The model a recorded call is replayed as (the first matching remap rule, else its own). */
  ReplayModel forCall(Call call) {
    // consecutive calls mostly name the model of the call before: two short string comparisons
    // instead of two hash look-ups
    if (call.model().equals(lastModelName) && call.provider().equals(lastProvider)) {
      return lastModel;
    }
    ReplayModel m = resolve(call);
    lastProvider = call.provider();
    lastModelName = call.model();
    lastModel = m;
    return m;
  }

  private ReplayModel resolve(Call call) {
    Map<String, ReplayModel> ofProvider =
        byCall.computeIfAbsent(call.provider(), p -> new HashMap<>());
    ReplayModel m = ofProvider.get(call.model());
    if (m == null) {
      m = target(call.provider(), call.model(), false, 1.0);
      for (Scenario.Remap r : sc.remaps()) {
        if (r.matches(call.provider(), call.model())) {
          m = target(r.toProvider(), r.toModel(), true, r.tokenFactor());
          break;
        }
      }
      ofProvider.put(call.model(), m);
    }
    return m;
  }

  /** The model {@code provider:model} as a replay target. */
  ReplayModel target(String provider, String model, boolean remapped, double factor) {
    String k = provider + '\u0000' + model + '\u0000' + remapped + '\u0000' + factor;
    ReplayModel m = byTarget.get(k);
    if (m != null) {
      return m;
    }
    ModelInfo info = opt.models().find(provider, model).orElse(null);
    if (info == null) {
      uncatalogued.add(provider + ":" + model);
    }
    CachePolicy policy;
    Scenario.Automatic auto = sc.cache().automatic().get(provider);
    if (auto != null) {
      policy = new CachePolicy(auto.minTokens(), auto.unitTokens(), auto.ttlMillis(), false);
    } else if ("none".equals(sc.cache().retention())) {
      policy = null;
    } else {
      long min =
          info != null && info.minCacheableTokens() > 0
              ? info.minCacheableTokens()
              : sc.cache().defaultMinCacheableTokens();
      policy = new CachePolicy(min, 1, sc.cache().ttlMillis(), true);
    }
    long[] changes = opt.prices().changes(provider, model);
    Price[] periods = new Price[changes.length + 1];
    periods[0] = opt.prices().find(provider, model, Long.MIN_VALUE);
    for (int i = 0; i < changes.length; i++) {
      periods[i + 1] = opt.prices().find(provider, model, changes[i]);
    }
    m =
        new ReplayModel(
            byTarget.size(),
            provider,
            model,
            opt.prices().find(provider, model),
            changes,
            periods,
            PiAi.CATALOG.find(provider, model).orElse(null),
            info == null
                ? -1
                : MaxTokens.agentTurn(
                    info.maxOutputTokens(), provider, model, sc.settings().reasoning()),
            info == null ? -1 : MaxTokens.orchestrator(info.maxOutputTokens()),
            info == null ? -1 : info.contextWindow(),
            info == null ? null : info.rateLimitClass(),
            policy,
            remapped,
            factor);
    byTarget.put(k, m);
    return m;
  }

  /** Every model resolved so far, in resolution order. */
  Collection<ReplayModel> all() {
    return byTarget.values();
  }

  /** Models the model catalog does not know, as {@code provider:model}, sorted. */
  Set<String> uncatalogued() {
    return uncatalogued;
  }
}
