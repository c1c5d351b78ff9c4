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
import java.util.List;

/**
 * A forecast plan in the form an executor receives it (one broadcast per forecast): the corpus as
 * its calls, the settings as numbers and every setup as its effective scenario file. An executor
 * rebuilds the plan once ({@link #replayer()}) and replays any (run, setup) unit of it; every
 * rebuilt part is checked equal to the driver's before anything is shipped, so a unit replays
 * exactly what the CLI would.
 */
final class ForecastJob implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The corpus's calls, session after session in the corpus's order. */
  private final List<Call> calls;
  private final long horizonStart;
  private final int horizonDays;
  private final double sessionsPerDay;
  private final double growthPerMonth;
  private final int runs;
  private final long seed;
  private final double confidence;
  private final List<String> setupNames;
  private final List<String> setupScenarios;
  private transient volatile Replayer replayer;

  private ForecastJob(Forecaster.Plan plan) {
    List<Call> cs = new ArrayList<>();
    for (Session s : plan.corpus().sessions()) {
      cs.addAll(s.calls());
    }
    this.calls = cs;
    ForecastSettings st = plan.settings();
    this.horizonStart = st.horizon().startMillis();
    this.horizonDays = st.horizon().days();
    this.sessionsPerDay = st.sessionsPerDay();
    this.growthPerMonth = st.growthPerMonth();
    this.runs = st.runs();
    this.seed = st.seed();
    this.confidence = st.confidence();
    this.setupNames = new ArrayList<>();
    this.setupScenarios = new ArrayList<>();
    for (WorkloadSimulator w : plan.setups()) {
      if (!(w instanceof SimulatorSetup s)) {
        throw new IllegalArgumentException("only scenario setups run on Spark, not " + w.name());
      }
      setupNames.add(s.name());
      setupScenarios.add(ScenarioFiles.toJson(s.scenario()).toString());
    }
  }

  /**
   * The job of {@code plan}, checked on the driver: the plan it rebuilds must equal the driver's
   * in every part a unit reads (corpus span and sessions, scenarios).
   *
   * @throws IllegalStateException when a part would not survive the trip to an executor
   */
  static ForecastJob of(Forecaster.Plan plan) {
    ForecastJob job = new ForecastJob(plan);
    Forecaster.Plan rebuilt = job.rebuild();
    Corpus a = plan.corpus();
    Corpus b = rebuilt.corpus();
    if (a.endMillis() != b.endMillis() || !a.sessions().equals(b.sessions())) {
      throw new IllegalStateException("the corpus does not rebuild from its calls");
    }
    for (int i = 0; i < plan.setups().size(); i++) {
      SimulatorSetup x = (SimulatorSetup) plan.setups().get(i);
      SimulatorSetup y = (SimulatorSetup) rebuilt.setups().get(i);
      if (!x.scenario().equals(y.scenario())) {
        throw new IllegalStateException("setup " + x.name() + " does not rebuild from its file");
      }
    }
    return job;
  }

  /** Number of units: every run under every setup. */
  int units() {
    return runs * setupNames.size();
  }

  /** Unit {@code u} is run {@code u / setups} under setup {@code u % setups}. */
  RunOutcome replay(int unit) {
    Replayer r = replayer();
    int n = setupNames.size();
    return r.plan.replay(r.sampler, r.seeds, unit / n, unit % n);
  }

  int setups() {
    return setupNames.size();
  }

  /** The rebuilt plan, its sampler and seeds: once per executor JVM, shared by its tasks. */
  private Replayer replayer() {
    Replayer r = replayer;
    if (r == null) {
      synchronized (this) {
        r = replayer;
        if (r == null) {
          Forecaster.Plan plan = rebuild();
          r = new Replayer(plan, plan.sampler(), plan.seeds());
          replayer = r;
        }
      }
    }
    return r;
  }

  private Forecaster.Plan rebuild() {
    List<WorkloadSimulator> setups = new ArrayList<>();
    for (int i = 0; i < setupNames.size(); i++) {
      setups.add(Setups.of(setupNames.get(i),
          ScenarioFiles.parse(setupNames.get(i), setupScenarios.get(i))));
    }
    // threads do not reach a unit: each task replays one (run, setup) on its own core
    ForecastSettings settings = new ForecastSettings(new Horizon(horizonStart, horizonDays),
        sessionsPerDay, growthPerMonth, runs, seed, 1, confidence);
    return new Forecaster.Plan(Corpus.of(calls), settings, setups);
  }

  private record Replayer(Forecaster.Plan plan, WorkloadSampler sampler, long[][] seeds) {}
}
