package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import java.util.Map;

/**
 * {@code polpo/providers/not-applied-to-agents}: an agent's model relies on a {@code providers}
 * entry (custom provider or base-URL override) that agent runs never load.
 */
final class ProvidersNotAppliedToAgentsRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/providers/not-applied-to-agents",
          Severity.WARNING,
          "Agent model relies on a providers entry that agent runs never load",
          "Agent tasks run in a separate runner process that never calls "
              + "setProviderOverrides: custom providers (ollama:, vllm:, ...) fail to resolve "
              + "there, and a baseUrl override of a catalog provider is not applied, so the "
              + "agent talks to the provider's default endpoint. The providers entries come from "
              + "the polpo.json next to agents.json / teams.json.",
          FileKind.AGENTS,
          FileKind.TEAMS);

  // pi-ai's own base URL (polpo-semantics.md §19.1): an override equal to it changes nothing.
  private static final Map<String, String> DEFAULT_ENDPOINTS =
      Map.of("anthropic", "https://api.anthropic.com");

  private static boolean isDefaultEndpoint(String provider, String baseUrl) {
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return trimmed.equals(DEFAULT_ENDPOINTS.get(provider));
  }

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    for (ModelFacts f : ModelFacts.of(ctx)) {
      if (f.spec() == null || f.providerEntry() == null || !f.inAgentRun()) {
        continue;
      }
      String p = f.spec().provider();
      if (!f.piAiProvider()) {
        ctx.report(
            Finding.of(
                f.use().target(),
                "agent model uses custom provider "
                    + p
                    + ", which agent runs cannot resolve: "
                    + "the runner process never loads polpo.json's providers",
                "use a pi-ai provider for agents (for example an OpenAI-compatible gateway "
                    + "reachable through openrouter), or run this model from the orchestrator"));
      } else if (f.providerEntry().path("baseUrl").isString()
          && !isDefaultEndpoint(p, f.providerEntry().path("baseUrl").stringValue())) {
        ctx.report(
            Finding.of(
                f.use().target(),
                "providers."
                    + p
                    + ".baseUrl is not applied in agent runs: this agent calls "
                    + p
                    + "'s default endpoint",
                "if agents must go through the proxy, Polpo 0.3.x cannot do it; point the "
                    + "provider's SDK at it through its own environment variable if it has one"));
      }
    }
  }
}
