package dev.polpocheck.validate.rules;

import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.PolpoTarget;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code polpo/model/media-format}: an agent's {@code image_model}, {@code video_model}, {@code
 * vision_model}, {@code transcribe_model} or {@code tts_model} that upstream cannot use.
 *
 * <p>{@code parseModelString} (lumea-labs/polpo {@code packages/core/src/agent-models.ts} @14c82c0)
 * splits on the first {@code /} and throws unless both sides are non-empty, so a bare id fails the
 * tool. The supported providers per field are those {@code AgentConfig} documents ({@code
 * packages/core/src/types/agent.ts} @0919a53); another provider is a warning because the check
 * happens in each tool.
 */
final class MediaModelFormatRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/model/media-format",
          Severity.ERROR,
          "Media model that is not provider/model, or of a provider the tool does not support",
          "Upstream's media tools read image_model, video_model, vision_model, transcribe_model"
              + " and tts_model as \"<provider>/<model>\" split at the first slash"
              + " (parseModelString throws without one). Supported providers: image and video"
              + " fal; vision openai, anthropic; transcribe openai, deepgram; tts openai,"
              + " deepgram, elevenlabs, edge.",
          FileKind.AGENT,
          FileKind.AGENTS);

  private static final Map<String, List<String>> PROVIDERS = new LinkedHashMap<>();

  static {
    PROVIDERS.put("image_model", List.of("fal"));
    PROVIDERS.put("video_model", List.of("fal"));
    PROVIDERS.put("vision_model", List.of("openai", "anthropic"));
    PROVIDERS.put("transcribe_model", List.of("openai", "deepgram"));
    PROVIDERS.put("tts_model", List.of("openai", "deepgram", "elevenlabs", "edge"));
  }

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<PolpoTarget> targets() {
    return Set.of(PolpoTarget.UPSTREAM);
  }

  @Override
  public void check(RuleContext ctx) {
    JsonNode root = ctx.root();
    if (ctx.kind() == FileKind.AGENT) {
      agent(ctx, root, "");
    } else if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        JsonNode entry = root.get(i);
        boolean wrapped = entry.has("agent");
        agent(ctx, wrapped ? entry.get("agent") : entry, wrapped ? "/" + i + "/agent" : "/" + i);
      }
    }
  }

  private static void agent(RuleContext ctx, JsonNode agent, String base) {
    if (!agent.isObject()) {
      return;
    }
    for (Map.Entry<String, List<String>> e : PROVIDERS.entrySet()) {
      JsonNode v = agent.get(e.getKey());
      if (v == null || !v.isString()) {
        continue;
      }
      String at = PositionIndex.child(base, e.getKey());
      String s = v.asString();
      int slash = s.indexOf('/');
      if (slash <= 0 || slash == s.length() - 1) {
        ctx.report(
            Target.value(at),
            e.getKey() + " must be \"<provider>/<model>\"; parseModelString throws on this value",
            "write it as " + e.getValue().get(0) + "/<model>");
        continue;
      }
      String provider = s.substring(0, slash);
      if (!e.getValue().contains(provider)) {
        ctx.report(
            Finding.of(
                    Target.inString(at, 0, slash),
                    "provider \""
                        + provider
                        + "\" is not one the "
                        + e.getKey()
                        + " tool supports ("
                        + String.join(", ", e.getValue())
                        + ")",
                    "use one of: " + String.join(", ", e.getValue()))
                .withSeverity(Severity.WARNING));
      }
    }
  }
}
