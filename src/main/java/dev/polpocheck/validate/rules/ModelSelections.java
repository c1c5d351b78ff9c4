package dev.polpocheck.validate.rules;

import dev.polpocheck.config.Suggestions;
import dev.polpocheck.json.JsonDocument;
import dev.polpocheck.json.JsonReadException;
import dev.polpocheck.json.JsonReader;
import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.ProjectLayout;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Upstream's model selections resolved the way {@code resolveModelProfileSelection} does
 * (lumea-labs/polpo {@code packages/core/src/model-profiles.ts} @22d8b1e), with every failure it
 * would throw turned into a positioned problem. Computed once per file and shared by the model
 * selection rules, each of which reports one {@link Code}.
 *
 * <p>A selection is a model id, {@code {profile}} (exactly that one key), or {@code {primary,
 * fallbacks}} whose targets are ids or {@code {profile}}. A profile name matches {@code
 * /^[a-z][a-z0-9._-]{0,63}$/}; resolution follows profile references depth-first, fails on a name
 * already on the path (cycle) or when the path is {@value #MAX_DEPTH} deep, and, once the
 * candidates are de-duplicated, on more than {@value #MAX_FALLBACKS} fallbacks ({@code
 * MAX_MODEL_FALLBACKS}, {@code packages/core/src/model-policy.ts} @68f92e9). An agent's {@code
 * allowedModelProfiles} narrows the root profiles it may select; profiles reached through an
 * allowed one inherit its grant.
 *
 * <p>The selections checked are {@code settings.orchestratorModel} and every {@code
 * settings.modelProfiles} entry of the project config, and the {@code model} of every agent. An
 * agent file's profiles come from the project config of its {@code .polpo/} folder ({@code
 * project.json}, else {@code polpo.json}); without one, unknown profiles are not judged.
 */
final class ModelSelections {

  static final int MAX_DEPTH = 16;
  static final int MAX_FALLBACKS = 3;
  private static final Pattern PROFILE_NAME = Pattern.compile("^[a-z][a-z0-9._-]{0,63}$");

  /** The failure classes of {@code ModelProfileResolutionErrorCode} that a file can cause. */
  enum Code {
    INVALID,
    UNKNOWN_PROFILE,
    PROFILE_CYCLE,
    DEPTH_EXCEEDED,
    TOO_MANY_FALLBACKS,
    DISALLOWED_PROFILE
  }

  /** One failure, where to point, and what to say. */
  record Problem(Code code, Finding finding) {}

  private ModelSelections() {}

  /** The problems of the file in {@code ctx}, computed once per file. */
  static List<Problem> of(RuleContext ctx) {
    return ctx.perFile(ModelSelections.class.getName(), () -> List.copyOf(compute(ctx)));
  }

  /** The profile registry the selections of a file resolve against. */
  private record Registry(JsonNode profiles, String pointer, boolean known) {
    boolean local() {
      return pointer != null;
    }
  }

  private static List<Problem> compute(RuleContext ctx) {
    JsonNode root = ctx.root();
    List<Problem> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    FileKind kind = ctx.kind();
    if (kind == FileKind.PROJECT || kind == FileKind.POLPO) {
      JsonNode settings = root.path("settings");
      Registry reg = new Registry(settings.path("modelProfiles"), "/settings/modelProfiles", true);
      if (reg.profiles().isObject()) {
        for (Map.Entry<String, JsonNode> e : reg.profiles().properties()) {
          String at = PositionIndex.child(reg.pointer(), e.getKey());
          if (!PROFILE_NAME.matcher(e.getKey()).matches()) {
            add(out, seen, Code.INVALID, Target.key(at), badName(e.getKey()), NAME_HELP);
            continue;
          }
          List<String> path = new ArrayList<>(List.of(e.getKey()));
          new Expansion(reg, null, out, seen).root(e.getValue(), at, path);
        }
      }
      if (settings.has("orchestratorModel")) {
        new Expansion(reg, null, out, seen)
            .root(settings.get("orchestratorModel"), "/settings/orchestratorModel", List.of());
      }
    } else if (kind == FileKind.AGENT) {
      agent(root, "", foreignRegistry(ctx), out, seen);
    } else if (kind == FileKind.AGENTS && root.isArray()) {
      Registry reg = foreignRegistry(ctx);
      for (int i = 0; i < root.size(); i++) {
        JsonNode entry = root.get(i);
        boolean wrapped = entry.has("agent");
        String base = wrapped ? "/" + i + "/agent" : "/" + i;
        agent(wrapped ? entry.get("agent") : entry, base, reg, out, seen);
      }
    }
    return out;
  }

  private static void agent(
      JsonNode agent, String base, Registry reg, List<Problem> out, Set<String> seen) {
    if (!agent.isObject() || !agent.has("model")) {
      return;
    }
    Set<String> allowed = null;
    JsonNode list = agent.get("allowedModelProfiles");
    if (list != null && list.isArray()) {
      allowed = new LinkedHashSet<>();
      for (JsonNode n : list) {
        if (n.isString()) {
          allowed.add(n.asString().trim());
        }
      }
    }
    new Expansion(reg, allowed, out, seen)
        .root(agent.get("model"), PositionIndex.child(base, "model"), List.of());
  }

  /**
   * The profiles of the project config in the file's {@code .polpo/} folder (for {@code
   * agents.json} outside one: its own folder).
   */
  private static Registry foreignRegistry(RuleContext ctx) {
    Path dir = ctx.path() == null ? null : ProjectLayout.polpoDirOf(ctx.path());
    if (dir == null && ctx.path() != null && ctx.kind() == FileKind.AGENTS) {
      dir = ctx.path().toAbsolutePath().getParent();
    }
    if (dir == null) {
      return new Registry(null, null, false);
    }
    for (String name : List.of("project.json", "polpo.json")) {
      Path f = dir.resolve(name);
      if (Files.isRegularFile(f)) {
        try {
          JsonDocument doc = JsonReader.parse(name, JsonReader.readBytes(f, name));
          return new Registry(doc.root().path("settings").path("modelProfiles"), null, true);
        } catch (JsonReadException e) {
          // The project config gets its own unparsable finding; profiles cannot be judged here.
          return new Registry(null, null, false);
        }
      }
    }
    return new Registry(null, null, false);
  }

  private static final String NAME_HELP =
      "profile names are lower case: a letter, then up to 63 of a-z 0-9 . _ -";

  private static String badName(String name) {
    return "\"" + name + "\" is not a valid model profile name; Polpo throws INVALID_PROFILE_NAME";
  }

  private static void add(
      List<Problem> out, Set<String> seen, Code code, Target at, String message, String help) {
    add(out, seen, code, Finding.of(at, message, help));
  }

  private static void add(List<Problem> out, Set<String> seen, Code code, Finding f) {
    // The same place can be reached from several roots (a profile and the selections using it).
    if (seen.add(code + " " + f.target().pointer())) {
      out.add(new Problem(code, f));
    }
  }

  /** One root selection expanded depth-first, as resolveModelProfileSelection does. */
  private static final class Expansion {
    private final Registry reg;
    private final Set<String> allowed;
    private final List<Problem> out;
    private final Set<String> seen;
    private final List<String> candidates = new ArrayList<>();
    private boolean complete = true;

    Expansion(Registry reg, Set<String> allowed, List<Problem> out, Set<String> seen) {
      this.reg = reg;
      this.allowed = allowed;
      this.out = out;
      this.seen = seen;
    }

    /** Expands a root selection at {@code pointer}; {@code path} is the profile path so far. */
    void root(JsonNode value, String pointer, List<String> path) {
      selection(value, pointer, path, true);
      int fallbacks = new LinkedHashSet<>(candidates).size() - 1;
      if (complete && fallbacks > MAX_FALLBACKS) {
        report(
            Code.TOO_MANY_FALLBACKS,
            Target.value(pointer),
            "this selection expands to "
                + fallbacks
                + " distinct fallback models; Polpo allows at most "
                + MAX_FALLBACKS
                + " and throws TOO_MANY_FALLBACKS instead of truncating",
            "drop fallbacks (duplicates count once)");
      }
    }

    private void report(Code code, Target at, String message, String help) {
      add(out, seen, code, at, message, help);
    }

    private void selection(JsonNode value, String pointer, List<String> path, boolean grant) {
      if (value.isString() || isProfileReference(value)) {
        target(value, pointer, path, grant);
        return;
      }
      if (!value.isObject()) {
        invalid(
            pointer,
            "a model selection is a model id, {\"profile\": NAME} or {\"primary\", \"fallbacks\"};"
                + " Polpo throws INVALID_SELECTION");
        return;
      }
      if (value.has("profile")) {
        invalid(
            pointer,
            "a profile reference has exactly one key, \"profile\"; Polpo rejects this ambiguous"
                + " selection (INVALID_SELECTION)");
        return;
      }
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        if (!e.getKey().equals("primary") && !e.getKey().equals("fallbacks")) {
          String at = PositionIndex.child(pointer, e.getKey());
          complete = false;
          report(
              Code.INVALID,
              Target.key(at),
              "a model policy has only \"primary\" and \"fallbacks\"; Polpo throws"
                  + " INVALID_SELECTION on \""
                  + e.getKey()
                  + "\"",
              "remove the key");
        }
      }
      if (!value.has("primary")) {
        invalid(pointer, "a model policy needs \"primary\"; Polpo throws INVALID_SELECTION");
        return;
      }
      target(value.get("primary"), PositionIndex.child(pointer, "primary"), path, grant);
      JsonNode fallbacks = value.get("fallbacks");
      if (fallbacks == null) {
        return;
      }
      String fp = PositionIndex.child(pointer, "fallbacks");
      if (!fallbacks.isArray()) {
        invalid(fp, "\"fallbacks\" must be an array; Polpo throws INVALID_SELECTION");
        return;
      }
      for (int i = 0; i < fallbacks.size(); i++) {
        target(fallbacks.get(i), PositionIndex.child(fp, i), path, grant);
      }
    }

    private void invalid(String pointer, String message) {
      complete = false;
      report(Code.INVALID, Target.value(pointer), message, null);
    }

    private void target(JsonNode t, String pointer, List<String> path, boolean grant) {
      if (t.isString()) {
        if (t.asString().trim().isEmpty()) {
          invalid(pointer, "a model id cannot be empty; Polpo throws INVALID_SELECTION");
        } else {
          candidates.add(t.asString().trim());
        }
        return;
      }
      if (!isProfileReference(t)) {
        invalid(
            pointer,
            "a primary or fallback is a model id or {\"profile\": NAME}; Polpo throws"
                + " INVALID_SELECTION");
        return;
      }
      String profile = t.get("profile").asString();
      String at = PositionIndex.child(pointer, "profile");
      if (!PROFILE_NAME.matcher(profile).matches()) {
        complete = false;
        report(Code.INVALID, Target.value(at), badName(profile), NAME_HELP);
        return;
      }
      if (grant && allowed != null && !allowed.contains(profile)) {
        complete = false;
        report(
            Code.DISALLOWED_PROFILE,
            Target.value(at),
            "profile \""
                + profile
                + "\" is not in this agent's allowedModelProfiles; Polpo throws"
                + " DISALLOWED_PROFILE",
            "add it to allowedModelProfiles or select an allowed profile");
        return;
      }
      if (path.contains(profile)) {
        complete = false;
        List<String> cycle = new ArrayList<>(path);
        cycle.add(profile);
        report(
            Code.PROFILE_CYCLE,
            Target.value(at),
            "model profile cycle " + String.join(" -> ", cycle) + "; Polpo throws PROFILE_CYCLE",
            "make one profile of the cycle name a model id");
        return;
      }
      if (path.size() >= MAX_DEPTH) {
        complete = false;
        report(
            Code.DEPTH_EXCEEDED,
            Target.value(at),
            "profile references nest deeper than "
                + MAX_DEPTH
                + " levels; Polpo throws PROFILE_DEPTH_EXCEEDED",
            "reference a profile nearer to a model id");
        return;
      }
      if (!reg.known()) {
        complete = false;
        return;
      }
      JsonNode profiles = reg.profiles();
      if (profiles == null || !profiles.isObject() || !profiles.has(profile)) {
        complete = false;
        Set<String> names = new LinkedHashSet<>();
        if (profiles != null && profiles.isObject()) {
          profiles.propertyNames().forEach(names::add);
        }
        List<String> close = Suggestions.rank(profile, names);
        Finding f =
            Finding.of(
                Target.value(at),
                "unknown model profile \""
                    + profile
                    + "\"; settings.modelProfiles does not define it and Polpo throws"
                    + " UNKNOWN_PROFILE",
                close.isEmpty()
                    ? "define it under settings.modelProfiles"
                    : "did you mean \"" + close.get(0) + "\"?");
        add(out, seen, Code.UNKNOWN_PROFILE, close.isEmpty() ? f : f.withSuggestion(close.get(0)));
        return;
      }
      List<String> next = new ArrayList<>(path);
      next.add(profile);
      JsonNode def = profiles.get(profile);
      if (reg.local()) {
        selection(def, PositionIndex.child(reg.pointer(), profile), next, false);
      } else {
        // Another file's profile: follow it for the candidates, report nothing inside it.
        Expansion inner = new Expansion(reg, null, new ArrayList<>(), new LinkedHashSet<>());
        inner.selection(def, "", next, false);
        candidates.addAll(inner.candidates);
        complete &= inner.complete;
      }
    }
  }

  /** {@code isModelProfileReference}: an object whose only key is a string {@code profile}. */
  static boolean isProfileReference(JsonNode v) {
    return v.isObject() && v.size() == 1 && v.has("profile") && v.get("profile").isString();
  }
}
