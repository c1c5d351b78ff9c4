package dev.polpocheck.bench;

import dev.polpocheck.sim.rotation.ProfilePool;
import dev.polpocheck.sim.rotation.ProfileSpec;
import dev.polpocheck.sim.rotation.ProfileStats;
import dev.polpocheck.sim.rotation.ProfileType;
import dev.polpocheck.sim.rotation.Selector;
import dev.polpocheck.sim.rotation.SelectorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Polpo does at every key fetch, for the fast and the reference selector: select a profile,
 * then record a success on it — over pools of 1 to 4,096 profiles of one provider.
 *
 * <p>The pool starts in a realistic mix (a quarter OAuth, the rest API keys; lastUsed spread over
 * the last hour; about 10 % cooling down and 2 % billing-disabled), and between selections a
 * precomputed stream moves the clock forward (0–2 s per call, so cooldowns expire and profiles
 * migrate back) and injects profile errors and billing failures: 1 call in 32 and 1 in 8,192 in the
 * {@code steady} workload, 1 in 4 and 1 in 512 in the {@code churn} workload, where profiles keep
 * leaving for a cooldown and coming back with an old {@code lastUsed} (the fast selector's O(log n)
 * path). Every selection therefore sees a changed state; nothing is trivially cached. The stream is
 * a power-of-two array indexed {@code i++ & MASK}, so the measured path neither allocates nor draws
 * random numbers; run with {@code -prof gc} for bytes per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SelectorBench {

  private static final int EVENTS = 1 << 13;
  private static final int MASK = EVENTS - 1;
  private static final int NONE = 0;
  private static final int PROFILE_ERROR = 1;
  private static final int BILLING_FAILURE = 2;
  private static final long START = 1_764_000_000_000L;

  /** Number of profiles of the provider. */
  @Param({"1", "4", "16", "64", "256", "4096"})
  public int profiles;

  /** Error rates of the event stream: {@code steady} or {@code churn}. */
  @Param({"steady", "churn"})
  public String workload;

  /** Which selector: {@code fast} or {@code reference}. */
  @Param({"fast", "reference"})
  public String selector;

  private ProfilePool pool;
  private Selector chooser;
  private final long[] deltas = new long[EVENTS];
  private final int[] kinds = new int[EVENTS];
  private final int[] targets = new int[EVENTS];
  private int cursor;
  private long now;

  /** Builds the pool, its starting state and the event stream from a fixed seed. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    List<ProfileSpec> specs = new ArrayList<>(profiles);
    for (int i = 0; i < profiles; i++) {
      ProfileType type = random.nextInt(4) == 0 ? ProfileType.OAUTH : ProfileType.API_KEY;
      specs.add(new ProfileSpec("anthropic:p" + i, "anthropic", type, "org-" + (i % 8)));
    }
    pool = new ProfilePool(specs);
    now = START;
    for (int i = 0; i < profiles; i++) {
      long lastUsed = now - random.nextLong(3_600_000L);
      int state = random.nextInt(100);
      long cooldownUntil = state < 10 ? now + random.nextLong(1, 1_500_000L) : 0;
      long disabledUntil = state >= 98 ? now + random.nextLong(1, 18_000_000L) : 0;
      pool.setStats(
          i,
          new ProfileStats(
              lastUsed,
              cooldownUntil,
              cooldownUntil == 0 ? 0 : 1,
              disabledUntil,
              disabledUntil == 0 ? 0 : 1,
              disabledUntil == 0 ? ProfileStats.NO_WINDOW : now));
    }
    chooser = SelectorKind.valueOf(selector.toUpperCase(java.util.Locale.ROOT)).create(pool);
    boolean churn = workload.equals("churn");
    int billingOdds = churn ? 512 : 8_192;
    int errorOdds = churn ? 4 : 32;
    for (int i = 0; i < EVENTS; i++) {
      deltas[i] = random.nextLong(2_001);
      targets[i] = random.nextInt(profiles);
      kinds[i] =
          random.nextInt(billingOdds) == 0
              ? BILLING_FAILURE
              : random.nextInt(errorOdds) == 0 ? PROFILE_ERROR : NONE;
    }
  }

  /** One key fetch: apply the next stream event, select, record success on the chosen profile. */
  @Benchmark
  public int selectThenRecordSuccess() {
    int i = cursor++ & MASK;
    long t = now += deltas[i];
    int kind = kinds[i];
    if (kind == PROFILE_ERROR) {
      pool.recordProfileError(targets[i], t);
    } else if (kind == BILLING_FAILURE) {
      pool.recordBillingFailure(targets[i], t);
    }
    int chosen = chooser.select(0, t);
    pool.recordSuccess(chosen, t);
    return chosen;
  }
}
