package dev.polpocheck.config;

import dev.polpocheck.catalog.PiAiCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A model spec as Polpo 0.3.x parses it ({@code parseModelSpec} in {@code
 * packages/core/src/model-spec.ts}): a provider and a model id.
 *
 * <p>Parsing order, exactly as Polpo: (1) colon form — split at the first {@code :} if it is not at
 * index 0 and the provider part has no {@code /} or {@code \}; (2) slash form — split at the first
 * {@code /} if not at index 0 and the provider part has no {@code :} or {@code \}; (3) prefix
 * inference over {@link #PREFIXES}, matched case-insensitively in table order, the id keeping its
 * casing; otherwise Polpo fails with "Cannot infer provider". The provider is not validated here,
 * and an empty model part ({@code anthropic:}) parses.
 *
 * @param provider provider part ({@code anthropic}); not validated
 * @param model model id, casing preserved, possibly empty
 * @param form how the provider was found
 */
public record ModelSpec(String provider, String model, Form form) {

  /** How a spec named its provider. */
  public enum Form {
    /** {@code provider:model}. */
    COLON,
    /** {@code provider/model}. */
    SLASH,
    /** A bare id whose provider Polpo infers from its prefix. */
    INFERRED
  }

  /** One prefix-to-provider row of Polpo's inference table. */
  public record Prefix(String prefix, String provider) {}

  /** Polpo 0.3.x's active prefix table, in match order (the first match wins). */
  public static final List<Prefix> PREFIXES =
      List.of(
          new Prefix("claude-", "anthropic"),
          new Prefix("gpt-", "openai"),
          new Prefix("o1-", "openai"),
          new Prefix("o3-", "openai"),
          new Prefix("o4-", "openai"),
          new Prefix("chatgpt-", "openai"),
          new Prefix("codex-", "openai"),
          new Prefix("gemini-", "google"),
          new Prefix("mistral-", "mistral"),
          new Prefix("codestral-", "mistral"),
          new Prefix("devstral-", "mistral"),
          new Prefix("llama-", "groq"),
          new Prefix("llama3", "groq"),
          new Prefix("grok-", "xai"));

  /**
   * Prefixes the Polpo docs still list but the runtime dropped on 2026-03-18 (polpo-semantics.md
   * §7.2): a bare spec using one cannot be inferred. Checked case-insensitively; {@code hf:} is
   * listed for completeness although the colon form always catches it first.
   */
  public static final List<Prefix> DROPPED_PREFIXES =
      List.of(
          new Prefix("deepseek-", "openrouter"),
          new Prefix("gpt-oss-", "cerebras"),
          new Prefix("glm-", "zai"),
          new Prefix("minimax-", "minimax"),
          new Prefix("kimi-", "kimi-coding"),
          new Prefix("amazon.", "amazon-bedrock"),
          new Prefix("us.", "amazon-bedrock"),
          new Prefix("eu.", "amazon-bedrock"),
          new Prefix("hf:", "huggingface"),
          new Prefix("big-pickle", "opencode"));

  /** Requires every part. */
  public ModelSpec {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(form, "form");
  }

  /**
   * Parses a spec as Polpo does; empty when Polpo would fail ("No model configured" for an empty
   * spec, "Cannot infer provider" otherwise).
   */
  public static Optional<ModelSpec> parse(String spec) {
    if (spec == null || spec.isEmpty()) {
      return Optional.empty();
    }
    int colon = spec.indexOf(':');
    if (colon > 0) {
      String provider = spec.substring(0, colon);
      if (!provider.contains("/") && !provider.contains("\\")) {
        return Optional.of(new ModelSpec(provider, spec.substring(colon + 1), Form.COLON));
      }
    }
    int slash = spec.indexOf('/');
    if (slash > 0) {
      String provider = spec.substring(0, slash);
      if (!provider.contains(":") && !provider.contains("\\")) {
        return Optional.of(new ModelSpec(provider, spec.substring(slash + 1), Form.SLASH));
      }
    }
    String lower = spec.toLowerCase(Locale.ROOT);
    for (Prefix p : PREFIXES) {
      if (lower.startsWith(p.prefix())) {
        return Optional.of(new ModelSpec(p.provider(), spec, Form.INFERRED));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the dropped prefix a bare spec starts with (so an error can name the provider the docs
   * promise), or empty.
   */
  public static Optional<Prefix> droppedPrefix(String spec) {
    String lower = spec.toLowerCase(Locale.ROOT);
    for (Prefix p : DROPPED_PREFIXES) {
      if (lower.startsWith(p.prefix())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns whether Polpo 0.3.x resolves this spec from pi-ai's catalog alone (step 1 of its
   * {@code resolveModel}, src/llm/pi-client.ts:223-235 @ alemicali/polpo-zhc 898e166): an exact,
   * case-sensitive {@code getModel(provider, model)} hit. A miss still resolves on the
   * orchestrator side when a {@code providers} entry exists; agent runs have no such fallback.
   */
  public boolean resolvesIn(PiAiCatalog catalog) {
    return catalog.resolves(provider, model);
  }

  /** Returns the canonical {@code provider:model} form, the form allowlist keys must use. */
  public String canonical() {
    return provider + ":" + model;
  }

  /**
   * A model spec as a message quotes it: at most 80 characters, longer ones cut with {@code …} and
   * their length, so a pasted blob cannot flood the report.
   */
  public static String shown(String spec) {
    if (spec.length() <= 80) {
      return spec;
    }
    // Masked before the cut: a key cut just before "…" would pass for an already masked one
    // (SecretScanner.redact leaves "sk-ant-api03-Fz9can…" as it is). Found by fuzzing.
    String masked = SecretScanner.redact(spec);
    return masked.substring(0, Math.min(60, masked.length()))
        + "… ("
        + spec.length()
        + " characters)";
  }
}
