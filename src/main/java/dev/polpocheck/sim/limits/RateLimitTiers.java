package dev.polpocheck.sim.limits;

import dev.polpocheck.catalog.RateLimitClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anthropic's published rate-limit tiers (Tier 1-4: RPM / ITPM / OTPM per rate-limit pool), loaded
 * from the data file {@code anthropic-tiers.json} beside this class so a new edition of the table
 * is a data change. Which pool a model draws from comes from the model catalog ({@link
 * RateLimitClass}). Immutable and safe to share between threads.
 */
public final class RateLimitTiers {
  private static final String RESOURCE = "anthropic-tiers.json";

  private final Map<String, Map<RateLimitClass, LimitSpec>> tiers;
  private final Map<String, Long> spendCaps;
  private final Map<String, BatchLimits> batch;

  private RateLimitTiers(
      Map<String, Map<RateLimitClass, LimitSpec>> tiers,
      Map<String, Long> caps,
      Map<String, BatchLimits> batch) {
    this.tiers = tiers;
    this.spendCaps = caps;
    this.batch = batch;
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
        caps.put(t.getKey(), t.getValue().get("monthlySpendCapUsd").asLong());
        JsonNode b = t.getValue().get("batch");
        batch.put(t.getKey(), new BatchLimits(b.get("rpm").asLong(), b.get("queue").asLong()));
      }
      return new RateLimitTiers(tiers, caps, batch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tier names, sorted ("tier1" .. "tier4"). */
  public Set<String> tierNames() {
    return tiers.keySet();
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

  /** The Message Batches API's limits at {@code tier}, unlimited when the tier is unknown. */
  public BatchLimits batchLimits(String tier) {
    return batch.getOrDefault(tier, BatchLimits.UNLIMITED);
  }

  /** The tier's monthly spend cap in whole USD, or -1 when the tier is unknown. */
  public long monthlySpendCapUsd(String tier) {
    return spendCaps.getOrDefault(tier, -1L);
  }
}
