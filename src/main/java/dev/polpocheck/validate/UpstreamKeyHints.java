package dev.polpocheck.validate;

import dev.polpocheck.json.PositionIndex;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Names {@code --polpo upstream} where a key unknown to Polpo 0.3.x is one upstream Polpo reads at
 * the same place. An upstream project in the legacy layout ({@code polpo.json}, {@code
 * agents.json}, {@code teams.json} only) carries no layout marker, so {@link ProjectLayout#detect}
 * takes it for 0.3.x (reports/validate-real-upstream.md, "Detection"); its upstream-only keys
 * ({@code gateway}, {@code modelProfiles}, {@code sandbox}, ...) then get 0.3.x's unknown-key
 * warning, which is true for 0.3.x, but the fix such a user needs is the flag, not a rename.
 *
 * <p>Applied only when the target was detected: a user who chose {@code --polpo 0.3} said which
 * Polpo runs the file.
 */
final class UpstreamKeyHints {
  private UpstreamKeyHints() {}

  /**
   * {@code f}, an unknown-key finding, with its help naming the flag when the upstream schema
   * (paired with the document by {@link SchemaWalker#applicable}) declares the key at the same
   * object; otherwise {@code f} unchanged. The did-you-mean is dropped then: the key is spelled as
   * upstream spells it, so a 0.3.x key that looks like it is the wrong fix.
   */
  static Finding hint(Finding f, Map<String, SchemaWalker.Pair> upstream) {
    String pointer = f.target().pointer();
    SchemaWalker.Pair holder = upstream.get(PositionIndex.parent(pointer));
    if (holder == null) {
      return f;
    }
    String key = PositionIndex.lastToken(pointer);
    JsonNode declared = holder.schema().path("properties").get(key);
    if (declared == null) {
      return f;
    }
    return new Finding(
        f.target(),
        f.message(),
        "upstream Polpo reads \""
            + key
            + "\" here; if this project runs on upstream Polpo, pass --polpo upstream",
        null,
        f.severity());
  }
}
