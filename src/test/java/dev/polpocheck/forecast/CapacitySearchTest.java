package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.sim.Scenario;
import dev.polpocheck.sim.ScenarioFiles;
import dev.polpocheck.trace.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Protects {@code polpo-check capacity}'s answer: on a constructed workload whose capacity per
 * candidate is known, the search returns the known smallest setup, in the documented search
 * order, with the right throughput ceiling; and it says so when nothing is big enough.
 */
class CapacitySearchTest {
  private static final long MONDAY = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();

  /** One-call sessions, spread evenly over two weeks. */
  private static Corpus corpus() {
    List<Call> calls = new ArrayList<>();
    for (int h = 0; h < 14 * 24; h++) {
      calls.add(TestCalls.call(MONDAY + h * Corpus.HOUR, "s" + h, "a", "claude-haiku-4-5", 10, 1));
    }
    return Corpus.of(calls);
  }

  /**
   * A setup that can serve {@code perOrg} calls a day per organisation: above that every call
   * waits 10 s and gets a 429. Tier 1 serves 300 a day, tier 2 700.
   */
  private static WorkloadSimulator capped(CapacitySearch.Candidate c) {
    return capped(c, c.organisations() * (c.tier().equals("tier1") ? 300L : 700L));
  }

  /** A setup named after {@code c} that serves {@code capacity} calls a day. */
  private static WorkloadSimulator capped(CapacitySearch.Candidate c, long capacity) {
    return new WorkloadSimulator() {
      @Override
      public RunOutcome run(Iterable<Call> calls, Horizon h, long seed) {
        long n = 0;
        for (Call x : calls) {
          n++;
        }
        boolean over = n > capacity * h.days();
        Map<String, CostBreakdown> none = new TreeMap<>();
        return new RunOutcome(CostBreakdown.ZERO, new TreeMap<>(none), new TreeMap<>(none),
            new long[h.days()], new long[h.days()], new long[h.days()], n, over ? n : 0, 0,
            over ? 10_000 : 0, over ? 10_000 : 0, List.of());
      }

      @Override
      public String name() {
        return c.label();
      }
    };
  }

  private static CapacitySearch.Settings settings(int maxOrgs) {
    // 1000 sessions/day for one day: Poisson(1000), sd 32, so every run has 900..1100 calls
    // (3 sd) and the quarter load 250 +- 48.
    return new CapacitySearch.Settings(new Horizon(MONDAY + 14 * Corpus.DAY, 1), 1000, 3, 5, 2,
        List.of("tier1", "tier2"), maxOrgs, 1, new CapacitySearch.Objective(2_000, 0.01, 0));
  }

  @Test
  void run_knownCapacities_returnsTwoOrganisationsAtTier2() {
    // 1 org: 300 or 700 a day < ~1000; 2 orgs at tier1: 600 < ~1000; 2 orgs at tier2: 1400 >
    // 1100. The search order is organisations first, then tiers, so the answer is (2, tier2).
    CapacitySearch.Result r = CapacitySearch.run(corpus(), settings(4),
        CapacitySearchTest::capped, Forecaster.Progress.none());
    assertEquals(new CapacitySearch.Candidate(2, "tier2", 1), r.chosen());
    assertEquals(List.of("1 org x 1 key, tier1", "1 org x 1 key, tier2", "2 orgs x 1 key, tier1",
        "2 orgs x 1 key, tier2"),
        r.evaluated().stream().map(e -> e.candidate().label()).toList());
    CapacitySearch.Evaluated chosen = r.evaluated().get(3);
    assertTrue(chosen.atTarget().meets());
    assertFalse(r.evaluated().get(2).atTarget().meets());
    // its curve: 250, 500, 1000 a day fit in 1400; 2000 and 4000 do not. It meets the target,
    // so the ceiling is bisected between 1x and 2x: 1.5x (1500 +- 39, always above 1400) fails,
    // 1.25x (1250 +- 35, 3 sd under 1400) fits, 1.375x (1375 +- 37) straddles 1400: the
    // ceiling is 1250 or 1375 a day, whichever the seeded runs give, never the target itself
    double ceiling = chosen.ceilingSessionsPerDay();
    assertTrue(ceiling == 1250 || ceiling == 1375, "ceiling " + ceiling);
    assertFalse(chosen.ceilingOpen());
    // tier1 with one org (300/day): only the quarter load (~250) fits
    assertEquals(250.0, r.evaluated().get(0).ceilingSessionsPerDay());
    assertEquals(10_000, r.evaluated().get(0).atTarget().p95DelayMillis());
    assertEquals(1.0, r.evaluated().get(0).atTarget().rate429());
  }

  /**
   * A setup on subscription plans, whose window is a budget per profile: each profile of plan
   * "pro" carries 400 calls a day, of plan "max" 1200, however many organisations they sit in;
   * above the budget every call waits 10 s and gets a 429.
   */
  private static WorkloadSimulator perProfile(CapacitySearch.Candidate c) {
    long perProfile = c.tier().equals("pro") ? 400L : 1200L;
    long profiles = (long) c.organisations() * c.profilesPerOrganisation();
    return capped(new CapacitySearch.Candidate(1, "custom", 1), profiles * perProfile);
  }

  private static CapacitySearch.Settings profileSettings(List<String> plans, int maxPerOrg) {
    return new CapacitySearch.Settings(new Horizon(MONDAY + 14 * Corpus.DAY, 1), 1000, 3, 5, 2,
        plans, 2, 1, maxPerOrg, new CapacitySearch.Objective(2_000, 0.01, 0));
  }

  @Test
  void run_planWindowPerProfile_needsThreeProfilesInOneOrganisation() {
    // Target ~1000 calls (900..1100 in every run, see settings). One "pro" profile carries 400,
    // two 800 < 900, three 1200 > 1100: the minimum is 3 profiles. Organisations add nothing
    // here, so the fewest-organisations tie-break puts them in one organisation: (1 org x 3).
    // Order by total profiles, then organisations: 1 -> (1x1); 2 -> (1x2), (2x1); 3 -> (1x3),
    // since 3 orgs exceed the 2 allowed.
    CapacitySearch.Result r = CapacitySearch.run(corpus(), profileSettings(List.of("pro"), 3),
        CapacitySearchTest::perProfile, Forecaster.Progress.none());
    assertEquals(new CapacitySearch.Candidate(1, "pro", 3), r.chosen());
    assertEquals(List.of("1 org x 1 key, pro", "1 org x 2 keys, pro", "2 orgs x 1 key, pro",
        "1 org x 3 keys, pro"), r.evaluated().stream().map(e -> e.candidate().label()).toList());
    // 1200/day: 250, 500, 1000 fit; 2000 does not; bisected: 1.5x (1500 +- 39) and 1.25x
    // (1250 +- 35: all three runs under 1200 has probability 0.08^3) fail, 1.125x (1125 +- 34,
    // 2.2 sd under 1200) fits in all runs with probability 0.96: 1125/day, else 1000
    double ceiling = r.evaluated().get(3).ceilingSessionsPerDay();
    assertTrue(ceiling == 1125 || ceiling == 1000, "ceiling " + ceiling);
  }

  @Test
  void run_planWindowPerProfile_fixedOneProfileFindsNothing() {
    // With one profile per organisation fixed, at most 2 "pro" profiles (800 < 900): no answer,
    // which is what the search over profiles per organisation exists to fix.
    CapacitySearch.Result r = CapacitySearch.run(corpus(), profileSettings(List.of("pro"), 1),
        CapacitySearchTest::perProfile, Forecaster.Progress.none());
    assertNull(r.chosen());
  }

  @Test
  void run_fewerProfilesOnHigherPlan_beatsMoreProfilesOnLowerPlan() {
    // One "max" profile carries 1200 > 1100, so one profile suffices: fewest profiles in all
    // comes before lowest plan, and "pro" at one profile (400) is tried first and fails.
    CapacitySearch.Result r = CapacitySearch.run(corpus(),
        profileSettings(List.of("pro", "max"), 3), CapacitySearchTest::perProfile,
        Forecaster.Progress.none());
    assertEquals(new CapacitySearch.Candidate(1, "max", 1), r.chosen());
    assertEquals(2, r.evaluated().size());
  }

  @Test
  void candidates_profileRange_areOrderedByTotalThenTierThenOrganisations() {
    // max 2 orgs x 2 keys, two tiers: totals 1, 2, 4 (3 cannot be built within the range).
    List<String> labels = CapacitySearch.candidates(profileSettings(List.of("pro", "max"), 2))
        .stream().map(CapacitySearch.Candidate::label).toList();
    assertEquals(List.of("1 org x 1 key, pro", "1 org x 1 key, max",
        "1 org x 2 keys, pro", "2 orgs x 1 key, pro", "1 org x 2 keys, max",
        "2 orgs x 1 key, max", "2 orgs x 2 keys, pro", "2 orgs x 2 keys, max"), labels);
  }

  @Test
  void settings_mostBelowFewestProfiles_isRejected() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new CapacitySearch.Settings(new Horizon(MONDAY, 1), 1, 1, 1, 1, List.of("tier1"),
            1, 3, 2, new CapacitySearch.Objective(0, 0, 0)));
  }

  /**
   * An engine that measures three candidates at once gives the sequential search's result, in
   * fewer, larger engine calls. Candidates in order (one key each): 1/tier1, 1/tier2, 2/tier1,
   * 2/tier2 (the answer, index 3), 3/tier1 (next: 900 a day, misses the ~1000 target), ... Three
   * at once: grids of 0-2 (15 plans), of 3-5 (15: the next, 4, is among them), then the three
   * bisection steps of the answer alone (next does not meet the target): 5 calls, 33 plans.
   * One at a time: grids of 0, 1, 2, 3 and of the next (5 plans each), 3 steps: 8 calls, 28.
   */
  @Test
  void run_threeCandidatesAtOnce_sameResultInFewerEngineCalls() {
    List<Integer> sequential = new ArrayList<>();
    List<Integer> batched = new ArrayList<>();
    CapacitySearch.Result one = CapacitySearch.run(corpus(), settings(4),
        CapacitySearchTest::capped, Forecaster.Progress.none(), counting(1, sequential));
    CapacitySearch.Result three = CapacitySearch.run(corpus(), settings(4),
        CapacitySearchTest::capped, Forecaster.Progress.none(), counting(3, batched));
    assertEquals(new CapacitySearch.Candidate(2, "tier2", 1), one.chosen());
    assertEquals(new CapacitySearch.Candidate(3, "tier1", 1), one.next().candidate());
    assertEquals(one, three);
    assertEquals(List.of(5, 5, 5, 5, 5, 1, 1, 1), sequential);
    assertEquals(List.of(15, 15, 1, 1, 1), batched);
  }

  @Test
  void runsFor_boundsEveryRunTheSearchDoes_bisectionIncluded() {
    // The progress line says "N of at most runsFor": every candidate's grid and the bisection of
    // the chosen candidate and the next (REFINE_STEPS steps, one plan each) must fit under it.
    // With at most 2 organisations the answer, 2 orgs at tier2, is the last candidate: every
    // grid is measured (4 candidates x 5 loads) and then its ceiling bisected 3 times.
    List<Integer> plans = new ArrayList<>();
    CapacitySearch.Result r = CapacitySearch.run(corpus(), settings(2),
        CapacitySearchTest::capped, Forecaster.Progress.none(), counting(1, plans));
    List<CapacitySearch.Candidate> all = CapacitySearch.candidates(settings(2));
    assertEquals(all.get(all.size() - 1), r.chosen());
    assertEquals(List.of(5, 5, 5, 5, 1, 1, 1), plans);
    long done = (long) plans.stream().mapToInt(Integer::intValue).sum() * settings(2).runs();
    assertTrue(done <= CapacitySearch.runsFor(settings(2), all.size()),
        done + " runs done, bound " + CapacitySearch.runsFor(settings(2), all.size()));
  }

  /** The local engine, measuring {@code atOnce} candidates at once; logs each call's plans. */
  private static Forecaster.Engine counting(int atOnce, List<Integer> plansPerCall) {
    return new Forecaster.Engine() {
      @Override
      public RunOutcome[][] execute(Forecaster.Plan plan, Forecaster.Progress progress) {
        return Forecaster.LOCAL.execute(plan, progress);
      }

      @Override
      public List<RunOutcome[][]> executeAll(List<Forecaster.Plan> plans,
          Forecaster.Progress progress) {
        plansPerCall.add(plans.size());
        return Forecaster.Engine.super.executeAll(plans, progress);
      }

      @Override
      public int candidatesAtOnce(int runs) {
        return atOnce;
      }
    };
  }

  @Test
  void run_tooFewOrganisations_choosesNothing() {
    CapacitySearch.Result r = CapacitySearch.run(corpus(), settings(1),
        CapacitySearchTest::capped, Forecaster.Progress.none());
    assertNull(r.chosen());
    assertEquals(2, r.evaluated().size());
  }

  @Test
  void objective_eachLimit_isInclusive() {
    CapacitySearch.Objective o = new CapacitySearch.Objective(2_000, 0.01, 0);
    assertTrue(o.metBy(new CapacitySearch.Measure(1, 1, 2_000, 0.01, 0, false)));
    assertFalse(o.metBy(new CapacitySearch.Measure(1, 1, 2_001, 0, 0, false)));
    assertFalse(o.metBy(new CapacitySearch.Measure(1, 1, 0, 0.0101, 0, false)));
    assertFalse(o.metBy(new CapacitySearch.Measure(1, 1, 0, 0, 1, false)));
  }

  @Test
  void candidateApply_twoOrgsOfTwoKeys_buildsFourProfilesInTwoOrganisations() {
    Scenario s = new CapacitySearch.Candidate(2, "tier3", 2)
        .apply(ScenarioFiles.defaults(), "anthropic");
    assertEquals(List.of("anthropic:org1-key1", "anthropic:org1-key2", "anthropic:org2-key1",
        "anthropic:org2-key2"), s.profiles().stream().map(Scenario.Profile::id).toList());
    assertEquals(List.of("org1", "org1", "org2", "org2"),
        s.profiles().stream().map(Scenario.Profile::organisation).toList());
    assertTrue(s.profiles().stream().allMatch(p -> p.tier().equals("tier3") && p.plan() == null));
  }
}
