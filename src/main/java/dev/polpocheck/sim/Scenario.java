package dev.polpocheck.sim;

import dev.polpocheck.catalog.RateLimitClass;
import dev.polpocheck.sim.limits.LimitSpec;
import dev.polpocheck.sim.limits.TierLimits;
import dev.polpocheck.sim.rotation.BillingSchedule;
import dev.polpocheck.sim.rotation.BillingWindowRule;
import dev.polpocheck.sim.rotation.CooldownSchedule;
import dev.polpocheck.sim.rotation.PinKind;
import dev.polpocheck.sim.rotation.ProfileType;
import dev.polpocheck.sim.rotation.RotationPolicy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every knob of one simulation, as {@code schemas/scenario.schema.json} documents it; build one
 * with {@link ScenarioFiles#defaults()} or {@link ScenarioFiles#load}. Immutable: forecast and
 * capacity searches derive variants with the {@code with...} methods and run them side by side.
 *
 * @param variant code or docs behaviour
 * @param rotation rotation policy
 * @param pin a pin applied to every session, or null
 * @param profiles credential profiles in file order
 * @param envKeys environment credentials per provider; key {@code *} for providers with neither an
 *     entry nor a profile
 * @param plans subscription plans by name
 * @param cooldown per-profile cooldown schedule
 * @param billing billing-disable schedule and window rule
 * @param retry retry settings
 * @param fallbacks orchestrator fallback models as {@code provider:model}
 * @param cache prompt-cache settings
 * @param remaps model remapping rules, first match wins
 * @param timing arrival-time compression and default latency
 * @param prices price catalog: "bundled" or a path
 * @param report report settings
 * @param errors injected provider errors
 * @param settings Polpo's own settings that shape requests
 * @param organisations spend limits and prepaid credit by organisation name
 * @param tierLimits the scenario's own limits by tier name, laid over the shipped tier table
 */
public record Scenario(
    Variant variant,
    RotationPolicy rotation,
    Pin pin,
    List<Profile> profiles,
    Map<String, Credential> envKeys,
    Map<String, Plan> plans,
    CooldownSchedule cooldown,
    Billing billing,
    Retry retry,
    List<String> fallbacks,
    Cache cache,
    List<Remap> remaps,
    Timing timing,
    String prices,
    Report report,
    Errors errors,
    Settings settings,
    Map<String, Organisation> organisations,
    Map<String, TierLimits> tierLimits) {

  public Scenario {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(rotation, "rotation");
    profiles = List.copyOf(profiles);
    envKeys = new TreeMap<>(envKeys);
    plans = new TreeMap<>(plans);
    Objects.requireNonNull(cooldown, "cooldown");
    Objects.requireNonNull(billing, "billing");
    Objects.requireNonNull(retry, "retry");
    fallbacks = List.copyOf(fallbacks);
    Objects.requireNonNull(cache, "cache");
    remaps = List.copyOf(remaps);
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(errors, "errors");
    Objects.requireNonNull(settings, "settings");
    organisations = new TreeMap<>(organisations);
    tierLimits = new TreeMap<>(tierLimits);
  }

  /** This scenario with another rotation policy (e.g. sticky, for the cache cost of rotation). */
  public Scenario withRotation(RotationPolicy policy) {
    return new Scenario(
        variant, policy, pin, profiles, envKeys, plans, cooldown, billing, retry, fallbacks, cache,
        remaps, timing, prices, report, errors, settings, organisations, tierLimits);
  }

  /** This scenario with other profiles (capacity search). */
  public Scenario withProfiles(List<Profile> newProfiles) {
    return new Scenario(
        variant,
        rotation,
        pin,
        newProfiles,
        envKeys,
        plans,
        cooldown,
        billing,
        retry,
        fallbacks,
        cache,
        remaps,
        timing,
        prices,
        report,
        errors, settings, organisations, tierLimits);
  }

  /** This scenario with another cache setting (e.g. as-recorded). */
  public Scenario withCache(Cache newCache) {
    return new Scenario(
        variant, rotation, pin, profiles, envKeys, plans, cooldown, billing, retry, fallbacks,
        newCache, remaps, timing, prices, report, errors, settings, organisations, tierLimits);
  }

  /** This scenario with another timing (e.g. compression). */
  public Scenario withTiming(Timing newTiming) {
    return new Scenario(
        variant, rotation, pin, profiles, envKeys, plans, cooldown, billing, retry, fallbacks,
        cache, remaps, newTiming, prices, report, errors, settings, organisations, tierLimits);
  }

  /** This scenario with other remapping rules. */
  public Scenario withRemaps(List<Remap> newRemaps) {
    return new Scenario(
        variant, rotation, pin, profiles, envKeys, plans, cooldown, billing, retry, fallbacks,
        cache, newRemaps, timing, prices, report, errors, settings, organisations, tierLimits);
  }

  /** This scenario with other report settings. */
  public Scenario withReport(Report newReport) {
    return new Scenario(
        variant, rotation, pin, profiles, envKeys, plans, cooldown, billing, retry, fallbacks,
        cache, remaps, timing, prices, newReport, errors, settings, organisations, tierLimits);
  }

  /** This scenario with other injected errors. */
  public Scenario withErrors(Errors newErrors) {
    return new Scenario(
        variant, rotation, pin, profiles, envKeys, plans, cooldown, billing, retry, fallbacks,
        cache, remaps, timing, prices, report, newErrors, settings, organisations, tierLimits);
  }

  /** This scenario with another variant. */
  public Scenario withVariant(Variant newVariant) {
    return new Scenario(
        newVariant,
        rotation,
        pin,
        profiles,
        envKeys,
        plans,
        cooldown,
        billing,
        retry,
        fallbacks,
        cache,
        remaps,
        timing,
        prices,
        report,
        errors, settings, organisations, tierLimits);
  }

  /** The billing schedule the pool runs, with the window rule resolved against the variant. */
  public BillingSchedule billingSchedule() {
    BillingWindowRule rule =
        switch (billing.windowRule()) {
          case "first-failure" -> BillingWindowRule.ANCHORED_AT_FIRST_FAILURE;
          case "last-failure" -> BillingWindowRule.SINCE_LAST_FAILURE;
          default ->
              variant == Variant.POLPO_CODE
                  ? BillingWindowRule.ANCHORED_AT_FIRST_FAILURE
                  : BillingWindowRule.SINCE_LAST_FAILURE;
        };
    return new BillingSchedule(
        billing.backoffMillis(), billing.maxMillis(), billing.windowMillis(), rule);
  }

  /** A pin on every session: {@code /model …@profile} ({@code USER}) or an auto pin. */
  public record Pin(String profile, PinKind kind) {
    public Pin {
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * An environment credential: the organisation that scopes its limits and cache, its tier, and its
   * monthly spend cap.
   *
   * @param organisation organisation / workspace
   * @param tier "tier1".."tier4", a 2026 tier ("evaluation", "start", "build", "scale", "custom")
   *     or "unlimited"
   * @param monthlySpendCapPicos spend cap per calendar month in picodollars, or -1 for none
   */
  public record Credential(String organisation, String tier, long monthlySpendCapPicos) {
    public Credential {
      Objects.requireNonNull(organisation, "organisation");
      Objects.requireNonNull(tier, "tier");
    }
  }

  /**
   * One auth profile.
   *
   * @param id profile id
   * @param provider provider it serves
   * @param type OAuth or API key
   * @param organisation organisation / workspace (cache and limit scope)
   * @param tier rate-limit tier or "unlimited"
   * @param plan subscription plan name, or null
   * @param monthlySpendCapPicos spend cap per calendar month, or -1
   * @param tokenLifetimeMillis OAuth token lifetime, 0 = never expires
   * @param refreshFailureRate probability that a token refresh fails
   */
  public record Profile(
      String id,
      String provider,
      ProfileType type,
      String organisation,
      String tier,
      String plan,
      long monthlySpendCapPicos,
      long tokenLifetimeMillis,
      double refreshFailureRate,
      String workspace) {
    /** The workspace every key belongs to unless it names another. */
    public static final String DEFAULT_WORKSPACE = "default";

    public Profile {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(organisation, "organisation");
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(workspace, "workspace");
      if (refreshFailureRate < 0 || refreshFailureRate > 1 || tokenLifetimeMillis < 0) {
        throw new IllegalArgumentException("bad profile " + id);
      }
    }

    /** A profile in its organisation's default workspace. */
    public Profile(
        String id,
        String provider,
        ProfileType type,
        String organisation,
        String tier,
        String plan,
        long monthlySpendCapPicos,
        long tokenLifetimeMillis,
        double refreshFailureRate) {
      this(
          id,
          provider,
          type,
          organisation,
          tier,
          plan,
          monthlySpendCapPicos,
          tokenLifetimeMillis,
          refreshFailureRate,
          DEFAULT_WORKSPACE);
    }
  }

  /** A subscription plan: its usage windows. */
  public record Plan(List<Window> windows) {
    public Plan {
      windows = List.copyOf(windows);
    }
  }

  /** One usage window of a plan: at most {@code tokens} within {@code millis}. */
  public record Window(long millis, long tokens) {}

  /**
   * Billing-disable schedule; {@code windowRule} is "variant", "first-failure" or "last-failure".
   */
  public record Billing(long backoffMillis, long maxMillis, long windowMillis, String windowRule) {}

  /**
   * Retry settings.
   *
   * @param sdkMaxRetries the SDK's retries (2)
   * @param initialDelayMillis withRetry's first delay
   * @param maxDelayMillis withRetry's cap
   * @param orchestratorMaxRetries withRetry's maxRetries at a plain model call site
   * @param orchestratorMaxRetriesWithFallbacks ... at a call site with fallbacks
   */
  public record Retry(
      int sdkMaxRetries,
      long initialDelayMillis,
      long maxDelayMillis,
      int orchestratorMaxRetries,
      int orchestratorMaxRetriesWithFallbacks) {}

  /**
   * Prompt-cache settings.
   *
   * @param asRecorded keep each call's recorded split instead of simulating it
   * @param retention "5m", "1h" or "none"
   * @param systemPrefixTokens the shared prefix per agent, or -1 to estimate it from the traces
   * @param oauthPreambleTokens length up to the OAuth-only first system block, 0 = none
   * @param defaultMinCacheableTokens minimum for explicit-cache models the catalog lacks
   * @param automatic providers with automatic prefix caching
   */
  public record Cache(
      boolean asRecorded,
      String retention,
      long systemPrefixTokens,
      long oauthPreambleTokens,
      long defaultMinCacheableTokens,
      Map<String, Automatic> automatic) {
    public Cache {
      automatic = new TreeMap<>(automatic);
    }

    /** The entry TTL of explicit caching. */
    public long ttlMillis() {
      return "1h".equals(retention) ? 3_600_000L : 300_000L;
    }
  }

  /** Automatic prefix caching of one provider. */
  public record Automatic(long minTokens, long unitTokens, long ttlMillis) {}

  /**
   * Replay calls matching {@code from} ("provider:model", "provider:*" or "*") as {@code
   * toProvider:toModel}, with token counts multiplied by {@code tokenFactor}.
   */
  public record Remap(String from, String toProvider, String toModel, double tokenFactor) {
    /** Whether this rule applies to a call of {@code provider} and {@code model}. */
    public boolean matches(String provider, String model) {
      if ("*".equals(from)) {
        return true;
      }
      int colon = from.indexOf(':');
      String p = colon < 0 ? from : from.substring(0, colon);
      String m = colon < 0 ? "*" : from.substring(colon + 1);
      return p.equals(provider) && ("*".equals(m) || m.equals(model));
    }
  }

  /**
   * Arrival-time compression and the response times assumed where the trace has none.
   *
   * @param compression replay arrivals this many times faster
   * @param defaultLatencyMillis a call's duration when the trace records none
   * @param firstTokenMillis time to the response's first token (capped at the call's recorded
   *     duration): a cache entry becomes readable then, not when its request was sent
   * @param batchCompletionMillis a Message Batches request's time from submission to result when
   *     the trace records none (the batch-processing page: "most batches finishing in less than 1
   *     hour", at most 24 h)
   */
  public record Timing(
      double compression,
      long defaultLatencyMillis,
      long firstTokenMillis,
      long batchCompletionMillis) {
    /** Timing with the default batch completion (60 minutes). */
    public Timing(double compression, long defaultLatencyMillis, long firstTokenMillis) {
      this(compression, defaultLatencyMillis, firstTokenMillis, 3_600_000L);
    }
  }

  /**
   * Provider errors the replay injects (none are in the traces' successful calls).
   *
   * @param overloadedRate probability that an HTTP attempt gets a 529 {@code overloaded_error}
   * @param serverErrorRate probability that an HTTP attempt gets a 500 {@code api_error}
   * @param timeoutRate probability that an HTTP attempt gets no response headers before the
   *     SDK's timeout (10 minutes: pi-ai sets none)
   * @param midStreamErrorRate probability that an admitted request's stream breaks with an {@code
   *     error} event after its response began (not retried by the SDK)
   */
  public record Errors(
      double overloadedRate, double serverErrorRate, double timeoutRate, double midStreamErrorRate) {
    public Errors {
      check("overloadedRate", overloadedRate);
      check("serverErrorRate", serverErrorRate);
      check("timeoutRate", timeoutRate);
      check("midStreamErrorRate", midStreamErrorRate);
    }

    private static void check(String name, double rate) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException(name + " must be within 0..1");
      }
    }
  }

  /** This scenario with other Polpo settings. */
  public Scenario withSettings(Settings newSettings) {
    return new Scenario(
        variant, rotation, pin, profiles, envKeys, plans, cooldown, billing, retry, fallbacks,
        cache, remaps, timing, prices, report, errors, newSettings, organisations, tierLimits);
  }

  /**
   * Polpo's settings that change what a request asks for.
   *
   * @param reasoning the thinking level of every agent and orchestrator call ({@code
   *     agentConfig.reasoning ?? settings.reasoning ?? "off"}, polpo src/adapters/engine.ts:420):
   *     off, minimal, low, medium, high or xhigh
   * @param maxConcurrency Polpo's global limit on concurrent agent runs, 0 for none
   * @param agentMaxConcurrency per-agent limits on concurrent runs (agents not listed: none)
   */
  public record Settings(
      String reasoning, int maxConcurrency, Map<String, Integer> agentMaxConcurrency) {
    public Settings {
      agentMaxConcurrency = new TreeMap<>(agentMaxConcurrency);
      if (!"off".equals(reasoning)) {
        MaxTokens.thinkingBudget(reasoning); // rejects an unknown level
      }
    }
  }

  /**
   * What an organisation may spend (Anthropic's spend limits and credit belong to the organisation,
   * not to a key: https://platform.claude.com/docs/en/api/rate-limits).
   *
   * @param monthlySpendLimitPicos the limit set in the Console per calendar month, or -1
   * @param prepaidCreditPicos the credit balance at the start of the run, or -1 for unlimited
   * @param tierSpendCapPicos a monthly cap Anthropic granted instead of the tier's, or -1 for the
   *     tier's own
   * @param workspaceSpendLimitPicos the monthly spend limit of each workspace that has one (a
   *     workspace limit applies alongside the organisation's)
   * @param workspaceRateLimits each workspace's own rate limits by model class (0 = the
   *     organisation's applies), enforced alongside the organisation's: the lower one binds
   */
  public record Organisation(
      long monthlySpendLimitPicos,
      long prepaidCreditPicos,
      long tierSpendCapPicos,
      Map<String, Long> workspaceSpendLimitPicos,
      Map<String, Map<RateLimitClass, LimitSpec>> workspaceRateLimits) {
    public Organisation {
      workspaceSpendLimitPicos = Map.copyOf(workspaceSpendLimitPicos);
      workspaceRateLimits = Map.copyOf(workspaceRateLimits);
    }

    /** An organisation whose workspaces have spend limits only. */
    public Organisation(
        long monthlySpendLimitPicos,
        long prepaidCreditPicos,
        long tierSpendCapPicos,
        Map<String, Long> workspaceSpendLimitPicos) {
      this(
          monthlySpendLimitPicos,
          prepaidCreditPicos,
          tierSpendCapPicos,
          workspaceSpendLimitPicos,
          Map.of());
    }

    /** An organisation without workspace limits. */
    public Organisation(
        long monthlySpendLimitPicos, long prepaidCreditPicos, long tierSpendCapPicos) {
      this(monthlySpendLimitPicos, prepaidCreditPicos, tierSpendCapPicos, Map.of());
    }
  }

  /** Report settings. */
  public record Report(long seriesBucketMillis, int maxEvents, boolean compareSticky) {}
}
