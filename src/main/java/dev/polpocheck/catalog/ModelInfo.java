package dev.polpocheck.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One model of the bundled catalog: its identity, limits, caching minimum, rate-limit pool and
 * lifecycle, as read from {@code models.json}.
 *
 * @param provider provider id as Polpo spells it ({@code anthropic}, {@code openai}, ...)
 * @param id canonical model id
 * @param aliases other ids naming the same model (dated snapshots, {@code -latest})
 * @param name display name
 * @param contextWindow context window in tokens
 * @param maxOutputTokens output limit in tokens (Polpo sends it as {@code max_tokens})
 * @param minCacheableTokens Anthropic's minimum cacheable prefix, 0 when not modelled
 * @param minCacheableUnsettled whether sources disagree on {@code minCacheableTokens}
 * @param rateLimitClass the Anthropic pool, or null when none is published
 * @param reasoning whether the model supports extended thinking / reasoning
 * @param status lifecycle stage
 * @param listPrice whether a current list price is known
 * @param piAiCatalog whether the id resolves in the pi-ai catalog Polpo 0.3.x uses
 * @param recheck whether the entry carries 2026 figures to re-check (⟳)
 * @param note free-text provenance or caveat, possibly empty
 */
public record ModelInfo(
    String provider,
    String id,
    List<String> aliases,
    String name,
    int contextWindow,
    int maxOutputTokens,
    int minCacheableTokens,
    boolean minCacheableUnsettled,
    RateLimitClass rateLimitClass,
    boolean reasoning,
    ModelStatus status,
    boolean listPrice,
    boolean piAiCatalog,
    boolean recheck,
    String note) {

  /** Requires identity and status, copies the aliases, and rejects non-positive limits. */
  public ModelInfo {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    aliases = List.copyOf(aliases);
    note = note == null ? "" : note;
    if (contextWindow <= 0 || maxOutputTokens <= 0 || minCacheableTokens < 0) {
      throw new IllegalArgumentException("limits must be positive for " + provider + ":" + id);
    }
  }

  /** Returns the minimum cacheable prefix in tokens, empty when polpo-check does not model it. */
  public OptionalInt minCacheable() {
    return minCacheableTokens == 0 ? OptionalInt.empty() : OptionalInt.of(minCacheableTokens);
  }

  /** Returns the rate-limit pool, empty when the provider publishes none for this model. */
  public Optional<RateLimitClass> rateLimit() {
    return Optional.ofNullable(rateLimitClass);
  }

  /** Returns the canonical spec {@code provider:id}. */
  public String spec() {
    return provider + ":" + id;
  }
}
