package dev.polpocheck.validate;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.polpocheck.config.Suggestions;
import dev.polpocheck.json.PositionIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * Turns networknt's schema errors into findings a person can act on.
 *
 * <p>Three jobs. <b>Best match</b> (validation-ux.md §6): a failed {@code oneOf} arrives with every
 * branch's errors flattened; we keep one branch — the one a {@code type} discriminator selects,
 * else the best ranked (JSON type matches, fewest errors, deepest, lowest index) — or, when no
 * branch even has the right JSON type, a single "must be X or Y" finding. <b>Placement</b> (§3.2):
 * unknown and missing keys point at a key token, everything else at the value. <b>Whitelist
 * rendering</b> (§5): messages are built from the keyword, the pointer and schema-side data (enum
 * members, limits, types) only; the library's message, arguments and instance node are never
 * printed, so a secret in a wrong-typed field cannot leak.
 *
 * <p>A schema object may name the rule its errors belong to with {@code x-rule} (or {@code
 * x-rule-required} for the {@code required} keyword only); unknown keys always belong to {@code
 * polpo/config/unknown-key}. A schema object marked {@code x-checked-by: RULE} is checked by that
 * lint rule instead, so its value errors are dropped here rather than reported twice. A value with
 * the wrong JSON type gets only the type finding.
 */
final class SchemaErrors {

  /** A rendered schema finding and the rule id it is reported under. */
  record Mapped(String rule, Finding finding) {}

  private record Raw(
      String keyword, String pointer, List<Object> schemaPath, String property, Error error) {}

  private final JsonNode schemaRoot;
  private final JsonNode instance;

  private SchemaErrors(JsonNode schemaRoot, JsonNode instance) {
    this.schemaRoot = schemaRoot;
    this.instance = instance;
  }

  /** Maps raw library errors to findings, best-matching combinators first. */
  static List<Mapped> map(List<Error> errors, JsonNode schemaRoot, JsonNode instance) {
    return new SchemaErrors(schemaRoot, instance).run(errors);
  }

  private List<Mapped> run(List<Error> errors) {
    List<Raw> raws = new ArrayList<>();
    for (Error e : errors) {
      raws.add(
          new Raw(
              e.getKeyword(),
              pointer(e.getInstanceLocation()),
              elements(e.getSchemaLocation().getFragment()),
              e.getProperty(),
              e));
    }
    List<Mapped> out = new ArrayList<>();
    List<Raw> combinators = new ArrayList<>();
    for (Raw r : raws) {
      if ("oneOf".equals(r.keyword) || "anyOf".equals(r.keyword)) {
        combinators.add(r);
      }
    }
    // Innermost combinators first, so an outer one sees its branches already reduced.
    combinators.sort(Comparator.comparingInt((Raw r) -> r.schemaPath.size()).reversed());
    for (Raw c : combinators) {
      raws.remove(c);
      List<List<Raw>> branches = new ArrayList<>();
      JsonNode alternatives = node(c.schemaPath);
      for (int i = 0; i < alternatives.size(); i++) {
        branches.add(new ArrayList<>());
      }
      for (Raw r : new ArrayList<>(raws)) {
        int b = branchOf(c, r);
        if (b >= 0 && b < branches.size()) {
          branches.get(b).add(r);
          raws.remove(r);
        }
      }
      resolveCombinator(c, alternatives, branches, raws, out);
    }
    java.util.Set<String> typeErrors = new java.util.HashSet<>();
    for (Raw r : raws) {
      if ("type".equals(r.keyword)) {
        typeErrors.add(r.pointer);
      }
    }
    for (Raw r : raws) {
      if (checkedByRule(r)) {
        continue;
      }
      // A value of the wrong type gets one finding; its enum, const or length is moot.
      if (typeErrors.contains(r.pointer)
          && !"type".equals(r.keyword)
          && VALUE_KEYWORDS.contains(r.keyword)) {
        continue;
      }
      render(r, out);
    }
    List<Mapped> explained = new ArrayList<>();
    for (Mapped m : out) {
      String why = SchemaRules.consequence(m.rule());
      Finding f = m.finding();
      explained.add(
          why == null
              ? m
              : new Mapped(
                  m.rule(),
                  new Finding(
                      f.target(),
                      f.message() + "; " + why,
                      f.help(),
                      f.suggestion(),
                      f.severity())));
    }
    return explained;
  }

  /** The branch index of {@code r} under combinator {@code c}, or -1 if it is not inside it. */
  private static int branchOf(Raw c, Raw r) {
    int n = c.schemaPath.size();
    if (r.schemaPath.size() <= n || !r.schemaPath.subList(0, n).equals(c.schemaPath)) {
      return -1;
    }
    if (!(r.pointer.equals(c.pointer) || r.pointer.startsWith(c.pointer + "/"))) {
      return -1;
    }
    Object idx = r.schemaPath.get(n);
    return idx instanceof Integer i ? i : parseIndex(idx);
  }

  private static int parseIndex(Object o) {
    try {
      return Integer.parseInt(String.valueOf(o));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void resolveCombinator(
      Raw c,
      JsonNode alternatives,
      List<List<Raw>> branches,
      List<Raw> remaining,
      List<Mapped> out) {
    JsonNode value = at(c.pointer);
    boolean anyErrors = branches.stream().anyMatch(b -> !b.isEmpty());
    if (!anyErrors) {
      out.add(
          new Mapped(
              ruleFor(node(parent(c.schemaPath)), c.keyword),
              Finding.of(
                  Target.value(c.pointer),
                  where(c.pointer) + " matches more than one allowed shape",
                  "make it match exactly one (see `polpo-check schema`)")));
      return;
    }
    if (value != null && SchemaWalker.hasDiscriminator(alternatives) && value.isObject()) {
      int d = SchemaWalker.discriminated(alternatives, value);
      if (d >= 0) {
        remaining.addAll(branches.get(d));
        return;
      }
      List<String> types = new ArrayList<>();
      for (JsonNode b : alternatives) {
        types.add(b.path("properties").path("type").get("const").asString());
      }
      String typePtr = PositionIndex.child(c.pointer, "type");
      if (value.has("type")) {
        Finding f =
            Finding.of(
                Target.value(typePtr),
                where(typePtr) + " is not a known type; expected one of " + quoteAll(types),
                null);
        if (value.get("type").isString()) {
          List<String> s = Suggestions.rank(value.get("type").asString(), types);
          if (!s.isEmpty()) {
            f =
                new Finding(
                    f.target(), f.message(), "did you mean \"" + s.get(0) + "\"?", s.get(0), null);
          }
        }
        out.add(new Mapped(Rules.SCHEMA.id(), f));
      } else {
        out.add(
            new Mapped(
                Rules.REQUIRED.id(),
                Finding.of(
                    keyTarget(c.pointer),
                    "missing required key \"type\" in " + where(c.pointer),
                    "add \"type\": one of " + quoteAll(types))));
      }
      return;
    }
    int best = -1;
    for (int i = 0; i < branches.size(); i++) {
      if (value == null || !SchemaWalker.typeMatches(alternatives.get(i), value)) {
        continue;
      }
      if (best < 0 || better(branches.get(i), branches.get(best))) {
        best = i;
      }
    }
    if (best >= 0) {
      remaining.addAll(branches.get(best));
      return;
    }
    Set<String> expected = new LinkedHashSet<>();
    for (JsonNode b : alternatives) {
      expected.add(typeWords(b.get("type")));
    }
    JsonNode ruleHolder = alternatives.get(0);
    out.add(
        new Mapped(
            ruleFor(ruleHolder, "type"),
            Finding.of(
                Target.value(c.pointer),
                where(c.pointer)
                    + " must be "
                    + String.join(" or ", expected)
                    + ", not "
                    + (value == null ? "missing" : SchemaWalker.jsonType(value)),
                null)));
  }

  /** Fewer errors wins; then the branch whose errors reach deeper into the instance. */
  private static boolean better(List<Raw> a, List<Raw> b) {
    if (a.size() != b.size()) {
      return a.size() < b.size();
    }
    return depth(a) > depth(b);
  }

  private static int depth(List<Raw> errors) {
    int max = 0;
    for (Raw r : errors) {
      max = Math.max(max, r.pointer.split("/", -1).length);
    }
    return max;
  }

  private static final java.util.Set<String> VALUE_KEYWORDS =
      java.util.Set.of(
          "enum",
          "const",
          "pattern",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "format",
          "uniqueItems",
          "minItems",
          "maxItems");

  /**
   * Whether a lint rule reports this constraint itself, with a message that knows Polpo's behaviour
   * ({@code x-checked-by} on the schema object): the schema error would repeat it.
   */
  private boolean checkedByRule(Raw r) {
    if ("additionalProperties".equals(r.keyword)) {
      return false;
    }
    JsonNode holder = node(parent(r.schemaPath));
    // For a missing key, the rule that checks the key's value also reports its absence.
    JsonNode by =
        "required".equals(r.keyword) && r.property != null
            ? holder.path("properties").path(r.property).get("x-checked-by")
            : holder.get("x-checked-by");
    return by != null && by.isString() && Rules.byId().containsKey(by.asString());
  }

  private void render(Raw r, List<Mapped> out) {
    JsonNode holder = node(parent(r.schemaPath));
    JsonNode kw = node(r.schemaPath);
    JsonNode value = at(r.pointer);
    String where = where(r.pointer);
    String rule = ruleFor(holder, r.keyword);
    switch (r.keyword) {
      case "additionalProperties":
        {
          String key = r.property == null ? "?" : r.property;
          String ptr = PositionIndex.child(r.pointer, key);
          List<String> known = new ArrayList<>();
          holder.path("properties").propertyNames().forEach(known::add);
          known.remove("$schema");
          List<String> s = Suggestions.rank(key, known);
          String help;
          if (!s.isEmpty()) {
            help = "did you mean " + quoteAll(s).replace(", ", " or ") + "?";
          } else if (known.size() <= 8 && !known.isEmpty()) {
            help = "valid keys here: " + quoteAll(known);
          } else {
            help =
                "Polpo ignores unknown keys silently; see `polpo-check schema` for the valid keys";
          }
          out.add(
              new Mapped(
                  Rules.UNKNOWN_KEY.id(),
                  new Finding(
                      Target.key(ptr),
                      "unknown key \""
                          + key
                          + "\" in "
                          + (r.pointer.isEmpty() ? "the top level" : where),
                      help,
                      s.size() == 1 ? s.get(0) : null,
                      null)));
          return;
        }
      case "required":
        {
          String key = r.property == null ? "?" : r.property;
          out.add(
              new Mapped(
                  rule,
                  Finding.of(
                      keyTarget(r.pointer),
                      "missing required key \""
                          + key
                          + "\" in "
                          + (r.pointer.isEmpty() ? "the top level" : where),
                      "add \""
                          + key
                          + "\": "
                          + describeSchema(holder.path("properties").path(key)))));
          return;
        }
      case "type":
        {
          out.add(
              new Mapped(
                  rule,
                  Finding.of(
                      Target.value(r.pointer),
                      where
                          + " must be "
                          + typeWords(kw)
                          + ", not "
                          + (value == null ? "missing" : SchemaWalker.jsonType(value)),
                      typeHelp(kw, value))));
          return;
        }
      case "enum":
        {
          List<String> members = new ArrayList<>();
          for (JsonNode m : kw) {
            members.add(m.isString() ? m.asString() : m.toString());
          }
          Finding f =
              Finding.of(
                  Target.value(r.pointer), where + " must be one of " + quoteAll(members), null);
          if (value != null && value.isString()) {
            List<String> s = Suggestions.rank(value.asString(), members);
            if (!s.isEmpty()) {
              f =
                  new Finding(
                      f.target(),
                      f.message(),
                      "did you mean \"" + s.get(0) + "\"?",
                      s.get(0),
                      null);
            }
          }
          out.add(new Mapped(rule, f));
          return;
        }
      case "const":
        out.add(
            new Mapped(
                rule,
                Finding.of(
                    Target.value(r.pointer),
                    where
                        + " must be "
                        + (kw.isString() ? "\"" + kw.asString() + "\"" : kw.toString()),
                    null)));
        return;
      case "pattern":
        {
          JsonNode custom = holder.get("patternErrorMessage");
          String msg =
              custom != null
                  ? where + " " + custom.asString()
                  : where + " does not match the pattern " + kw.asString();
          out.add(new Mapped(rule, Finding.of(Target.value(r.pointer), msg, null)));
          return;
        }
      case "minLength":
        out.add(
            new Mapped(
                rule,
                Finding.of(
                    Target.value(r.pointer),
                    kw.asInt() == 1
                        ? where + " must not be empty"
                        : where + " must be at least " + kw.asInt() + " characters long",
                    null)));
        return;
      case "maxLength":
        out.add(
            new Mapped(
                rule,
                Finding.of(
                    Target.value(r.pointer),
                    where + " must be at most " + kw.asInt() + " characters long",
                    null)));
        return;
      case "minimum":
        out.add(
            new Mapped(
                rule,
                Finding.of(
                    Target.value(r.pointer), where + " must be at least " + kw.asString(), null)));
        return;
      case "maximum":
        out.add(
            new Mapped(
                rule,
                Finding.of(
                    Target.value(r.pointer), where + " must be at most " + kw.asString(), null)));
        return;
      case "format":
        out.add(
            new Mapped(
                rule,
                Finding.of(
                    Target.value(r.pointer),
                    where
                        + " must be a valid "
                        + ("uri".equals(kw.asString())
                            ? "absolute URI (for example https://host/path)"
                            : kw.asString()),
                    null)));
        return;
      case "uniqueItems":
        out.add(
            new Mapped(
                rule,
                Finding.of(
                    Target.value(r.pointer),
                    where + " must not contain the same item twice",
                    null)));
        return;
      default:
        out.add(
            new Mapped(
                rule,
                Finding.of(
                    Target.value(r.pointer),
                    where + " does not match the schema (" + r.keyword + ")",
                    null)));
    }
  }

  /** The key of the member at {@code pointer}, or its value for the root and array items. */
  private static Target keyTarget(String pointer) {
    return Target.key(pointer);
  }

  private String ruleFor(JsonNode holder, String keyword) {
    if ("additionalProperties".equals(keyword)) {
      return Rules.UNKNOWN_KEY.id();
    }
    JsonNode specific = holder.get("x-rule-" + keyword);
    if (specific != null && specific.isString()) {
      return specific.asString();
    }
    JsonNode general = holder.get("x-rule");
    if (general != null && general.isString() && !"required".equals(keyword)) {
      return general.asString();
    }
    return "required".equals(keyword) ? Rules.REQUIRED.id() : Rules.SCHEMA.id();
  }

  /**
   * A fix for the common type slips (a quoted number or boolean, a bare value where an array is
   * expected); never quotes the value itself.
   */
  static String typeHelp(JsonNode expected, JsonNode value) {
    if (value == null || expected == null || !expected.isString()) {
      return null;
    }
    String want = expected.asString();
    if (value.isString()) {
      String v = value.asString().trim();
      if ((want.equals("integer") || want.equals("number")) && v.matches("-?\\d+(\\.\\d+)?")) {
        return "write the number without quotes";
      }
      if (want.equals("boolean") && (v.equals("true") || v.equals("false"))) {
        return "write true or false without quotes";
      }
    }
    if (want.equals("string") && (value.isNumber() || value.isBoolean())) {
      return "put the value in double quotes";
    }
    if (want.equals("array") && !value.isArray() && !value.isObject()) {
      return "wrap the value in [ ] to make a list";
    }
    if (want.equals("integer") && value.isNumber()) {
      return "use a whole number";
    }
    return null;
  }

  private static String describeSchema(JsonNode s) {
    JsonNode type = s.get("type");
    return type == null ? "a value" : typeWords(type);
  }

  /** "a string", "an object or an array", from a schema {@code type}. */
  static String typeWords(JsonNode type) {
    if (type == null) {
      return "a value";
    }
    if (type.isArray()) {
      List<String> words = new ArrayList<>();
      for (JsonNode t : type) {
        words.add(typeWord(t.asString()));
      }
      return String.join(" or ", words);
    }
    return typeWord(type.asString());
  }

  private static String typeWord(String t) {
    return switch (t) {
      case "object" -> "an object";
      case "array" -> "an array";
      case "integer" -> "an integer";
      case "null" -> "null";
      default -> "a " + t;
    };
  }

  private static String quoteAll(List<String> values) {
    StringJoiner j = new StringJoiner(", ");
    for (String v : values) {
      j.add("\"" + v + "\"");
    }
    return j.toString();
  }

  /** A readable name for a pointer: {@code /settings/logLevel} → {@code settings.logLevel}. */
  static String where(String pointer) {
    if (pointer.isEmpty()) {
      return "the file";
    }
    StringBuilder sb = new StringBuilder();
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (token.matches("\\d+")) {
        sb.append('[').append(token).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(token.matches("[A-Za-z_$][A-Za-z0-9_$-]*") ? token : "\"" + token + "\"");
      }
    }
    return sb.toString();
  }

  private JsonNode at(String pointer) {
    JsonNode n = instance.at(pointer);
    return n == null || n.isMissingNode() ? null : n;
  }

  private JsonNode node(List<Object> path) {
    JsonNode n = schemaRoot;
    for (Object o : path) {
      if (n.isArray()) {
        n = n.path(o instanceof Integer i ? i : parseIndex(o));
      } else {
        n = n.path(String.valueOf(o));
      }
    }
    return n;
  }

  private static List<Object> parent(List<Object> path) {
    return path.isEmpty() ? path : path.subList(0, path.size() - 1);
  }

  private static List<Object> elements(NodePath path) {
    List<Object> out = new ArrayList<>();
    if (path == null) {
      return out;
    }
    for (int i = 0; i < path.getNameCount(); i++) {
      out.add(path.getElement(i));
    }
    return out;
  }

  private static String pointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object o = path.getElement(i);
      sb.append('/').append(String.valueOf(o).replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }
}
