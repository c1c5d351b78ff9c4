package dev.polpocheck.spark;

import dev.polpocheck.forecast.Corpus;
import dev.polpocheck.forecast.ForecastSettings;
import dev.polpocheck.forecast.Forecaster;
import dev.polpocheck.forecast.Horizon;
import dev.polpocheck.forecast.RunOutcome;
import dev.polpocheck.forecast.Session;
import dev.polpocheck.forecast.Setups;
import dev.polpocheck.forecast.SimulatorSetup;
import dev.polpocheck.forecast.WorkloadSampler;
import dev.polpocheck.forecast.WorkloadSimulator;
import dev.polpocheck.sim.ScenarioFiles;
import dev.polpocheck.trace.Call;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forecast plans of one corpus in the form an executor receives them (one broadcast per job): the
 * corpus as its calls, once; each plan's settings as numbers; every distinct setup as its
 * effective scenario file. A forecast is one plan with its setups; a capacity search's step is
 * several plans, one per (candidate, load), whose candidates repeat across loads.
 *
 * <p><b>The unit</b> is (setup, run): run {@code r} replayed under setup {@code s} in every plan
 * that has {@code s}. For a forecast that is the (run, setup); for a capacity step it is
 * (candidate, run), the candidate's loads of that step replayed one after the other. An executor
 * rebuilds the plans once ({@link #replayer()}); every rebuilt part is checked equal to the
 * driver's before anything is shipped, so a unit replays exactly what the CLI would.
 */
final class ForecastJob implements Serializable {
  private static final long serialVersionUID = 2L;

  /** The corpus's calls, session after session in the corpus's order. */
  private final List<Call> calls;
  private final long horizonStart;
  private final int horizonDays;
  private final int runs;
  private final long seed;
  private final double confidence;
  /** Per plan: its rate and growth. */
  private final double[] sessionsPerDay;
  private final double[] growthPerMonth;
  /** Per plan: the distinct setup of each of its setups. */
  private final int[][] planSetups;
  private final List<String> setupNames = new ArrayList<>();
  private final List<String> setupScenarios = new ArrayList<>();
  private transient volatile Replayer replayer;

  private ForecastJob(List<Forecaster.Plan> plans) {
    Forecaster.Plan first = plans.get(0);
    List<Call> cs = new ArrayList<>();
    for (Session s : first.corpus().sessions()) {
      cs.addAll(s.calls());
    }
    this.calls = cs;
    ForecastSettings st = first.settings();
    this.horizonStart = st.horizon().startMillis();
    this.horizonDays = st.horizon().days();
    this.runs = st.runs();
    this.seed = st.seed();
    this.confidence = st.confidence();
    this.sessionsPerDay = new double[plans.size()];
    this.growthPerMonth = new double[plans.size()];
    this.planSetups = new int[plans.size()][];
    Map<WorkloadSimulator, Integer> distinct = new IdentityHashMap<>();
    for (int p = 0; p < plans.size(); p++) {
      Forecaster.Plan plan = plans.get(p);
      ForecastSettings ps = plan.settings();
      if (plan.corpus() != first.corpus() || !ps.horizon().equals(st.horizon())
          || ps.runs() != runs || ps.seed() != seed || ps.confidence() != confidence) {
        throw new IllegalArgumentException("the plans of one job share corpus, horizon, runs"
            + " and seed");
      }
      sessionsPerDay[p] = ps.sessionsPerDay();
      growthPerMonth[p] = ps.growthPerMonth();
      planSetups[p] = new int[plan.setups().size()];
      for (int i = 0; i < plan.setups().size(); i++) {
        WorkloadSimulator w = plan.setups().get(i);
        Integer s = distinct.get(w);
        if (s == null) {
          if (!(w instanceof SimulatorSetup ss)) {
            throw new IllegalArgumentException("only scenario setups run on Spark, not "
                + w.name());
          }
          s = setupNames.size();
          distinct.put(w, s);
          setupNames.add(ss.name());
          setupScenarios.add(ScenarioFiles.toJson(ss.scenario()).toString());
        }
        planSetups[p][i] = s;
      }
    }
  }

  /**
   * The job of {@code plans} (one corpus, horizon, run count and seed), checked on the driver:
   * the plans it rebuilds must equal the driver's in every part a unit reads (corpus span and
   * sessions, scenarios).
   *
   * @throws IllegalStateException when a part would not survive the trip to an executor
   */
  static ForecastJob of(List<Forecaster.Plan> plans) {
    ForecastJob job = new ForecastJob(plans);
    List<Forecaster.Plan> rebuilt = job.rebuild();
    Corpus a = plans.get(0).corpus();
    Corpus b = rebuilt.get(0).corpus();
    if (a.endMillis() != b.endMillis() || !a.sessions().equals(b.sessions())) {
      throw new IllegalStateException("the corpus does not rebuild from its calls");
    }
    for (int p = 0; p < plans.size(); p++) {
      for (int i = 0; i < plans.get(p).setups().size(); i++) {
        SimulatorSetup x = (SimulatorSetup) plans.get(p).setups().get(i);
        SimulatorSetup y = (SimulatorSetup) rebuilt.get(p).setups().get(i);
        if (!x.scenario().equals(y.scenario())) {
          throw new IllegalStateException("setup " + x.name() + " does not rebuild from its file");
        }
      }
    }
    return job;
  }

  /** Number of units: every run under every distinct setup. */
  int units() {
    return runs * setupNames.size();
  }

  int runs() {
    return runs;
  }

  int plans() {
    return planSetups.length;
  }

  /** Setup {@code i} of plan {@code p}, as a distinct setup. */
  int setupOf(int p, int i) {
    return planSetups[p][i];
  }

  /**
   * Unit {@code u}: run {@code u % runs} under distinct setup {@code u / runs}, in every plan
   * that has it, in plan order.
   *
   * @return one outcome per (plan, setup position) holding the setup, in (plan, position) order
   */
  RunOutcome[] replay(int unit) {
    Replayer r = replayer();
    int setup = unit / runs;
    int run = unit % runs;
    List<RunOutcome> out = new ArrayList<>();
    for (int p = 0; p < planSetups.length; p++) {
      for (int i = 0; i < planSetups[p].length; i++) {
        if (planSetups[p][i] == setup) {
          out.add(r.plans.get(p).replay(r.samplers.get(p), r.seeds, run, i));
        }
      }
    }
    return out.toArray(new RunOutcome[0]);
  }

  /** The rebuilt plans, their samplers and seeds: once per executor JVM, shared by its tasks. */
  private Replayer replayer() {
    Replayer r = replayer;
    if (r == null) {
      synchronized (this) {
        r = replayer;
        if (r == null) {
          List<Forecaster.Plan> plans = rebuild();
          List<WorkloadSampler> samplers = new ArrayList<>();
          for (Forecaster.Plan p : plans) {
            samplers.add(p.sampler());
          }
          // every plan has the job's seed and runs, so the same per-run seeds
          r = new Replayer(plans, samplers, plans.get(0).seeds());
          replayer = r;
        }
      }
    }
    return r;
  }

  private List<Forecaster.Plan> rebuild() {
    List<WorkloadSimulator> setups = new ArrayList<>();
    for (int i = 0; i < setupNames.size(); i++) {
      setups.add(Setups.of(setupNames.get(i),
          ScenarioFiles.parse(setupNames.get(i), setupScenarios.get(i))));
    }
    Corpus corpus = Corpus.of(calls);
    Horizon horizon = new Horizon(horizonStart, horizonDays);
    List<Forecaster.Plan> plans = new ArrayList<>();
    for (int p = 0; p < planSetups.length; p++) {
      List<WorkloadSimulator> own = new ArrayList<>();
      for (int s : planSetups[p]) {
        own.add(setups.get(s));
      }
      // threads do not reach a unit: each task replays its units on its own core
      ForecastSettings settings = new ForecastSettings(horizon, sessionsPerDay[p],
          growthPerMonth[p], runs, seed, 1, confidence);
      plans.add(new Forecaster.Plan(corpus, settings, own));
    }
    return plans;
  }

  private record Replayer(
      List<Forecaster.Plan> plans, List<WorkloadSampler> samplers, long[][] seeds) {}
}
