package dev.polpocheck.validate.rules;

import dev.polpocheck.catalog.ModelCatalog;
import dev.polpocheck.catalog.ModelInfo;
import dev.polpocheck.config.ModelSpec;
import dev.polpocheck.config.Suggestions;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code polpo/model/cannot-infer}: a bare model id Polpo cannot assign to a provider, including
 * ids using a prefix the docs list but the runtime dropped, and bare {@code o3}.
 */
final class ModelCannotInferRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/model/cannot-infer",
          Severity.ERROR,
          "Model spec without a provider that Polpo cannot infer",
          "Polpo accepts provider:model, provider/model, or a bare id whose prefix it knows "
              + "(claude-, gpt-, o1-, o3-, o4-, chatgpt-, codex-, gemini-, mistral-, codestral-, "
              + "devstral-, llama-, llama3, grok-). Anything else fails with \"Cannot infer "
              + "provider for model\". The docs still list deepseek-, gpt-oss-, glm-, minimax-, "
              + "kimi-, amazon./us./eu., hf: and big-pickle, but Polpo dropped them on 2026-03-18; "
              + "bare o1/o3 have no hyphen and never matched. Write the provider explicitly. In "
              + "modelAllowlist keys this is a warning: the key simply never matches.",
          FileKind.POLPO,
          FileKind.AGENTS,
          FileKind.TEAMS);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    for (ModelFacts f : ModelFacts.of(ctx)) {
      if (f.spec() != null) {
        continue;
      }
      String s = f.use().spec();
      String message = "Cannot infer provider for model \"" + ModelSpec.shown(s) + "\"";
      String help;
      String suggestion = null;
      Optional<ModelSpec.Prefix> dropped = ModelSpec.droppedPrefix(s);
      if (dropped.isPresent()) {
        ModelSpec.Prefix p = dropped.get();
        message +=
            ": the docs map the prefix "
                + p.prefix()
                + " to "
                + p.provider()
                + ", but Polpo 0.3 no longer infers it";
        if (p.prefix().equals("deepseek-")) {
          suggestion = "openrouter:deepseek/" + s;
          help =
              "write \""
                  + suggestion
                  + "\", or define a custom provider {\"baseUrl\": "
                  + "\"https://api.deepseek.com\", \"api\": \"openai-completions\"} under "
                  + "providers.deepseek and write \"deepseek:"
                  + s
                  + "\"";
        } else {
          suggestion = p.provider() + ":" + s;
          help = "write the provider explicitly: \"" + suggestion + "\"";
        }
      } else {
        List<String> candidates = catalogMatches(s);
        if (!candidates.isEmpty()) {
          suggestion = candidates.get(0);
          help = "write the provider explicitly: " + quoted(candidates);
        } else {
          help = "use the \"provider:model\" form, e.g. \"anthropic:claude-sonnet-4-5\"";
        }
      }
      Finding finding = Finding.of(f.use().target(), message, help);
      if (suggestion != null) {
        finding = finding.withSuggestion(suggestion);
      }
      if (f.use().role() == ConfigView.Role.ALLOWLIST_KEY) {
        finding = finding.withSeverity(Severity.WARNING);
      }
      ctx.report(finding);
    }
  }

  // Exact ids first (bare "o3" is openai:o3), then did-you-mean over every catalog id.
  private static List<String> catalogMatches(String s) {
    ModelCatalog catalog = ModelCatalog.bundled();
    Map<String, String> specById = new LinkedHashMap<>();
    List<String> exact = new ArrayList<>();
    for (String provider : catalog.providers()) {
      for (ModelInfo m : catalog.models(provider)) {
        specById.putIfAbsent(m.id(), m.spec());
        if (m.id().equals(s) || m.aliases().contains(s)) {
          exact.add(provider + ":" + s);
        }
      }
    }
    if (!exact.isEmpty()) {
      return exact;
    }
    List<String> out = new ArrayList<>();
    for (String id : Suggestions.rank(s, specById.keySet())) {
      out.add(specById.get(id));
    }
    return out;
  }

  private static String quoted(List<String> specs) {
    return "\"" + String.join("\" or \"", specs) + "\"";
  }
}
