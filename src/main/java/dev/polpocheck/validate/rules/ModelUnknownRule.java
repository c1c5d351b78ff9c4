package dev.polpocheck.validate.rules;

import dev.polpocheck.catalog.ModelCatalog;
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
          "Polpo looks a model up in pi-ai's catalog; on a miss it uses a providers entry for "
              + "the provider if one exists, and otherwise fails with \"Model not found for "
              + "provider\". polpo-check knows every Claude id of pi-ai 0.58.3, so an unknown "
              + "Anthropic id is an error with the closest ids as suggestions. Its catalog of "
              + "other providers lists only frequently used models, so there a miss is reported "
              + "(as info) only when a close id suggests a typo. A Claude model newer than pi-ai "
              + "0.58.3 is a warning: it resolves only with a newer pi-ai. Agent runs never see "
              + "providers entries, so there a provider outside pi-ai's list cannot resolve.",
          FileKind.POLPO,
          FileKind.AGENTS,
          FileKind.TEAMS);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    ModelCatalog catalog = ModelCatalog.bundled();
    for (ModelFacts f : ModelFacts.of(ctx)) {
      ModelSpec s = f.spec();
      if (s == null || f.resolvedByProviderEntry() || f.dottedId()) {
        continue;
      }
      Finding finding = null;
      if (!f.piAiProvider()) {
        if (f.providerEntry() != null) {
          continue; // custom provider used by an agent: polpo/providers/not-applied-to-agents
        }
        finding = unknownProvider(f, s, ConfigView.providers(ctx).keySet());
      } else if (f.known() != null) {
        if (!f.known().piAiCatalog()) {
          finding =
              Finding.of(
                      f.use().target(),
                      "\""
                          + s.model()
                          + "\" is not in the pi-ai 0.58.3 catalog Polpo 0.3.x was "
                          + "checked against; it resolves only with a newer pi-ai",
                      "check with `polpo models list "
                          + s.provider()
                          + "`; figures for this "
                          + "model are marked for re-checking in polpo-check's catalog")
                  .withSeverity(Severity.WARNING);
        }
      } else {
        List<String> near = Suggestions.rank(s.model(), catalog.ids(s.provider()));
        boolean complete = catalog.isComplete(s.provider());
        if (complete || !near.isEmpty()) {
          String help =
              near.isEmpty()
                  ? "run `polpo models list " + s.provider() + "` for the ids Polpo knows"
                  : Suggestions.didYouMean(s.model(), catalog.ids(s.provider()));
          finding =
              Finding.of(
                  f.use().target(),
                  "Model \""
                      + ModelSpec.shown(s.model())
                      + "\" not found for provider \""
                      + s.provider()
                      + "\""
                      + (complete ? "" : " in polpo-check's catalog (frequently used models only)"),
                  help);
          if (!near.isEmpty()) {
            finding = finding.withSuggestion(replaceModel(s, near.get(0)));
          }
          if (!complete) {
            finding = finding.withSeverity(Severity.INFO);
          }
        }
      }
      if (finding != null) {
        if (f.use().role() == ConfigView.Role.ALLOWLIST_KEY && finding.severity() == null) {
          finding = finding.withSeverity(Severity.WARNING);
        }
        ctx.report(finding);
      }
    }
  }

  private static Finding unknownProvider(ModelFacts f, ModelSpec s, Set<String> defined) {
    String message =
        "Provider \""
            + s.provider()
            + "\" is not one Polpo knows"
            + (f.inAgentRun()
                ? " (agent runs resolve only pi-ai's providers)"
                : " and no providers entry defines it");
    List<String> candidates = new ArrayList<>(ModelCatalog.PI_AI_PROVIDERS);
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
              + String.join(", ", ModelCatalog.PI_AI_PROVIDERS)
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
