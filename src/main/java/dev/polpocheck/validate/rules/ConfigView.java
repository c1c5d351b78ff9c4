package dev.polpocheck.validate.rules;

import dev.polpocheck.config.EnvReferences.FieldClass;
import dev.polpocheck.config.SecretScanner;
import dev.polpocheck.json.JsonDocument;
import dev.polpocheck.json.JsonReader;
import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Read-only views of a Polpo file shared by the config rules: every string value with its pointer,
 * the {@code ${…}} field class of a pointer, the model specs a file uses, and the {@code providers}
 * entries Polpo keeps.
 *
 * <p>agents.json and teams.json name models whose resolution depends on polpo.json's {@code
 * providers}; for them the {@code polpo.json} beside the file (same directory, as in {@code
 * .polpo/}) is read when it exists and parses. Only the repository is read, never the home
 * directory, so the answer stays the same on every machine.
 */
final class ConfigView {

  /** Where a model spec appears. */
  enum Role {
    /** {@code settings.orchestratorModel} (string or {@code primary}). */
    ORCHESTRATOR,
    /** An entry of {@code settings.orchestratorModel.fallbacks}. */
    FALLBACK,
    /** {@code settings.imageModel}. */
    IMAGE,
    /** A key of {@code settings.modelAllowlist}. */
    ALLOWLIST_KEY,
    /** An agent's {@code model} in agents.json or teams.json (runs in the runner process). */
    AGENT,
    /** An agent's {@code model} in polpo.json's documented (but ignored) agents form. */
    DOCUMENTED_AGENT
  }

  /**
   * One model spec in a file.
   *
   * @param pointer where the spec is (for allowlist keys, the member's pointer)
   * @param target what a finding should underline
   * @param spec the spec text
   * @param role where it appears
   */
  record ModelUse(String pointer, Target target, String spec, Role role) {}

  private static final Set<String> SECRET_FIELDS =
      Set.of("apikey", "bottoken", "token", "accesstoken", "password", "secret", "clientsecret");
  private static final Pattern SECRET_HEADER =
      Pattern.compile(
          "(?i)authorization|proxy-authorization|x-api-key|api-key|x-auth-token|.*token.*");
  private static final Set<String> NOTIFICATION_WHOLE_VALUE_FIELDS =
      Set.of("webhookUrl", "apiKey", "botToken", "chatId", "url");

  private ConfigView() {}

  /**
   * Calls {@code visit(pointer, value)} for every string value under {@code node}, keys excluded.
   */
  static void eachString(JsonNode node, String pointer, BiConsumer<String, String> visit) {
    if (node == null) {
      return;
    }
    if (node.isString()) {
      visit.accept(pointer, node.stringValue());
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        eachString(e.getValue(), PositionIndex.child(pointer, e.getKey()), visit);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        eachString(node.get(i), PositionIndex.child(pointer, i), visit);
      }
    }
  }

  /**
   * Returns how Polpo treats {@code ${…}} at {@code pointer}: whole-value for notification secrets
   * and URLs (by channel type) and for the documented provider key forms; nothing elsewhere. Vault
   * values (the inline class) live in {@code .polpo/vault.enc}, which is not a file polpo-check
   * reads.
   */
  static FieldClass fieldClass(FileKind kind, JsonNode root, String pointer) {
    if (kind != FileKind.POLPO) {
      return FieldClass.NONE;
    }
    String[] t = tokens(pointer);
    if (t.length == 2 && t[0].equals("providers") && root.path("providers").path(t[1]).isString()) {
      return FieldClass.WHOLE_VALUE;
    }
    if (t.length == 3 && t[0].equals("providers") && t[2].equals("apiKey")) {
      return FieldClass.WHOLE_VALUE;
    }
    if (t.length >= 5
        && t[0].equals("settings")
        && t[1].equals("notifications")
        && t[2].equals("channels")) {
      String type =
          root.path("settings")
              .path("notifications")
              .path("channels")
              .path(t[3])
              .path("type")
              .asString("");
      if (t.length == 5
          && NOTIFICATION_WHOLE_VALUE_FIELDS.contains(t[4])
          && channelExpands(type, t[4])) {
        return FieldClass.WHOLE_VALUE;
      }
      if (t.length == 6 && t[4].equals("headers") && channelExpands(type, "headers")) {
        return FieldClass.WHOLE_VALUE;
      }
    }
    return FieldClass.NONE;
  }

  // Which fields each channel type expands (polpo-semantics.md §6); an unknown or missing type
  // gets the union, so that no reference is wrongly called "not expanded".
  private static boolean channelExpands(String type, String field) {
    switch (type) {
      case "slack":
        return field.equals("webhookUrl") || field.equals("apiKey");
      case "email":
        return field.equals("apiKey");
      case "telegram":
        return field.equals("botToken") || field.equals("chatId");
      case "webhook":
        return field.equals("url") || field.equals("headers");
      case "whatsapp": // reads chatId raw (src/notifications/channels/whatsapp.ts:92-94)
        return false;
      default:
        return true;
    }
  }

  /**
   * Returns whether a pointer names a field meant to hold a credential: apiKey, botToken, token,
   * password or secret fields, authorization-like headers, and the provider string form.
   */
  static boolean isSecretField(String pointer) {
    String last = PositionIndex.lastToken(pointer);
    if (SECRET_FIELDS.contains(last.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""))) {
      return true;
    }
    if (PositionIndex.lastToken(PositionIndex.parent(pointer)).equals("headers")) {
      return SECRET_HEADER.matcher(last).matches();
    }
    // the documented string form "providers": {"anthropic": "<key>"}
    return pointer.startsWith("/providers/") && pointer.indexOf('/', "/providers/".length()) < 0;
  }

  private static final Pattern REFERENCE_ATTEMPT =
      Pattern.compile(
          "\\$[A-Za-z_][A-Za-z0-9_]*|os\\.environ/[A-Za-z0-9_]+|.*\\$\\{.*", Pattern.DOTALL);

  /**
   * Returns whether a value is an attempt at an environment reference ({@code ${…}} anywhere, or a
   * whole {@code $NAME} or {@code os.environ/NAME}) rather than a literal: the env rules report it,
   * the secret rule leaves it alone.
   */
  static boolean isReferenceAttempt(String value) {
    return REFERENCE_ATTEMPT.matcher(value).matches();
  }

  /** Returns whether a pointer holds free text, where {@code $NAME} is usually shell prose. */
  static boolean isProse(String pointer) {
    String last = PositionIndex.lastToken(pointer);
    return pointer.contains("/identity/")
        || Set.of("systemPrompt", "role", "description", "bio", "personality", "tone")
            .contains(last);
  }

  /** Returns every model spec in the file with its place and role, in document order. */
  static List<ModelUse> modelUses(RuleContext ctx) {
    List<ModelUse> out = new ArrayList<>();
    JsonNode root = ctx.root();
    switch (ctx.kind()) {
      case POLPO:
        JsonNode settings = root.path("settings");
        JsonNode orch = settings.path("orchestratorModel");
        if (orch.isString()) {
          add(out, "/settings/orchestratorModel", orch, Role.ORCHESTRATOR);
        } else if (orch.isObject()) {
          add(out, "/settings/orchestratorModel/primary", orch.path("primary"), Role.ORCHESTRATOR);
          JsonNode fb = orch.path("fallbacks");
          for (int i = 0; fb.isArray() && i < fb.size(); i++) {
            add(out, "/settings/orchestratorModel/fallbacks/" + i, fb.get(i), Role.FALLBACK);
          }
        }
        add(out, "/settings/imageModel", settings.path("imageModel"), Role.IMAGE);
        JsonNode allow = settings.path("modelAllowlist");
        if (allow.isObject()) {
          for (String key : allow.propertyNames()) {
            String ptr = PositionIndex.child("/settings/modelAllowlist", key);
            if (SecretScanner.looksSensitive(key)) {
              continue;
            }
            out.add(new ModelUse(ptr, Target.key(ptr), key, Role.ALLOWLIST_KEY));
          }
        }
        agents(out, root.path("agents"), "/agents", Role.DOCUMENTED_AGENT);
        JsonNode teams = root.path("teams");
        for (int i = 0; teams.isArray() && i < teams.size(); i++) {
          agents(
              out, teams.get(i).path("agents"), "/teams/" + i + "/agents", Role.DOCUMENTED_AGENT);
        }
        agents(out, root.path("team").path("agents"), "/team/agents", Role.DOCUMENTED_AGENT);
        break;
      case AGENTS:
        for (int i = 0; root.isArray() && i < root.size(); i++) {
          add(out, "/" + i + "/agent/model", root.get(i).path("agent").path("model"), Role.AGENT);
        }
        break;
      case TEAMS:
        for (int i = 0; root.isArray() && i < root.size(); i++) {
          agents(out, root.get(i).path("agents"), "/" + i + "/agents", Role.AGENT);
        }
        break;
      default:
        break;
    }
    return out;
  }

  private static void agents(List<ModelUse> out, JsonNode agents, String pointer, Role role) {
    for (int i = 0; agents.isArray() && i < agents.size(); i++) {
      add(out, pointer + "/" + i + "/model", agents.get(i).path("model"), role);
    }
  }

  // A credential pasted into a model field is reported by polpo/secret/literal and must not be
  // quoted by the model rules.
  private static void add(List<ModelUse> out, String pointer, JsonNode value, Role role) {
    if (value.isString()
        && !value.stringValue().isEmpty()
        && !SecretScanner.looksSensitive(value.stringValue())) {
      out.add(new ModelUse(pointer, Target.value(pointer), value.stringValue(), role));
    }
  }

  /**
   * Returns the {@code providers} entries Polpo keeps (objects with a string {@code baseUrl}, a
   * string {@code api} or an array {@code models}), by name: from this file for polpo.json, from
   * the polpo.json beside it for agents.json and teams.json (empty when absent or unparsable).
   */
  static Map<String, JsonNode> providers(RuleContext ctx) {
    JsonNode root = null;
    if (ctx.kind() == FileKind.POLPO) {
      root = ctx.root();
    } else if (ctx.path() != null) {
      Path sibling = ctx.path().resolveSibling("polpo.json");
      if (Files.isRegularFile(sibling)) {
        try {
          JsonDocument doc = JsonReader.read(sibling, sibling.toString());
          root = doc.root();
        } catch (RuntimeException unreadable) {
          // The sibling gets its own diagnostics when validated; here it simply offers nothing.
          root = null;
        }
      }
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (root == null || !root.path("providers").isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : root.path("providers").properties()) {
      JsonNode v = e.getValue();
      if (v.isObject()
          && (v.path("baseUrl").isString()
              || v.path("api").isString()
              || v.path("models").isArray())) {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  /** Returns whether a providers entry lists a custom model with this id. */
  static boolean definesModel(JsonNode entry, String id) {
    for (JsonNode m : entry.path("models")) {
      if (m.path("id").isString() && m.path("id").stringValue().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static String[] tokens(String pointer) {
    if (pointer.isEmpty()) {
      return new String[0];
    }
    String[] raw = pointer.substring(1).split("/", -1);
    for (int i = 0; i < raw.length; i++) {
      raw[i] = raw[i].replace("~1", "/").replace("~0", "~");
    }
    return raw;
  }
}
