package dev.polpocheck.forecast;

import dev.polpocheck.trace.Call;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Forecasts the last part of a corpus from the part before it and says where the recorded cost
 * fell in the forecast's distribution.
 *
 * <p>The held-out period is the last quarter of the corpus's whole days (at least one day). The
 * forecast is trained on the sessions that start before it, with their own rate and shape and no
 * growth, over exactly that period; the actual figure is the same simulator run over the sessions
 * that really started in it, as recorded. A well-calibrated forecast puts the actual inside the
 * P5-P95 band about nine times in ten; one backtest is one draw, so it is evidence, not proof.
 */
public final class Backtest {
  /** Fewer days than this before the cut leave the day-of-week shape unmeasured. */
  static final int MIN_TRAINING_DAYS = Corpus.MIN_DAYS_FOR_WEEKDAYS;

  private Backtest() {}

  /**
   * The outcome of a backtest.
   *
   * @param cutMillis start of the held-out period
   * @param trainingDays days of corpus before it
   * @param heldOutDays days held out
   * @param actualPicos cost of the held-out sessions as recorded
   * @param forecast distribution of the forecast cost
   * @param rank share of runs whose cost was below the actual (0.5 = the median)
   * @param insideBand true when the actual lies within [P5, P95]
   * @param warnings why the result may be weak
   */
  public record Result(
      long cutMillis,
      int trainingDays,
      int heldOutDays,
      long actualPicos,
      Stats.Distribution forecast,
      double rank,
      boolean insideBand,
      List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  /** Runs the backtest with the settings' runs, seed, threads and confidence. */
  public static Result run(
      Corpus corpus, ForecastSettings settings, WorkloadSimulator simulator,
      Forecaster.Progress progress) {
    long dayStart = Corpus.floorTo(corpus.firstMillis(), Corpus.DAY);
    // the last, partly recorded day counts as a day: a corpus of four weeks of data is 28 days
    int wholeDays = (int) Math.max(1, -Math.floorDiv(-(corpus.endMillis() - dayStart), Corpus.DAY));
    List<String> warnings = new ArrayList<>();
    if (wholeDays < 2) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "a backtest needs at least 2 whole days of corpus; this one spans %.1f days",
          corpus.spanDays()));
    }
    int heldOut = Math.max(1, wholeDays / 4);
    long cut = dayStart + (long) (wholeDays - heldOut) * Corpus.DAY;
    int trainingDays = wholeDays - heldOut;
    if (trainingDays < MIN_TRAINING_DAYS) {
      warnings.add("the backtest trains on " + trainingDays + " days, fewer than "
          + MIN_TRAINING_DAYS + ": its weekly shape is flat and the band is only indicative");
    }
    Corpus training = corpus.before(cut);
    warnings.addAll(training.warnings());
    Horizon h = new Horizon(cut, heldOut);
    List<Call> actual = new ArrayList<>();
    for (Session s : corpus.sessions()) {
      if (s.startMillis() >= cut) {
        actual.addAll(s.calls());
      }
    }
    actual.sort(Comparator.comparingLong(Call::timestampMillis).thenComparing(Call::session));
    long actualCost = simulator.run(actual, h, settings.seed()).total().total();
    ForecastSettings s = new ForecastSettings(h, Double.NaN, 0, settings.runs(), settings.seed(),
        settings.threads(), settings.confidence());
    ForecastResult f = Forecaster.run(training, s, List.of(simulator), progress);
    Stats.Distribution d = f.baseline().total(settings.confidence());
    long below = f.baseline().runs().stream().filter(r -> r.total().total() < actualCost).count();
    boolean inside = actualCost >= d.p5().value() && actualCost <= d.p95().value();
    return new Result(cut, trainingDays, heldOut, actualCost, d,
        below / (double) f.baseline().runs().size(), inside, warnings);
  }
}
