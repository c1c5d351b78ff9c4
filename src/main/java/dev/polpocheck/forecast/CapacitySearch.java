package dev.polpocheck.forecast;

import dev.polpocheck.sim.Scenario;
import dev.polpocheck.sim.rotation.ProfileType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Finds the smallest credential setup that carries a workload within its objectives.
 *
 * <p><b>Candidates</b> are (organisations, tier or plan, profiles per organisation), with
 * profiles per organisation from {@code minProfilesPerOrganisation} to {@code
 * maxProfilesPerOrganisation} (equal: a fixed number). <b>"Smallest"</b> is, in this order:
 * fewest profiles in all (organisations x profiles per organisation: each is a credential to
 * provision, rotate and, on a subscription plan, pay a seat for), then the lowest tier or plan
 * in the order given (a spend commitment), then the fewest organisations (each splits the
 * prompt cache and is one more account to run). Candidates are tried in that order and the
 * first that meets the objective at the target load is the answer. With a fixed number of
 * profiles per organisation this is the order fewest organisations, then lowest tier.
 *
 * <p><b>Measuring a candidate.</b> Each candidate replays the same {@code runs} sampled workloads
 * (common random numbers: one seed for every candidate and load). Over the runs it takes the
 * worst run of each figure — the highest per-run P95 added delay, the highest 429 rate (429
 * responses per call), the most failed calls — so "meets the objective" means every run met it.
 * <b>The load-vs-delay curve</b> repeats this at {@link #LOAD_FACTORS} times the target rate; a
 * candidate's throughput ceiling is the highest load on that grid that still meets the objective
 * (open when even the highest does). A candidate that meets the objective at the target has its
 * ceiling refined by {@value #REFINE_STEPS} bisection steps between the last grid load that meets
 * and the first that does not (1x and 2x: to 1/8 of the target), because its headroom above the
 * target is what a reader provisions by; the search also measures the next candidate after the
 * chosen one, so the report can show what one size up would add.
 */
public final class CapacitySearch {
  /** The loads of each candidate's curve, as multiples of the target rate. */
  public static final double[] LOAD_FACTORS = {0.25, 0.5, 1, 2, 4};

  /** Bisection steps refining the ceiling of a candidate that meets the target. */
  static final int REFINE_STEPS = 3;

  private CapacitySearch() {}

  /**
   * What the setup must achieve.
   *
   * @param maxP95DelayMillis largest acceptable 95th-percentile added delay per call
   * @param max429Rate largest acceptable share of 429 responses per call
   * @param maxFailed largest acceptable number of failed (or not run) calls
   */
  public record Objective(long maxP95DelayMillis, double max429Rate, long maxFailed) {
    /** True when the measured figures are within every limit. */
    public boolean metBy(Measure m) {
      return m.p95DelayMillis() <= maxP95DelayMillis
          && m.rate429() <= max429Rate
          && m.failed() <= maxFailed;
    }
  }

  /**
   * One candidate setup.
   *
   * @param organisations organisations (each with its own rate limits and cache)
   * @param tier rate-limit tier ("tier1".."tier4", "start", ...) or a plan name from the scenario
   * @param profilesPerOrganisation API-key profiles in each organisation
   */
  public record Candidate(int organisations, String tier, int profilesPerOrganisation) {
    /** e.g. "2 orgs x 1 key, tier2". */
    public String label() {
      return String.format(Locale.ROOT, "%d org%s x %d key%s, %s", organisations,
          organisations == 1 ? "" : "s", profilesPerOrganisation,
          profilesPerOrganisation == 1 ? "" : "s", tier);
    }

    /** The scenario's profiles replaced by this candidate's, modelled on its first profile. */
    public Scenario apply(Scenario base, String provider) {
      Scenario.Profile template = base.profiles().stream()
          .filter(p -> p.provider().equals(provider)).findFirst().orElse(null);
      boolean plan = base.plans().containsKey(tier);
      List<Scenario.Profile> profiles = new ArrayList<>();
      for (int o = 1; o <= organisations; o++) {
        for (int k = 1; k <= profilesPerOrganisation; k++) {
          profiles.add(new Scenario.Profile(
              provider + ":org" + o + "-key" + k,
              provider,
              template == null ? ProfileType.API_KEY : template.type(),
              "org" + o,
              plan ? "unlimited" : tier,
              plan ? tier : null,
              template == null ? -1 : template.monthlySpendCapPicos(),
              template == null ? 0 : template.tokenLifetimeMillis(),
              template == null ? 0 : template.refreshFailureRate()));
        }
      }
      return base.withProfiles(profiles);
    }
  }

  /**
   * A candidate's figures at one load: the worst over the runs.
   *
   * @param loadFactor the load as a multiple of the target
   * @param sessionsPerDay the load
   * @param p95DelayMillis highest per-run P95 added delay
   * @param rate429 highest per-run 429 responses per call
   * @param failed most failed (or not run) calls in a run
   * @param meets whether the objective holds
   */
  public record Measure(
      double loadFactor, double sessionsPerDay, long p95DelayMillis, double rate429, long failed,
      boolean meets) {}

  /**
   * A candidate's evaluation.
   *
   * @param candidate the setup
   * @param atTarget its figures at the target load
   * @param curve its figures at every load of {@link #LOAD_FACTORS}, ascending
   * @param ceilingSessionsPerDay highest load on the curve meeting the objective (0: none)
   * @param ceilingOpen true when the highest load of the curve still met it
   */
  public record Evaluated(
      Candidate candidate, Measure atTarget, List<Measure> curve, double ceilingSessionsPerDay,
      boolean ceilingOpen) {
    public Evaluated {
      curve = List.copyOf(curve);
    }
  }

  /**
   * The search's settings.
   *
   * @param horizon the period replayed (its hours carry the corpus's daily shape)
   * @param targetSessionsPerDay the load to carry
   * @param runs sampled workloads per candidate and load
   * @param seed seed of the workloads and simulator
   * @param threads worker threads
   * @param tiers tiers or plan names to try, in order (lowest first)
   * @param maxOrganisations the most organisations to try
   * @param profilesPerOrganisation the fewest profiles in each organisation to try
   * @param maxProfilesPerOrganisation the most profiles in each organisation to try
   * @param objective what must hold
   */
  public record Settings(
      Horizon horizon,
      double targetSessionsPerDay,
      int runs,
      long seed,
      int threads,
      List<String> tiers,
      int maxOrganisations,
      int profilesPerOrganisation,
      int maxProfilesPerOrganisation,
      Objective objective) {
    public Settings {
      tiers = List.copyOf(tiers);
      if (tiers.isEmpty() || maxOrganisations < 1 || profilesPerOrganisation < 1 || runs < 1
          || maxProfilesPerOrganisation < profilesPerOrganisation) {
        throw new IllegalArgumentException("need at least one tier, one organisation, one"
            + " profile, one run and a profile range whose most is at least its fewest");
      }
    }

    /** Settings with a fixed number of profiles per organisation. */
    public Settings(
        Horizon horizon,
        double targetSessionsPerDay,
        int runs,
        long seed,
        int threads,
        List<String> tiers,
        int maxOrganisations,
        int profilesPerOrganisation,
        Objective objective) {
      this(horizon, targetSessionsPerDay, runs, seed, threads, tiers, maxOrganisations,
          profilesPerOrganisation, profilesPerOrganisation, objective);
    }
  }

  /**
   * The search's outcome.
   *
   * @param settings what was searched
   * @param evaluated every candidate tried, in search order
   * @param chosen the smallest candidate meeting the objective, or null when none does
   * @param warnings what the reader should know (corpus shape)
   * @param next the candidate after the chosen one, measured for comparison, or null
   */
  public record Result(
      Settings settings, List<Evaluated> evaluated, Candidate chosen, List<String> warnings,
      Evaluated next) {
    public Result {
      evaluated = List.copyOf(evaluated);
      warnings = List.copyOf(warnings);
      Objects.requireNonNull(settings, "settings");
    }

    /** A result without a measured next candidate. */
    public Result(
        Settings settings, List<Evaluated> evaluated, Candidate chosen, List<String> warnings) {
      this(settings, evaluated, chosen, warnings, null);
    }
  }

  /**
   * Runs the search.
   *
   * @param corpus the recorded sessions
   * @param settings target, runs, candidates and objective
   * @param setupFor the setup replayed for a candidate
   * @param progress told after each run
   */
  public static Result run(
      Corpus corpus, Settings settings, Function<Candidate, WorkloadSimulator> setupFor,
      Forecaster.Progress progress) {
    return run(corpus, settings, setupFor, progress, Forecaster.LOCAL);
  }

  /**
   * Runs the search, every load measured by a forecast whose units {@code engine} executes. The
   * search itself stays on the caller: which candidate and load come next depends on the last
   * measures. It measures {@link Forecaster.Engine#candidatesAtOnce(int)} candidates' grids at once
   * (one {@link Forecaster.Engine#executeAll} call), and the chosen and next candidates'
   * bisection steps together; every measure depends only on its candidate, its load and the
   * seed, so the result is the sequential search's however many the engine measures at once.
   */
  public static Result run(
      Corpus corpus, Settings settings, Function<Candidate, WorkloadSimulator> setupFor,
      Forecaster.Progress progress, Forecaster.Engine engine) {
    List<Candidate> all = candidates(settings);
    int window = Math.max(1, engine.candidatesAtOnce(settings.runs()));
    List<Curve> grids = new ArrayList<>();
    int chosen = -1;
    for (int i = 0; i < all.size() && chosen < 0; i += window) {
      grids.addAll(grids(corpus, settings, all.subList(i, Math.min(all.size(), i + window)),
          setupFor, progress, engine));
      for (int k = i; k < grids.size() && chosen < 0; k++) {
        if (grids.get(k).atTarget.meets()) {
          chosen = k;
        }
      }
    }
    List<Evaluated> evaluated = new ArrayList<>();
    if (chosen < 0) {
      for (Curve c : grids) {
        evaluated.add(c.evaluated());
      }
      return new Result(settings, evaluated, null, corpus.warnings(), null);
    }
    if (chosen + 1 < all.size() && grids.size() == chosen + 1) {
      grids.addAll(grids(corpus, settings, all.subList(chosen + 1, chosen + 2), setupFor,
          progress, engine));
    }
    List<Curve> refined = grids.subList(chosen, Math.min(grids.size(), chosen + 2));
    refine(corpus, settings, refined, progress, engine);
    for (int k = 0; k <= chosen; k++) {
      evaluated.add(grids.get(k).evaluated());
    }
    Evaluated next = refined.size() > 1 ? refined.get(1).evaluated() : null;
    return new Result(settings, evaluated, all.get(chosen), corpus.warnings(), next);
  }

  /**
   * Every candidate of the settings, smallest first: by total profiles, then tier in the order
   * given, then organisations (see the class comment).
   */
  public static List<Candidate> candidates(Settings s) {
    List<Candidate> all = new ArrayList<>();
    int maxTotal = s.maxOrganisations() * s.maxProfilesPerOrganisation();
    for (int total = 1; total <= maxTotal; total++) {
      for (String tier : s.tiers()) {
        for (int orgs = 1; orgs <= Math.min(total, s.maxOrganisations()); orgs++) {
          int perOrg = total / orgs;
          if (total % orgs == 0 && perOrg >= s.profilesPerOrganisation()
              && perOrg <= s.maxProfilesPerOrganisation()) {
            all.add(new Candidate(orgs, tier, perOrg));
          }
        }
      }
    }
    return all;
  }

  /**
   * The most simulated runs a search of {@code candidates} candidates does: every candidate's grid
   * and the bisection of the chosen candidate's ceiling and its successor's ({@value
   * #REFINE_STEPS} steps each). A search that stops early does fewer.
   */
  public static long runsFor(Settings s, long candidates) {
    return (candidates * LOAD_FACTORS.length + Math.min(candidates, 2) * REFINE_STEPS) * s.runs();
  }

  /** A candidate's curve while it is measured: its setup and the loads measured so far. */
  private static final class Curve {
    final Candidate candidate;
    final WorkloadSimulator setup;
    final List<Measure> measures = new ArrayList<>();
    Measure atTarget;
    double ceiling;
    boolean open;
    /** The bisection's bounds, as load factors: lo meets, hi does not. */
    double lo;
    double hi;

    Curve(Candidate candidate, WorkloadSimulator setup) {
      this.candidate = candidate;
      this.setup = setup;
    }

    /** Whether its ceiling is refined: it meets the target and some grid load does not. */
    boolean refines() {
      return atTarget.meets() && !open;
    }

    Evaluated evaluated() {
      List<Measure> curve = new ArrayList<>(measures);
      curve.sort(java.util.Comparator.comparingDouble(Measure::loadFactor));
      return new Evaluated(candidate, atTarget, curve, ceiling, open);
    }
  }

  /** The candidates' figures at every load of the grid, measured in one engine call. */
  private static List<Curve> grids(Corpus corpus, Settings s, List<Candidate> candidates,
      Function<Candidate, WorkloadSimulator> setupFor, Forecaster.Progress progress,
      Forecaster.Engine engine) {
    List<Curve> curves = new ArrayList<>();
    List<Forecaster.Plan> plans = new ArrayList<>();
    for (Candidate c : candidates) {
      Curve curve = new Curve(c, setupFor.apply(c));
      curves.add(curve);
      for (double f : LOAD_FACTORS) {
        plans.add(plan(corpus, s, curve.setup, f));
      }
    }
    List<RunOutcome[][]> out = engine.executeAll(plans, progress);
    for (int i = 0; i < curves.size(); i++) {
      Curve curve = curves.get(i);
      for (int j = 0; j < LOAD_FACTORS.length; j++) {
        double f = LOAD_FACTORS[j];
        Measure m = measure(s, f, out.get(i * LOAD_FACTORS.length + j)[0]);
        curve.measures.add(m);
        if (f == 1) {
          curve.atTarget = m;
        }
        if (m.meets()) {
          curve.ceiling = m.sessionsPerDay();
          curve.open = f == LOAD_FACTORS[LOAD_FACTORS.length - 1];
        }
      }
      // bisect between the highest grid load that meets and the next one, which does not
      curve.lo = curve.ceiling / s.targetSessionsPerDay();
      curve.hi = curve.lo * 2;
      for (double f : LOAD_FACTORS) {
        if (f > curve.lo) {
          curve.hi = f;
          break;
        }
      }
    }
    return curves;
  }

  /** {@value #REFINE_STEPS} bisection steps of the curves' ceilings, each step one engine call. */
  private static void refine(Corpus corpus, Settings s, List<Curve> curves,
      Forecaster.Progress progress, Forecaster.Engine engine) {
    List<Curve> refined = new ArrayList<>();
    for (Curve c : curves) {
      if (c.refines()) {
        refined.add(c);
      }
    }
    if (refined.isEmpty()) {
      return;
    }
    for (int i = 0; i < REFINE_STEPS; i++) {
      List<Forecaster.Plan> plans = new ArrayList<>();
      for (Curve c : refined) {
        plans.add(plan(corpus, s, c.setup, (c.lo + c.hi) / 2));
      }
      List<RunOutcome[][]> out = engine.executeAll(plans, progress);
      for (int k = 0; k < refined.size(); k++) {
        Curve c = refined.get(k);
        double mid = (c.lo + c.hi) / 2;
        Measure m = measure(s, mid, out.get(k)[0]);
        c.measures.add(m);
        if (m.meets()) {
          c.lo = mid;
          c.ceiling = m.sessionsPerDay();
        } else {
          c.hi = mid;
        }
      }
    }
  }

  /** The forecast measuring {@code setup} at {@code factor} times the target load. */
  private static Forecaster.Plan plan(Corpus corpus, Settings s, WorkloadSimulator setup,
      double factor) {
    ForecastSettings fs = new ForecastSettings(s.horizon(), s.targetSessionsPerDay() * factor,
        0, s.runs(), s.seed(), s.threads(), 0.95);
    return new Forecaster.Plan(corpus, fs, List.of(setup));
  }

  /** A candidate's worst-run figures at {@code factor} times the target load. */
  static Measure measure(Settings s, double factor, RunOutcome[] runs) {
    double rate = s.targetSessionsPerDay() * factor;
    long delay = 0;
    double rate429 = 0;
    long failed = 0;
    for (RunOutcome o : runs) {
      delay = Math.max(delay, o.addedDelayP95Millis());
      rate429 = Math.max(rate429, o.rateLimitedRate());
      failed = Math.max(failed, o.failed());
    }
    Measure m = new Measure(factor, rate, delay, rate429, failed, false);
    return new Measure(factor, rate, delay, rate429, failed, s.objective().metBy(m));
  }
}
