package dev.polpocheck.sim;

import dev.polpocheck.catalog.RateLimitClass;
import dev.polpocheck.cost.Money;
import dev.polpocheck.sim.limits.BatchLimits;
import dev.polpocheck.sim.limits.LimitSpec;
import dev.polpocheck.sim.limits.TierLimits;
import dev.polpocheck.sim.rotation.ProfileType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Scenario} back as JSON in the scenario-file format, so every result can carry
 * the effective scenario. Durations are written in the file's units (minutes, hours, seconds)
 * with trailing zeros stripped; spend caps in USD, {@code null} for none.
 */
final class ScenarioJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final long HOUR = 3_600_000L;

  private ScenarioJson() {}

  /** The effective scenario as JSON in the scenario-file format. */
  static ObjectNode write(Scenario s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("variant", s.variant().id());
    o.put("rotation", s.rotation().name().toLowerCase(Locale.ROOT));
    if (s.pin() == null) {
      o.putNull("pin");
    } else {
      ObjectNode pin = o.putObject("pin");
      pin.put("profile", s.pin().profile());
      pin.put("kind", s.pin().kind().name().toLowerCase(Locale.ROOT));
    }
    ArrayNode profiles = o.putArray("profiles");
    for (Scenario.Profile p : s.profiles()) {
      ObjectNode n = profiles.addObject();
      n.put("id", p.id());
      n.put("provider", p.provider());
      n.put("type", p.type() == ProfileType.OAUTH ? "oauth" : "api_key");
      n.put("organisation", p.organisation());
      if (!Scenario.Profile.DEFAULT_WORKSPACE.equals(p.workspace())) {
        n.put("workspace", p.workspace());
      }
      n.put("tier", p.tier());
      if (p.plan() != null) {
        n.put("plan", p.plan());
      }
      putCap(n, p.monthlySpendCapPicos());
      n.put("tokenLifetimeMinutes", minutes(p.tokenLifetimeMillis()));
      n.put("refreshFailureRate", p.refreshFailureRate());
    }
    ObjectNode env = o.putObject("envKeys");
    for (Map.Entry<String, Scenario.Credential> e : s.envKeys().entrySet()) {
      ObjectNode n = env.putObject(e.getKey());
      n.put("organisation", e.getValue().organisation());
      n.put("tier", e.getValue().tier());
      putCap(n, e.getValue().monthlySpendCapPicos());
    }
    ObjectNode plans = o.putObject("plans");
    for (Map.Entry<String, Scenario.Plan> e : s.plans().entrySet()) {
      ArrayNode w = plans.putObject(e.getKey()).putArray("windows");
      for (Scenario.Window win : e.getValue().windows()) {
        ObjectNode n = w.addObject();
        n.put("hours", BigDecimal.valueOf(win.millis()).divide(BigDecimal.valueOf(HOUR)));
        n.put("tokens", win.tokens());
      }
    }
    ArrayNode cd = o.putArray("cooldownMinutes");
    for (long step : s.cooldown().stepsMs()) {
      cd.add(minutes(step));
    }
    ObjectNode b = o.putObject("billing");
    b.put("backoffHours", hours(s.billing().backoffMillis()));
    b.put("maxHours", hours(s.billing().maxMillis()));
    b.put("windowHours", hours(s.billing().windowMillis()));
    b.put("windowRule", s.billing().windowRule());
    ObjectNode r = o.putObject("retry");
    r.put("sdkMaxRetries", s.retry().sdkMaxRetries());
    r.put("initialDelayMs", s.retry().initialDelayMillis());
    r.put("maxDelayMs", s.retry().maxDelayMillis());
    r.put("orchestratorMaxRetries", s.retry().orchestratorMaxRetries());
    r.put("orchestratorMaxRetriesWithFallbacks", s.retry().orchestratorMaxRetriesWithFallbacks());
    ArrayNode fb = o.putArray("fallbacks");
    s.fallbacks().forEach(fb::add);
    ObjectNode c = o.putObject("cache");
    c.put("mode", s.cache().asRecorded() ? "as-recorded" : "simulate");
    c.put("retention", s.cache().retention());
    if (s.cache().systemPrefixTokens() < 0) {
      c.put("systemPrefixTokens", "estimate");
    } else {
      c.put("systemPrefixTokens", s.cache().systemPrefixTokens());
    }
    c.put("oauthPreambleTokens", s.cache().oauthPreambleTokens());
    c.put("defaultMinCacheableTokens", s.cache().defaultMinCacheableTokens());
    ObjectNode auto = c.putObject("automatic");
    for (Map.Entry<String, Scenario.Automatic> e : s.cache().automatic().entrySet()) {
      ObjectNode n = auto.putObject(e.getKey());
      n.put("minTokens", e.getValue().minTokens());
      n.put("unitTokens", e.getValue().unitTokens());
      n.put("ttlMinutes", minutes(e.getValue().ttlMillis()));
    }
    ArrayNode rm = o.putArray("remap");
    for (Scenario.Remap m : s.remaps()) {
      ObjectNode n = rm.addObject();
      n.put("from", m.from());
      n.put("to", m.toProvider() + ":" + m.toModel());
      n.put("tokenFactor", m.tokenFactor());
    }
    ObjectNode t = o.putObject("timing");
    t.put("compression", s.timing().compression());
    t.put(
        "defaultLatencySeconds",
        BigDecimal.valueOf(s.timing().defaultLatencyMillis()).divide(BigDecimal.valueOf(1000)));
    t.put(
        "firstTokenSeconds",
        BigDecimal.valueOf(s.timing().firstTokenMillis()).divide(BigDecimal.valueOf(1000)));
    t.put("batchCompletionMinutes", s.timing().batchCompletionMillis() / 60_000.0);
    o.put("prices", s.prices());
    ObjectNode rep = o.putObject("report");
    rep.put("seriesBucketMinutes", s.report().seriesBucketMillis() / 60_000L);
    rep.put("maxEvents", s.report().maxEvents());
    rep.put("compareSticky", s.report().compareSticky());
    o.putObject("errors")
        .put("overloadedRate", s.errors().overloadedRate())
        .put("serverErrorRate", s.errors().serverErrorRate())
        .put("timeoutRate", s.errors().timeoutRate())
        .put("midStreamErrorRate", s.errors().midStreamErrorRate());
    ObjectNode set = o.putObject("settings");
    set.put("reasoning", s.settings().reasoning());
    if (s.settings().maxConcurrency() > 0) {
      set.put("maxConcurrency", s.settings().maxConcurrency());
    } else {
      set.putNull("maxConcurrency");
    }
    ObjectNode perAgent = set.putObject("agentMaxConcurrency");
    s.settings().agentMaxConcurrency().forEach(perAgent::put);
    ObjectNode orgs = o.putObject("organisations");
    for (Map.Entry<String, Scenario.Organisation> e : s.organisations().entrySet()) {
      ObjectNode n = orgs.putObject(e.getKey());
      usdOrNull(n, "monthlySpendLimitUsd", e.getValue().monthlySpendLimitPicos());
      usdOrNull(n, "prepaidCreditUsd", e.getValue().prepaidCreditPicos());
      usdOrNull(n, "tierSpendCapUsd", e.getValue().tierSpendCapPicos());
      Scenario.Organisation org = e.getValue();
      if (!org.workspaceSpendLimitPicos().isEmpty() || !org.workspaceRateLimits().isEmpty()) {
        ObjectNode ws = n.putObject("workspaces");
        for (String w : allWorkspaces(org)) {
          ObjectNode wn = ws.putObject(w);
          long spend = org.workspaceSpendLimitPicos().getOrDefault(w, -1L);
          usdOrNull(wn, "monthlySpendLimitUsd", spend);
          Map<RateLimitClass, LimitSpec> rl = org.workspaceRateLimits().get(w);
          if (rl != null) {
            ObjectNode rn = wn.putObject("rateLimits");
            rl.forEach((cls, spec) -> rateLimit(rn.putObject(cls.name()), spec));
          }
        }
      }
    }
    if (!s.tierLimits().isEmpty()) {
      ObjectNode tl = o.putObject("tierLimits");
      for (Map.Entry<String, TierLimits> e : s.tierLimits().entrySet()) {
        ObjectNode tn = tl.putObject(e.getKey());
        e.getValue().limits().forEach((cls, spec) -> rateLimit(tn.putObject(cls.name()), spec));
        BatchLimits batch = e.getValue().batch();
        if (batch != null) {
          tn.putObject("batch").put("rpm", batch.rpm()).put("queue", batch.queue());
        }
      }
    }
    return o;
  }

  private static Set<String> allWorkspaces(Scenario.Organisation org) {
    Set<String> out = new TreeSet<>(org.workspaceSpendLimitPicos().keySet());
    out.addAll(org.workspaceRateLimits().keySet());
    return out;
  }

  /** Limits as the scenario file writes them: a limit left at 0 (a workspace's) is not set. */
  private static void rateLimit(ObjectNode n, LimitSpec spec) {
    if (spec.rpm() > 0) {
      n.put("rpm", spec.rpm());
    }
    if (spec.itpm() > 0) {
      n.put("itpm", spec.itpm());
    }
    if (spec.otpm() > 0) {
      n.put("otpm", spec.otpm());
    }
  }

  private static void putCap(ObjectNode n, long picos) {
    usdOrNull(n, "monthlySpendCapUsd", picos);
  }

  private static void usdOrNull(ObjectNode n, String key, long picos) {
    if (picos < 0) {
      n.putNull(key);
    } else {
      n.put(key, Money.toUsd(picos));
    }
  }

  private static BigDecimal minutes(long millis) {
    return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000L)).stripTrailingZeros();
  }

  private static BigDecimal hours(long millis) {
    return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(HOUR)).stripTrailingZeros();
  }
}
