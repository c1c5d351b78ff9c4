package dev.polpocheck.sim.rotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The credential profiles of one simulation and their usage state, with Polpo 0.3.x's state
 * transitions (polpo-semantics.md §10.2, §11, §12).
 *
 * <p>Profiles are numbered 0..n−1 in file order; providers are numbered in order of first
 * appearance. State lives in primitive arrays indexed by profile number, so the hot path (select,
 * then {@link #recordSuccess}) allocates nothing. Times are epoch milliseconds with the conventions
 * of {@link ProfileStats}: 0 means "absent" for {@code lastUsed}, {@code cooldownUntil} and {@code
 * disabledUntil}.
 *
 * <p>Every change is reported to the registered {@link Listener}s, which is how a {@link
 * FastSelector} keeps its indexed structures current. Not thread-safe: one simulation, one pool.
 */
public final class ProfilePool {

  /** Receives the number of every profile whose state changed. */
  public interface Listener {
    /** Called after the state of profile {@code index} changed. */
    void profileChanged(int index);
  }

  private final List<ProfileSpec> specs;
  private final CooldownSchedule cooldownSchedule;
  private final BillingSchedule billingSchedule;
  private final String[] providerNames;
  private final Map<String, Integer> providerIndex;
  private final Map<String, Integer> profileIndex;

  /** Profile number → provider number. */
  final int[] providerOf;

  /** Profile number → position among its provider's profiles (file order). */
  final int[] localIndexOf;

  /** Provider number → its profiles' numbers in file order. */
  final int[][] members;

  /** Profile number → true for OAuth, false for API key. */
  final boolean[] oauth;

  final long[] lastUsed;
  final long[] cooldownUntil;
  final int[] errorCount;
  final long[] disabledUntil;
  final int[] billingErrorCount;
  final long[] failureWindowStart;

  private Listener[] listeners = new Listener[0];

  /**
   * Creates a pool of never-used profiles with Polpo's default schedules.
   *
   * @throws IllegalArgumentException when two profiles share an id
   */
  public ProfilePool(List<ProfileSpec> specs) {
    this(specs, CooldownSchedule.POLPO, BillingSchedule.POLPO);
  }

  /**
   * Creates a pool of never-used profiles with the given schedules.
   *
   * @throws IllegalArgumentException when two profiles share an id
   */
  public ProfilePool(
      List<ProfileSpec> specs, CooldownSchedule cooldownSchedule, BillingSchedule billingSchedule) {
    this.specs = List.copyOf(specs);
    this.cooldownSchedule = Objects.requireNonNull(cooldownSchedule, "cooldownSchedule");
    this.billingSchedule = Objects.requireNonNull(billingSchedule, "billingSchedule");
    int n = this.specs.size();
    providerOf = new int[n];
    localIndexOf = new int[n];
    oauth = new boolean[n];
    profileIndex = new HashMap<>();
    Map<String, List<Integer>> byProvider = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      ProfileSpec spec = this.specs.get(i);
      if (profileIndex.put(spec.id(), i) != null) {
        throw new IllegalArgumentException("duplicate profile id " + spec.id());
      }
      List<Integer> list = byProvider.computeIfAbsent(spec.provider(), k -> new ArrayList<>());
      localIndexOf[i] = list.size();
      list.add(i);
      oauth[i] = spec.type() == ProfileType.OAUTH;
    }
    providerNames = byProvider.keySet().toArray(new String[0]);
    providerIndex = new HashMap<>();
    members = new int[providerNames.length][];
    for (int p = 0; p < providerNames.length; p++) {
      providerIndex.put(providerNames[p], p);
      List<Integer> list = byProvider.get(providerNames[p]);
      members[p] = list.stream().mapToInt(Integer::intValue).toArray();
      for (int index : members[p]) {
        providerOf[index] = p;
      }
    }
    lastUsed = new long[n];
    cooldownUntil = new long[n];
    errorCount = new int[n];
    disabledUntil = new long[n];
    billingErrorCount = new int[n];
    failureWindowStart = new long[n];
    Arrays.fill(failureWindowStart, ProfileStats.NO_WINDOW);
  }

  /** Registers a listener that is told about every later state change. */
  public void addListener(Listener listener) {
    Objects.requireNonNull(listener, "listener");
    Listener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
    grown[listeners.length] = listener;
    listeners = grown;
  }

  private void changed(int index) {
    for (Listener listener : listeners) {
      listener.profileChanged(index);
    }
  }

  /** Returns the number of profiles. */
  public int size() {
    return providerOf.length;
  }

  /** Returns the specification of profile {@code index}. */
  public ProfileSpec spec(int index) {
    return specs.get(index);
  }

  /** Returns the number of profile {@code id}, or −1 when there is none. */
  public int indexOf(String id) {
    Integer index = profileIndex.get(id);
    return index == null ? -1 : index;
  }

  /** Returns the number of distinct providers. */
  public int providerCount() {
    return providerNames.length;
  }

  /** Returns the number of provider {@code name}, or −1 when no profile serves it. */
  public int providerIndex(String name) {
    Integer index = providerIndex.get(name);
    return index == null ? -1 : index;
  }

  /** Returns the name of provider number {@code provider}. */
  public String providerName(int provider) {
    return providerNames[provider];
  }

  /** Returns the provider number of profile {@code index}. */
  public int providerOf(int index) {
    return providerOf[index];
  }

  /** Returns how many profiles serve provider number {@code provider}. */
  public int profileCount(int provider) {
    return members[provider].length;
  }

  /** Returns the {@code k}-th profile (file order) of provider number {@code provider}. */
  public int profileOf(int provider, int k) {
    return members[provider][k];
  }

  /** Returns the cooldown schedule used by {@link #recordProfileError}. */
  public CooldownSchedule cooldownSchedule() {
    return cooldownSchedule;
  }

  /** Returns the billing schedule used by {@link #recordBillingFailure}. */
  public BillingSchedule billingSchedule() {
    return billingSchedule;
  }

  /** Returns a snapshot of profile {@code index}'s statistics. */
  public ProfileStats stats(int index) {
    return new ProfileStats(
        lastUsed[index],
        cooldownUntil[index],
        errorCount[index],
        disabledUntil[index],
        billingErrorCount[index],
        failureWindowStart[index]);
  }

  /** Replaces profile {@code index}'s statistics, e.g. with those read from a state file. */
  public void setStats(int index, ProfileStats stats) {
    lastUsed[index] = stats.lastUsed();
    cooldownUntil[index] = stats.cooldownUntil();
    errorCount[index] = stats.errorCount();
    disabledUntil[index] = stats.disabledUntil();
    billingErrorCount[index] = stats.billingErrorCount();
    failureWindowStart[index] = stats.failureWindowStart();
    changed(index);
  }

  /** Returns the last successful key fetch of profile {@code index}, 0 if never. */
  public long lastUsed(int index) {
    return lastUsed[index];
  }

  /** Returns the end of profile {@code index}'s cooldown, 0 if none was set. */
  public long cooldownUntil(int index) {
    return cooldownUntil[index];
  }

  /** Returns the end of profile {@code index}'s billing disable, 0 if none was set. */
  public long disabledUntil(int index) {
    return disabledUntil[index];
  }

  /** Returns whether profile {@code index} is cooling down at {@code now} (strict {@code <}). */
  public boolean isCoolingDown(int index, long now) {
    long until = cooldownUntil[index];
    return until != 0 && now < until;
  }

  /**
   * Returns whether profile {@code index} is billing-disabled at {@code now} (strict {@code <}).
   */
  public boolean isDisabled(int index, long now) {
    long until = disabledUntil[index];
    return until != 0 && now < until;
  }

  /**
   * Records a successful key fetch ({@code recordProfileSuccess}, §10.2 step 3): {@code lastUsed =
   * now}, cooldown and error count cleared; billing fields untouched.
   */
  public void recordSuccess(int index, long now) {
    lastUsed[index] = now;
    cooldownUntil[index] = 0;
    errorCount[index] = 0;
    changed(index);
  }

  /**
   * Records a transient error ({@code recordProfileError}, §11): the error count goes up and the
   * profile cools down for the schedule's step; returns the new {@code cooldownUntil}.
   */
  public long recordProfileError(int index, long now) {
    int count = errorCount[index] == Integer.MAX_VALUE ? Integer.MAX_VALUE : errorCount[index] + 1;
    errorCount[index] = count;
    long until = now + cooldownSchedule.cooldownMs(count);
    cooldownUntil[index] = until;
    changed(index);
    return until;
  }

  /**
   * Records a billing failure ({@code recordBillingFailure}, §12) under the schedule's window rule;
   * returns the new {@code disabledUntil}.
   */
  public long recordBillingFailure(int index, long now) {
    long start = failureWindowStart[index];
    long windowStart = start == ProfileStats.NO_WINDOW ? now : start;
    int count = billingErrorCount[index];
    // Strictly greater: a failure exactly one window later does not reset (§12).
    if (now - windowStart > billingSchedule.windowMs()) {
      count = 0;
      windowStart = now;
    }
    count = count == Integer.MAX_VALUE ? count : count + 1;
    long until = now + billingSchedule.disableMs(count);
    disabledUntil[index] = until;
    billingErrorCount[index] = count;
    failureWindowStart[index] =
        billingSchedule.windowRule() == BillingWindowRule.SINCE_LAST_FAILURE ? now : windowStart;
    changed(index);
    return until;
  }

  /**
   * Records a billing failure on every profile of provider number {@code provider}, as Polpo's
   * {@code handleBillingDisable} does in the {@code polpo-code} variant (§12 "Trigger").
   */
  public void recordBillingFailureForProvider(int provider, long now) {
    for (int index : members[provider]) {
      recordBillingFailure(index, now);
    }
  }

  /**
   * Clears everything ({@code clearProfileCooldown}, §11): cooldown, error count, billing disable,
   * billing count and failure window. {@code lastUsed} is kept.
   */
  public void clearCooldown(int index) {
    cooldownUntil[index] = 0;
    errorCount[index] = 0;
    disabledUntil[index] = 0;
    billingErrorCount[index] = 0;
    failureWindowStart[index] = ProfileStats.NO_WINDOW;
    changed(index);
  }
}
