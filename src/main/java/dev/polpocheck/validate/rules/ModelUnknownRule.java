package dev.polpocheck.validate.rules;

import dev.polpocheck.catalog.PiAiCatalog;
import dev.polpocheck.config.ModelSpec;
import dev.polpocheck.config.Suggestions;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code polpo/model/unknown}: a spec whose provider or model Polpo cannot resolve, with
 * did-you-mean from the model catalog.
 */
final class ModelUnknownRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/model/unknown",
          Severity.ERROR,
          "Model or provider that Polpo cannot resolve",
          "Polpo 0.3.x looks a model up in pi-ai's catalog (an exact, case-sensitive getModel);"
              + " on a miss it uses a providers entry for the provider if one exists (orchestrator"
              + " only), and otherwise fails with \"Model not found for provider\" when the model"
              + " is first used. polpo-check ships the whole catalog of the pi-ai release Polpo"
              + " 0.3.13 pins (^0.62; every provider, generated from pi-ai 0.62.0), so any id"
              + " outside it is reported, and did-you-mean proposes only ids that resolve. Agent"
              + " runs never see providers entries, so there a provider outside pi-ai's list cannot"
              + " resolve either. As an allowlist key (never enforced by 0.3.x) it is a warning.",
          FileKind.POLPO,
          FileKind.AGENTS,
          FileKind.TEAMS);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    PiAiCatalog piAi = PiAiCatalog.bundled();
    for (ModelFacts f : ModelFacts.of(ctx)) {
      ModelSpec s = f.spec();
      if (s == null || f.resolves() || f.resolvedByProviderEntry() || f.dottedId()) {
        continue;
      }
      Finding finding;
      if (!f.piAiProvider()) {
        if (f.providerEntry() != null) {
          continue; // custom provider used by an agent: polpo/providers/not-applied-to-agents
        }
        finding = unknownProvider(f, s, ConfigView.providers(ctx).keySet(), piAi);
      } else {
        finding = unknownModel(f, s, piAi);
      }
      if (f.use().role() == ConfigView.Role.ALLOWLIST_KEY) {
        finding = finding.withSeverity(Severity.WARNING);
      }
      ctx.report(finding);
    }
  }

  private static Finding unknownModel(ModelFacts f, ModelSpec s, PiAiCatalog piAi) {
    List<String> ids = piAi.ids(s.provider());
    List<String> near = Suggestions.rank(s.model(), ids);
    String hyphenated = s.model().replace('.', '-');
    if (!hyphenated.equals(s.model()) && piAi.resolves(s.provider(), hyphenated)) {
      near = List.of(hyphenated); // pi-ai spells versions with hyphens (grok-4-1-fast)
    }
    String help =
        near.isEmpty()
            ? "run `polpo models list " + s.provider() + "` for the ids Polpo knows"
            : Suggestions.didYouMean(s.model(), near);
    Finding finding =
        Finding.of(
            f.use().target(),
            "Model \""
                + ModelSpec.shown(s.model())
                + "\" not found for provider \""
                + s.provider()
                + "\" in pi-ai "
                + piAi.version()
                + "'s catalog",
            help);
    return near.isEmpty() ? finding : finding.withSuggestion(replaceModel(s, near.get(0)));
  }

  private static Finding unknownProvider(
      ModelFacts f, ModelSpec s, Set<String> defined, PiAiCatalog piAi) {
    String message =
        "Provider \""
            + s.provider()
            + "\" is not one Polpo knows"
            + (f.inAgentRun()
                ? " (agent runs resolve only pi-ai's providers)"
                : " and no providers entry defines it");
    List<String> candidates = new ArrayList<>(piAi.providers());
    candidates.addAll(defined);
    List<String> near = Suggestions.rank(s.provider(), candidates);
    String help;
    String suggestion = null;
    if (s.provider().equalsIgnoreCase("hf")) {
      near = List.of("huggingface");
    }
    if (s.provider().equals("deepseek")) {
      help =
          "DeepSeek is not a pi-ai provider: use \"openrouter:deepseek/"
              + s.model()
              + "\", or "
              + "define providers.deepseek {\"baseUrl\": \"https://api.deepseek.com\", \"api\": "
              + "\"openai-completions\"} (orchestrator only; agent runs never see providers)";
      suggestion = "openrouter:deepseek/" + s.model();
    } else if (!near.isEmpty()) {
      help = "did you mean \"" + near.get(0) + "\"? Provider ids are lower case";
      suggestion = near.get(0) + (s.form() == ModelSpec.Form.SLASH ? "/" : ":") + s.model();
    } else {
      help =
          "use one of pi-ai's providers ("
              + String.join(", ", piAi.providers())
              + ") or define a custom provider under providers";
    }
    Finding finding = Finding.of(f.use().target(), message, help);
    return suggestion == null ? finding : finding.withSuggestion(suggestion);
  }

  private static String replaceModel(ModelSpec s, String model) {
    switch (s.form()) {
      case COLON:
        return s.provider() + ":" + model;
      case SLASH:
        return s.provider() + "/" + model;
      default:
        return model;
    }
  }
}
