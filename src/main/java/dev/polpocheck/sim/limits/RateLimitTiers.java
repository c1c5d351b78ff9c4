package dev.polpocheck.sim.limits;

import dev.polpocheck.catalog.RateLimitClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anthropic's published rate-limit tiers (RPM / ITPM / OTPM per rate-limit pool, the Batch API's
 * limits, the monthly spend cap), loaded from the data file {@code anthropic-tiers.json} beside
 * this class so a new edition of the table is a data change. Two editions ship, told apart by tier
 * name: the late-2025 {@code tier1}..{@code tier4}, and the 2026 {@code evaluation}, {@code
 * start}, {@code build}, {@code scale} and {@code custom} (Start, Build and Scale with their
 * per-class and Batch API limits, Evaluation and Custom with none published); a scenario's {@code
 * tierLimits} lays its own limits over either ({@link #with}). The editions also differ in how the
 * OTPM bucket counts output ({@link #countsActualOutput}). Which pool a model draws from comes from
 * the model catalog ({@link RateLimitClass}). Immutable and safe to share between threads.
 */
public final class RateLimitTiers {
  private static final String RESOURCE = "anthropic-tiers.json";

  private final Map<String, Map<RateLimitClass, LimitSpec>> tiers;
  private final Map<String, Long> spendCaps;
  private final Map<String, BatchLimits> batch;
  private final Map<String, String> editions;
  /** The editions whose OTPM bucket counts the real output only (not {@code max_tokens}). */
  private final Set<String> actualOutputEditions;

  private RateLimitTiers(
      Map<String, Map<RateLimitClass, LimitSpec>> tiers,
      Map<String, Long> caps,
      Map<String, BatchLimits> batch,
      Map<String, String> editions,
      Set<String> actualOutputEditions) {
    this.tiers = tiers;
    this.spendCaps = caps;
    this.batch = batch;
    this.editions = editions;
    this.actualOutputEditions = actualOutputEditions;
  }

  /** The table shipped with polpo-check. */
  public static RateLimitTiers anthropic() {
    try (InputStream in = RateLimitTiers.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      Map<String, Map<RateLimitClass, LimitSpec>> tiers = new TreeMap<>();
      Map<String, Long> caps = new TreeMap<>();
      Map<String, BatchLimits> batch = new TreeMap<>();
      Map<String, String> editions = new TreeMap<>();
      for (Map.Entry<String, JsonNode> t : root.get("tiers").properties()) {
        Map<RateLimitClass, LimitSpec> limits = new EnumMap<>(RateLimitClass.class);
        for (Map.Entry<String, JsonNode> l : t.getValue().get("limits").properties()) {
          RateLimitClass cls = RateLimitClass.valueOf(l.getKey());
          JsonNode v = l.getValue();
          limits.put(
              cls,
              new LimitSpec(
                  v.get(0).asLong(),
                  v.get(1).asLong(),
                  v.get(2).asLong(),
                  cls.cacheReadsCountTowardItpm()));
        }
        tiers.put(t.getKey(), limits);
        JsonNode cap = t.getValue().get("monthlySpendCapUsd");
        caps.put(t.getKey(), cap.isNull() ? -1L : cap.asLong());
        JsonNode b = t.getValue().get("batch");
        if (b != null) {
          batch.put(t.getKey(), new BatchLimits(b.get("rpm").asLong(), b.get("queue").asLong()));
        }
        editions.put(t.getKey(), t.getValue().get("edition").asString());
      }
      Set<String> actualOutput = new TreeSet<>();
      for (Map.Entry<String, JsonNode> e : root.get("editions").properties()) {
        String rule = e.getValue().path("outputTokensPerMinute").asString("");
        if (rule.equals("actual-output")) {
          actualOutput.add(e.getKey());
        } else if (!rule.equals("reserve-max-tokens")) {
          throw new IllegalStateException(
              RESOURCE + ": edition " + e.getKey() + " has no known outputTokensPerMinute");
        }
      }
      return new RateLimitTiers(tiers, caps, batch, editions, Set.copyOf(actualOutput));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tier names of both editions, sorted. */
  public Set<String> tierNames() {
    return tiers.keySet();
  }

  /** The edition {@code tier} comes from ("late-2025" or "2026"), or null when unknown. */
  public String edition(String tier) {
    return editions.get(tier);
  }

  /**
   * True when {@code tier}'s OTPM bucket counts a request's real output only: the 2026 edition,
   * "OTPM is evaluated in real time against tokens actually generated: max_tokens does not affect
   * OTPM accounting". False for the late-2025 tiers, whose OTPM was "estimated based on
   * max_tokens at the beginning of each request" and adjusted to the real output at its end, and
   * for unknown tiers. Sources in {@code anthropic-tiers.json} ({@code editions}).
   */
  public boolean countsActualOutput(String tier) {
    String edition = editions.get(tier);
    return edition != null && actualOutputEditions.contains(edition);
  }

  /** True when {@code tier} limits at least one model class (shipped or laid over). */
  public boolean hasRateLimits(String tier) {
    Map<RateLimitClass, LimitSpec> t = tiers.get(tier);
    return t != null && !t.isEmpty();
  }

  /**
   * These tiers with a scenario's own limits laid over them: a class it names replaces that
   * class's shipped limits, a batch entry the Batch API's; everything else is kept. Unknown tier
   * names are ignored (the scenario schema allows only known ones).
   */
  public RateLimitTiers with(Map<String, TierLimits> own) {
    if (own.isEmpty()) {
      return this;
    }
    Map<String, Map<RateLimitClass, LimitSpec>> t = new TreeMap<>(tiers);
    Map<String, BatchLimits> b = new TreeMap<>(batch);
    for (Map.Entry<String, TierLimits> e : own.entrySet()) {
      Map<RateLimitClass, LimitSpec> shipped = tiers.get(e.getKey());
      if (shipped == null) {
        continue;
      }
      Map<RateLimitClass, LimitSpec> merged = new EnumMap<>(RateLimitClass.class);
      merged.putAll(shipped);
      merged.putAll(e.getValue().limits());
      t.put(e.getKey(), merged);
      if (e.getValue().batch() != null) {
        b.put(e.getKey(), e.getValue().batch());
      }
    }
    return new RateLimitTiers(t, spendCaps, b, editions, actualOutputEditions);
  }

  /**
   * The limits of pool {@code cls} at {@code tier}, or {@link LimitSpec#UNLIMITED} when the tier is
   * unknown or the model has no published pool ({@code cls} null).
   */
  public LimitSpec limits(String tier, RateLimitClass cls) {
    Map<RateLimitClass, LimitSpec> t = tiers.get(tier);
    if (cls == null || t == null) {
      return LimitSpec.UNLIMITED;
    }
    return t.getOrDefault(cls, LimitSpec.UNLIMITED);
  }

  /**
   * The Message Batches API's limits at {@code tier}, unlimited when the tier is unknown or has
   * none published (Evaluation, Custom), unless a scenario gives them.
   */
  public BatchLimits batchLimits(String tier) {
    return batch.getOrDefault(tier, BatchLimits.UNLIMITED);
  }

  /**
   * The tier's monthly spend cap in whole USD, or -1 when the tier is unknown or has none (Custom:
   * "no monthly spend cap"; Evaluation: none published).
   */
  public long monthlySpendCapUsd(String tier) {
    return spendCaps.getOrDefault(tier, -1L);
  }
}
