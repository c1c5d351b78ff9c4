package dev.polpocheck.sim.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anthropic's published rate-limit tiers (Tier 1-4: RPM / ITPM / OTPM per model class), loaded
 * from the data file {@code anthropic-tiers.json} beside this class so a new edition of the table
 * is a data change. Immutable and safe to share between threads.
 */
public final class RateLimitTiers {
  private static final String RESOURCE = "anthropic-tiers.json";

  private final List<String[]> classPrefixes;
  private final Set<String> readsCount;
  private final Map<String, Map<String, long[]>> tiers;
  private final Map<String, Long> spendCaps;

  private RateLimitTiers(
      List<String[]> classPrefixes,
      Set<String> readsCount,
      Map<String, Map<String, long[]>> tiers,
      Map<String, Long> spendCaps) {
    this.classPrefixes = classPrefixes;
    this.readsCount = readsCount;
    this.tiers = tiers;
    this.spendCaps = spendCaps;
  }

  /** The table shipped with polpo-check. */
  public static RateLimitTiers anthropic() {
    try (InputStream in = RateLimitTiers.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      List<String[]> prefixes = new ArrayList<>();
      for (JsonNode c : root.get("classes").values()) {
        prefixes.add(new String[] {c.get("prefix").asString(), c.get("class").asString()});
      }
      Set<String> reads = new HashSet<>();
      for (JsonNode r : root.get("cacheReadsCount").values()) {
        reads.add(r.asString());
      }
      Map<String, Map<String, long[]>> tiers = new TreeMap<>();
      Map<String, Long> caps = new TreeMap<>();
      for (Map.Entry<String, JsonNode> t : root.get("tiers").properties()) {
        Map<String, long[]> limits = new TreeMap<>();
        for (Map.Entry<String, JsonNode> l : t.getValue().get("limits").properties()) {
          JsonNode v = l.getValue();
          limits.put(l.getKey(), new long[] {v.get(0).asLong(), v.get(1).asLong(), v.get(2).asLong()});
        }
        tiers.put(t.getKey(), limits);
        caps.put(t.getKey(), t.getValue().get("monthlySpendCapUsd").asLong());
      }
      return new RateLimitTiers(List.copyOf(prefixes), Set.copyOf(reads), tiers, caps);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tier names, sorted ("tier1" .. "tier4"). */
  public Set<String> tierNames() {
    return tiers.keySet();
  }

  /**
   * The rate-limit class of an Anthropic model ("opus-4", "sonnet-4", ...), or null when the
   * table has none for it (the model is then unlimited, and the report says so).
   */
  public String modelClass(String model) {
    for (String[] p : classPrefixes) {
      if (model.startsWith(p[0])) {
        return p[1];
      }
    }
    return null;
  }

  /**
   * The limits of {@code model} at {@code tier}, or {@link LimitSpec#UNLIMITED} when the tier or
   * the model's class is not in the table.
   */
  public LimitSpec limits(String tier, String model) {
    String cls = modelClass(model);
    Map<String, long[]> t = tiers.get(tier);
    if (cls == null || t == null || !t.containsKey(cls)) {
      return LimitSpec.UNLIMITED;
    }
    long[] v = t.get(cls);
    return new LimitSpec(v[0], v[1], v[2], readsCount.contains(cls));
  }

  /** The tier's monthly spend cap in whole USD, or -1 when the tier is unknown. */
  public long monthlySpendCapUsd(String tier) {
    return spendCaps.getOrDefault(tier, -1L);
  }
}
