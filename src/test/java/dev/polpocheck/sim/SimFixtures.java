package dev.polpocheck.sim;

import dev.polpocheck.catalog.ModelCatalog;
import dev.polpocheck.catalog.Price;
import dev.polpocheck.sim.limits.RateLimitTiers;
import dev.polpocheck.sim.rotation.ProfileType;
import dev.polpocheck.sim.rotation.RotationPolicy;
import dev.polpocheck.sim.rotation.SelectorKind;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Hand-built calls, prices and scenarios for the simulation tests. */
final class SimFixtures {
  static final long SEC = 1_000L;
  static final long MIN = 60_000L;
  static final long T0 = 1_775_000_000_000L;

  /** Anthropic's list price of Sonnet 4.5 ($3 / $15 / $3.75 / $6 / $0.30 per MTok), in p$/token. */
  static final Price SONNET_45 =
      new Price(
          "anthropic",
          "claude-sonnet-4-5",
          3_000_000,
          15_000_000,
          3_750_000,
          6_000_000,
          300_000,
          null);

  /** DeepSeek as recorded in the mini-swe-agent traces: miss $0.28, hit $0.028, out $0.42. */
  static final Price DEEPSEEK =
      new Price("deepseek", "deepseek-chat", 280_000, 420_000, 280_000, 280_000, 28_000, null);

  static final PriceLookup PRICES =
      (provider, model) -> {
        if (provider.equals("anthropic") && model.equals("claude-sonnet-4-5")) {
          return SONNET_45;
        }
        if (provider.equals("deepseek") && model.equals("deepseek-chat")) {
          return DEEPSEEK;
        }
        return null;
      };

  static final SimOptions OPTIONS =
      new SimOptions(
          PRICES, ModelCatalog.bundled(), RateLimitTiers.anthropic(), SelectorKind.REFERENCE, 0);

  private SimFixtures() {}

  /** An agent-turn call of Sonnet 4.5 with no recorded cache use. */
  static Call sonnet(long at, String session, long input, long output) {
    return call(
        at, session, CallerRole.AGENT, "anthropic", "claude-sonnet-4-5", input, output, 0, 0);
  }

  static Call call(
      long at,
      String session,
      CallerRole role,
      String provider,
      String model,
      long input,
      long output,
      long read,
      long write5m) {
    return new Call(
        T0 + at,
        session,
        "coder",
        role,
        provider,
        model,
        input,
        output,
        read,
        write5m,
        0,
        0,
        null,
        CallStatus.OK,
        -1,
        -1,
        false);
  }

  static Scenario.Profile apiKey(String id, String org, String tier) {
    return new Scenario.Profile(id, "anthropic", ProfileType.API_KEY, org, tier, null, -1, 0, 0);
  }

  /** The defaults with these profiles, no estimated prefix, no sticky comparison. */
  static Scenario scenario(List<Scenario.Profile> profiles) {
    Scenario d = ScenarioFiles.defaults();
    return d.withProfiles(profiles)
        .withCache(cache(d, false, 0))
        .withReport(new Scenario.Report(d.report().seriesBucketMillis(), 1000, false));
  }

  static Scenario.Cache cache(Scenario d, boolean asRecorded, long systemPrefix) {
    return new Scenario.Cache(
        asRecorded,
        d.cache().retention(),
        systemPrefix,
        d.cache().oauthPreambleTokens(),
        d.cache().defaultMinCacheableTokens(),
        d.cache().automatic());
  }

  /** The defaults with tier-1 environment keys (Sonnet 4.x: 50 RPM, 30k ITPM, 8k OTPM). */
  static Scenario tier1Env() {
    Scenario s = scenario(List.of());
    return new Scenario(
        s.variant(),
        s.rotation(),
        s.pin(),
        s.profiles(),
        Map.of("*", new Scenario.Credential("env", "tier1", -1)),
        s.plans(),
        s.cooldown(),
        s.billing(),
        s.retry(),
        s.fallbacks(),
        s.cache(),
        s.remaps(),
        s.timing(),
        s.prices(),
        s.report(),
        s.errors(),
        s.settings(),
        s.organisations(),
        s.tierLimits());
  }

  static Scenario withRetry(Scenario s, Scenario.Retry r) {
    return new Scenario(
        s.variant(),
        s.rotation(),
        s.pin(),
        s.profiles(),
        s.envKeys(),
        s.plans(),
        s.cooldown(),
        s.billing(),
        r,
        s.fallbacks(),
        s.cache(),
        s.remaps(),
        s.timing(),
        s.prices(),
        s.report(),
        s.errors(),
        s.settings(),
        s.organisations(),
        s.tierLimits());
  }

  static Scenario rotation(Scenario s, RotationPolicy p) {
    return s.withRotation(p);
  }

  /**
   * A scenario from JSON text laid over the defaults, with a fixed shared prefix of 0 and no sticky
   * comparison unless the text says otherwise.
   */
  static Scenario fromJson(String json) {
    try {
      Path f = Files.createTempFile("scenario", ".json");
      try {
        Files.writeString(f, json);
        Scenario s = ScenarioFiles.load(f);
        if (!json.contains("systemPrefixTokens")) {
          s = s.withCache(cache(s, s.cache().asRecorded(), 0));
        }
        if (!json.contains("compareSticky")) {
          s =
              s.withReport(
                  new Scenario.Report(
                      s.report().seriesBucketMillis(), s.report().maxEvents(), false));
        }
        return s;
      } finally {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
