package dev.polpocheck.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.catalog.Price;
import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.cost.Pricing;
import dev.polpocheck.sim.rotation.ProfileType;
import dev.polpocheck.sim.rotation.RotationPolicy;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Protects the invariants every {@code simulate} result must keep whatever the workload and setup:
 * each call ends exactly once (ok, failed or not run); cost is never negative and equals its parts;
 * with the recorded cache split and no binding limits the cost is exactly what {@code cost}
 * computes; unlimited limits give no 429s; within one organisation and no binding limit the
 * rotation policy cannot change cache reads or writes; a seed fixes the result.
 */
class SimulationProperties {

  /** A random workload: sessions of growing prompts, some orchestrator calls, two providers. */
  @Provide
  Arbitrary<List<Call>> workloads() {
    Arbitrary<List<Call>> session =
        Combinators.combine(
                Arbitraries.longs().between(0, 20 * 60_000L),
                Arbitraries.integers().between(1, 6),
                Arbitraries.longs().between(500, 9_000),
                Arbitraries.of("anthropic", "deepseek"),
                Arbitraries.integers().between(0, 4),
                Arbitraries.longs().between(1, 5_000),
                Arbitraries.longs().between(1_000, 8 * 60_000L))
            .as(
                (start, n, first, provider, role, out, gap) -> {
                  List<Call> calls = new ArrayList<>();
                  String id = "s" + start + "-" + first + "-" + gap + "-" + n;
                  long t = start;
                  long prompt = first;
                  for (int i = 0; i < n; i++) {
                    // a recorded split: mostly read, some written (5m / 1h / unsplit), a little
                    // input
                    long read = prompt * (i % 3) / 4;
                    long w5 = (prompt - read) / 2;
                    long w1 = (prompt - read - w5) / 3;
                    long wu = (prompt - read - w5 - w1) / 2;
                    long in = prompt - read - w5 - w1 - wu;
                    calls.add(
                        new Call(
                            SimFixtures.T0 + t,
                            id,
                            role == 0 ? "planner" : "coder",
                            role == 0 ? CallerRole.ORCHESTRATOR : CallerRole.AGENT,
                            provider,
                            provider.equals("anthropic") ? "claude-sonnet-4-5" : "deepseek-chat",
                            in,
                            out + i,
                            read,
                            w5,
                            w1,
                            wu,
                            null,
                            CallStatus.OK,
                            -1,
                            -1,
                            false));
                    t += gap;
                    prompt += first / 3 + i * 97;
                  }
                  return calls;
                });
    return session
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(
            sessions -> {
              List<Call> all = new ArrayList<>();
              sessions.forEach(all::addAll);
              return all;
            });
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Combinators.combine(
            Arbitraries.of(Variant.values()),
            Arbitraries.of(RotationPolicy.values()),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of("tier1", "tier2", "tier4", "unlimited"),
            Arbitraries.integers().between(0, 2),
            Arbitraries.of("5m", "1h", "none"),
            Arbitraries.of(true, false))
        .as(
            (variant, rotation, nProfiles, tier, sdkRetries, retention, oauth) -> {
              List<Scenario.Profile> profiles = new ArrayList<>();
              for (int i = 0; i < nProfiles; i++) {
                profiles.add(
                    new Scenario.Profile(
                        "p" + i,
                        "anthropic",
                        oauth && i == 0 ? ProfileType.OAUTH : ProfileType.API_KEY,
                        "org" + (i % 2),
                        tier,
                        null,
                        i == 1 ? 20_000_000_000L : -1,
                        oauth ? 120_000L : 0,
                        oauth ? 0.5 : 0));
              }
              Scenario d =
                  SimFixtures.scenario(profiles).withVariant(variant).withRotation(rotation);
              Scenario.Cache c =
                  new Scenario.Cache(false, retention, -1, 30, 1_024, d.cache().automatic());
              return SimFixtures.withRetry(
                  d.withCache(c), new Scenario.Retry(sdkRetries, 1000, 30000, 2, 1));
            });
  }

  private static Scenario unlimited(Scenario s, List<Scenario.Profile> profiles) {
    return new Scenario(
        s.variant(),
        s.rotation(),
        s.pin(),
        profiles,
        Map.of("*", new Scenario.Credential("env", "unlimited", -1)),
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

  @Property(tries = 150, seed = "20261125")
  void everyCallEndsExactlyOnce_andCostEqualsItsParts(
      @ForAll("workloads") List<Call> calls, @ForAll("scenarios") Scenario s) {
    SimResult r = Simulation.run(calls, s, 3, SimFixtures.OPTIONS);
    SimResult.Counts n = r.counts();
    assertEquals(calls.size(), n.callsIn());
    assertEquals(n.callsIn(), n.ok() + n.failed() + n.notRun());
    CostBreakdown c = r.cost();
    assertTrue(
        c.input() >= 0
            && c.output() >= 0
            && c.cacheWrite5m() >= 0
            && c.cacheWrite1h() >= 0
            && c.cacheRead() >= 0);
    // Every priced call belongs to exactly one model and one agent: the per-model and per-agent
    // parts partition the run's cost, part by part.
    assertEquals(c, sumOfParts(r.byModel()));
    assertEquals(c, sumOfParts(r.byAgent()));
    assertTrue(r.cacheSavingsPicos() >= -r.cost().cacheWrite1h() - r.cost().cacheWrite5m());
  }

  @Property(tries = 100, seed = "20261125")
  void asRecordedWithoutBindingLimits_costEqualsExactPricingOfTheCalls(
      @ForAll("workloads") List<Call> calls, @ForAll("scenarios") Scenario s) {
    Scenario asRecorded =
        unlimited(s, List.of()).withCache(SimFixtures.cache(ScenarioFiles.defaults(), true, -1));
    SimOptions options =
        new SimOptions(
            SimFixtures.PRICES,
            SimFixtures.OPTIONS.models(),
            SimFixtures.OPTIONS.tiers(),
            SimFixtures.OPTIONS.selector(),
            8_000);
    SimResult r = Simulation.run(calls, asRecorded, 3, options);
    CostBreakdown expected = CostBreakdown.ZERO;
    for (Call c : calls) {
      Price p = SimFixtures.PRICES.find(c.provider(), c.model());
      expected = expected.plus(Pricing.cost(c, p, 8_000));
    }
    assertEquals(expected, r.cost());
    assertEquals(calls.size(), r.counts().ok());
  }

  @Property(tries = 100, seed = "20261125")
  void unlimitedLimits_giveNo429s(
      @ForAll("workloads") List<Call> calls, @ForAll("scenarios") Scenario s) {
    List<Scenario.Profile> profiles = new ArrayList<>();
    for (Scenario.Profile p : s.profiles()) {
      profiles.add(
          new Scenario.Profile(
              p.id(),
              p.provider(),
              p.type(),
              p.organisation(),
              "unlimited",
              null,
              -1,
              p.tokenLifetimeMillis(),
              p.refreshFailureRate()));
    }
    SimResult r = Simulation.run(calls, unlimited(s, profiles), 3, SimFixtures.OPTIONS);
    assertEquals(0, r.counts().rateLimited());
    assertEquals(0, r.counts().billingRejections());
  }

  @Property(tries = 100, seed = "20261125")
  void oneOrganisationNoBindingLimit_rotationPolicyDoesNotChangeCacheTokens(
      @ForAll("workloads") List<Call> calls, @ForAll("scenarios") Scenario s) {
    List<Scenario.Profile> profiles =
        List.of(
            new Scenario.Profile(
                "a", "anthropic", ProfileType.API_KEY, "org", "unlimited", null, -1, 0, 0),
            new Scenario.Profile(
                "b", "anthropic", ProfileType.API_KEY, "org", "unlimited", null, -1, 0, 0),
            new Scenario.Profile(
                "c", "anthropic", ProfileType.API_KEY, "org", "unlimited", null, -1, 0, 0));
    Scenario base = unlimited(s, profiles);
    SimResult polpo =
        Simulation.run(calls, base.withRotation(RotationPolicy.POLPO), 3, SimFixtures.OPTIONS);
    SimResult sticky =
        Simulation.run(calls, base.withRotation(RotationPolicy.STICKY), 3, SimFixtures.OPTIONS);
    SimResult single =
        Simulation.run(calls, base.withRotation(RotationPolicy.SINGLE), 3, SimFixtures.OPTIONS);
    assertEquals(single.tokens(), polpo.tokens());
    assertEquals(single.tokens(), sticky.tokens());
    assertEquals(single.cost(), polpo.cost());
  }

  @Property(tries = 50, seed = "20261125")
  void sameSeed_sameResult(@ForAll("workloads") List<Call> calls, @ForAll("scenarios") Scenario s) {
    assertEquals(
        Simulation.run(calls, s, 11, SimFixtures.OPTIONS),
        Simulation.run(calls, s, 11, SimFixtures.OPTIONS));
  }

  private static CostBreakdown sumOfParts(java.util.Map<String, SimResult.Part> parts) {
    CostBreakdown sum = CostBreakdown.ZERO;
    for (SimResult.Part p : parts.values()) {
      sum = sum.plus(p.cost());
    }
    return sum;
  }
}
