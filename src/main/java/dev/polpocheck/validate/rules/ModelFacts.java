package dev.polpocheck.validate.rules;

import dev.polpocheck.catalog.ModelCatalog;
import dev.polpocheck.catalog.ModelInfo;
import dev.polpocheck.catalog.PiAiCatalog;
import dev.polpocheck.config.ModelSpec;
import dev.polpocheck.validate.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What Polpo 0.3.x would do with each model spec of a file (parse, catalog lookup, providers
 * entry), computed once and read by the model rules so they agree with each other.
 *
 * @param use where the spec is
 * @param spec the parsed spec, or null when Polpo cannot parse it
 * @param known the catalog entry, or null on a miss
 * @param providerEntry the kept {@code providers} entry for the spec's provider, or null
 * @param piAiProvider whether the provider is one of pi-ai's catalog providers
 * @param resolves whether pi-ai's catalog (the complete one, {@link PiAiCatalog}) has the id
 */
record ModelFacts(
    ConfigView.ModelUse use,
    ModelSpec spec,
    ModelInfo known,
    JsonNode providerEntry,
    boolean piAiProvider,
    boolean resolves) {

  /** Computes the facts for every model spec of the file in {@code ctx}. */
  static List<ModelFacts> of(RuleContext ctx) {
    return ctx.perFile(ModelFacts.class.getName(), () -> List.copyOf(compute(ctx)));
  }

  private static List<ModelFacts> compute(RuleContext ctx) {
    Map<String, JsonNode> providers = ConfigView.providers(ctx);
    ModelCatalog catalog = ModelCatalog.bundled();
    PiAiCatalog piAi = PiAiCatalog.bundled();
    List<ModelFacts> out = new ArrayList<>();
    for (ConfigView.ModelUse use : ConfigView.modelUses(ctx)) {
      Optional<ModelSpec> parsed = ModelSpec.parse(use.spec());
      if (parsed.isEmpty()) {
        out.add(new ModelFacts(use, null, null, null, false, false));
        continue;
      }
      ModelSpec s = parsed.get();
      out.add(
          new ModelFacts(
              use,
              s,
              catalog.find(s.provider(), s.model()).orElse(null),
              providers.get(s.provider()),
              piAi.hasProvider(s.provider()),
              s.resolvesIn(piAi)));
    }
    return out;
  }

  /**
   * Returns whether the spec runs in an agent process, where {@code providers} is never applied.
   */
  boolean inAgentRun() {
    return use.role() == ConfigView.Role.AGENT || use.role() == ConfigView.Role.DOCUMENTED_AGENT;
  }

  /**
   * Returns whether Polpo resolves the spec through a {@code providers} entry (orchestrator side
   * only): a custom provider, or a catalog provider with an override and a catalog miss.
   */
  boolean resolvedByProviderEntry() {
    return providerEntry != null && !inAgentRun() && (!resolves || !piAiProvider);
  }

  /**
   * Returns whether the id is a dotted id ({@code claude-opus-4.6}, {@code grok-4.1-fast}) that
   * pi-ai spells with hyphens: its catalog has the hyphenated id, or it belongs to a family whose
   * direct-provider ids pi-ai 0.62 writes with hyphens only (anthropic {@code claude-opus-4-6}, xai
   * {@code grok-4-1-fast-non-reasoning}: {@code dist/models.generated.js}). Dots are right
   * elsewhere ({@code gpt-4.1}, {@code gemini-2.5-pro}) and in gateway ids.
   */
  boolean dottedId() {
    if (spec == null || resolves || !spec.model().contains(".")) {
      return false;
    }
    String lower = spec.model().toLowerCase(Locale.ROOT);
    return lower.startsWith("claude-")
        || lower.startsWith("grok-")
        || PiAiCatalog.bundled().resolves(spec.provider(), spec.model().replace('.', '-'));
  }

  /** Returns the spec text with the model id's dots replaced by hyphens, keeping its form. */
  String hyphenated() {
    String model = spec.model().replace('.', '-');
    switch (spec.form()) {
      case COLON:
        return spec.provider() + ":" + model;
      case SLASH:
        return spec.provider() + "/" + model;
      default:
        return model;
    }
  }
}
