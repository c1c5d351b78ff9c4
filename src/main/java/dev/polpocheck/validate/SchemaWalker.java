package dev.polpocheck.validate;

import dev.polpocheck.json.PositionIndex;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Pairs every value of a document with the schema object that describes it, so polpo-check can read
 * its own annotations ({@code x-secret}, {@code x-env}, {@code deprecationMessage}) per value.
 *
 * <p>Our schemas use only {@code properties}, {@code additionalProperties}, {@code items} and
 * {@code oneOf} (no {@code $ref}); a {@code oneOf} branch is chosen by a {@code type} const
 * discriminator when the branches have one, else by the first branch whose JSON type matches the
 * instance — the same choice {@link SchemaErrors} makes for error messages.
 */
final class SchemaWalker {
  private SchemaWalker() {}

  /** A value and the schema object that describes it. */
  record Pair(JsonNode schema, JsonNode value) {}

  /** The schema object applying at each pointer that a schema describes, in document order. */
  static Map<String, Pair> applicable(JsonNode schema, JsonNode instance) {
    Map<String, Pair> out = new LinkedHashMap<>();
    walk(schema, instance, "", out);
    return out;
  }

  private static void walk(
      JsonNode schema, JsonNode instance, String pointer, Map<String, Pair> out) {
    JsonNode s = resolveBranch(schema, instance);
    if (s == null || !s.isObject()) {
      return;
    }
    out.put(pointer, new Pair(s, instance));
    if (instance.isObject()) {
      JsonNode props = s.path("properties");
      JsonNode additional = s.get("additionalProperties");
      for (Map.Entry<String, JsonNode> e : instance.properties()) {
        JsonNode child = props.get(e.getKey());
        if (child == null && additional != null && additional.isObject()) {
          child = additional;
        }
        if (child != null) {
          walk(child, e.getValue(), PositionIndex.child(pointer, e.getKey()), out);
        }
      }
    } else if (instance.isArray()) {
      JsonNode items = s.get("items");
      if (items != null && items.isObject()) {
        for (int i = 0; i < instance.size(); i++) {
          walk(items, instance.get(i), PositionIndex.child(pointer, i), out);
        }
      }
    }
  }

  /** Every pointer of a document (object members and array items) with its value. */
  static Map<String, JsonNode> pointers(JsonNode root) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    collect(root, "", out);
    return out;
  }

  private static void collect(JsonNode n, String pointer, Map<String, JsonNode> out) {
    out.put(pointer, n);
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        collect(e.getValue(), PositionIndex.child(pointer, e.getKey()), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collect(n.get(i), PositionIndex.child(pointer, i), out);
      }
    }
  }

  /** The schema itself, or for a {@code oneOf} the branch that fits the instance (or null). */
  static JsonNode resolveBranch(JsonNode schema, JsonNode instance) {
    JsonNode oneOf = schema.get("oneOf");
    if (oneOf == null || !oneOf.isArray()) {
      return schema;
    }
    int d = discriminated(oneOf, instance);
    if (d >= 0) {
      return oneOf.get(d);
    }
    for (JsonNode branch : oneOf) {
      if (typeMatches(branch, instance)) {
        return branch;
      }
    }
    return null;
  }

  /**
   * The index of the branch whose {@code properties.type.const} equals the instance's {@code type},
   * -1 when the branches have no such discriminator or the instance has no matching type.
   */
  static int discriminated(JsonNode oneOf, JsonNode instance) {
    if (!instance.isObject() || !instance.path("type").isString()) {
      return -1;
    }
    String type = instance.get("type").asString();
    for (int i = 0; i < oneOf.size(); i++) {
      JsonNode c = oneOf.get(i).path("properties").path("type").get("const");
      if (c != null && c.isString() && c.asString().equals(type)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the branch has a {@code type} const discriminator. */
  static boolean hasDiscriminator(JsonNode oneOf) {
    for (JsonNode branch : oneOf) {
      if (branch.path("properties").path("type").get("const") == null) {
        return false;
      }
    }
    return oneOf.size() > 0;
  }

  /** Whether the instance's JSON type is one of the schema's {@code type} (true if none given). */
  static boolean typeMatches(JsonNode schema, JsonNode instance) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return true;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (matches(t.asString(), instance)) {
          return true;
        }
      }
      return false;
    }
    return matches(type.asString(), instance);
  }

  private static boolean matches(String type, JsonNode n) {
    return switch (type) {
      case "object" -> n.isObject();
      case "array" -> n.isArray();
      case "string" -> n.isString();
      case "number" -> n.isNumber();
      case "integer" ->
          n.isIntegralNumber() || (n.isNumber() && n.asDouble() == Math.rint(n.asDouble()));
      case "boolean" -> n.isBoolean();
      case "null" -> n.isNull();
      default -> false;
    };
  }

  /** "an object", "a string", ... for messages; never the value itself. */
  static String jsonType(JsonNode n) {
    if (n.isObject()) {
      return "an object";
    } else if (n.isArray()) {
      return "an array";
    } else if (n.isString()) {
      return "a string";
    } else if (n.isIntegralNumber()) {
      return "an integer";
    } else if (n.isNumber()) {
      return "a number";
    } else if (n.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }
}
