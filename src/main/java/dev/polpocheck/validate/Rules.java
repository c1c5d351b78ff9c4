package dev.polpocheck.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule registry: every lint rule polpo-check runs and every rule id it can report.
 *
 * <p>Adding a rule is one line in {@link #CHECKS}. {@link #ENGINE} lists the ids the engine itself
 * reports (parse problems, duplicate keys, schema violations) and {@code SchemaRules} the ids
 * attached to schema constraints and deprecated keys, so that {@code polpo-check rules}, {@code
 * --disable} and SARIF's {@code rules[]} know them too.
 */
public final class Rules {

  /** Reported when a file cannot be parsed as JSON (or is empty, too large, badly encoded). */
  public static final RuleDescriptor UNPARSABLE =
      new RuleDescriptor(
          "polpo/config/unparsable",
          Severity.ERROR,
          "File is not valid JSON, so Polpo cannot use it",
          "Polpo reads its files with JavaScript's JSON.parse. An invalid polpo.json ends in \"No"
              + " configuration found\" (the parse error itself is swallowed); an invalid"
              + " agents.json or teams.json is silently read as an empty list, so every agent or"
              + " team vanishes without any error; an invalid auth-profiles.json is treated as"
              + " corrupt and reset on the next write. Empty files, byte-order marks, comments and"
              + " trailing commas are all rejected by JSON.parse.",
          null);

  /** Reported for a key written twice in one object. */
  public static final RuleDescriptor DUPLICATE_KEY =
      new RuleDescriptor(
          "polpo/config/duplicate-key",
          Severity.ERROR,
          "Key written twice in one object; the earlier value is silently discarded",
          "JSON.parse keeps the last value of a duplicated key and drops the others without a "
              + "word, so a value you wrote is ignored. Remove one of the two entries.",
          null);

  /** Reported when a file cannot be read at all. */
  public static final RuleDescriptor UNREADABLE =
      new RuleDescriptor(
          "polpo/io/unreadable",
          Severity.ERROR,
          "File or directory cannot be read",
          "The path does not exist, is not readable, or is a directory with no Polpo file in it. "
              + "polpo-check exits with code 3 because it could not check anything.",
          null);

  /** Reported for a value of the wrong type or shape according to the schema. */
  public static final RuleDescriptor SCHEMA =
      new RuleDescriptor(
          "polpo/schema/invalid",
          Severity.ERROR,
          "Value has the wrong type, shape or range for Polpo",
          "The value does not match the shape Polpo's code expects (see the published JSON Schemas,"
              + " `polpo-check schema NAME`). Polpo hand-parses its files and rarely checks types,"
              + " so a wrong value usually fails later, far from its cause.",
          null);

  /** Reported for a required key that is missing. */
  public static final RuleDescriptor REQUIRED =
      new RuleDescriptor(
          "polpo/schema/required",
          Severity.ERROR,
          "A key Polpo needs is missing",
          "Polpo's code reads this key without a fallback; without it the object cannot work.",
          null);

  /** Reported for a key Polpo does not read. */
  public static final RuleDescriptor UNKNOWN_KEY =
      new RuleDescriptor(
          "polpo/config/unknown-key",
          Severity.WARNING,
          "Key that Polpo does not read (typos are silently ignored)",
          "Polpo ignores keys it does not know without any warning, so a misspelt key such as"
              + " \"maxRetires\" leaves the default in place. polpo-check suggests the closest"
              + " known key. Keys that Polpo's documentation shows but its runtime ignores have"
              + " their own rules with a specific explanation.",
          null);

  /** Ids reported by the engine itself rather than by a {@link Rule}. */
  public static final List<RuleDescriptor> ENGINE =
      List.of(UNREADABLE, UNPARSABLE, DUPLICATE_KEY, SCHEMA, REQUIRED, UNKNOWN_KEY);

  /** The lint rules, in the order they run. Adding a rule is one line here. */
  static final List<Rule> CHECKS =
      concat(
          dev.polpocheck.validate.rules.ValidateRules.all(),
          dev.polpocheck.validate.rules.ConfigRules.all(),
          dev.polpocheck.validate.rules.UpstreamRules.all());

  private Rules() {}

  @SafeVarargs
  private static List<Rule> concat(List<Rule>... families) {
    List<Rule> all = new ArrayList<>();
    for (List<Rule> f : families) {
      all.addAll(f);
    }
    return List.copyOf(all);
  }

  /** The lint rules in run order. */
  public static List<Rule> checks() {
    return CHECKS;
  }

  /** Every rule id polpo-check can report, engine ids first, sorted by id within each group. */
  public static List<RuleDescriptor> descriptors() {
    List<RuleDescriptor> all = new ArrayList<>(ENGINE);
    List<RuleDescriptor> lint = new ArrayList<>(SchemaRules.ALL);
    for (Rule r : CHECKS) {
      lint.add(r.descriptor());
    }
    lint.sort((a, b) -> a.id().compareTo(b.id()));
    all.addAll(lint);
    return Collections.unmodifiableList(all);
  }

  /** Descriptors keyed by id; fails if two rules share an id. */
  public static Map<String, RuleDescriptor> byId() {
    Map<String, RuleDescriptor> map = new LinkedHashMap<>();
    for (RuleDescriptor d : descriptors()) {
      if (map.put(d.id(), d) != null) {
        throw new IllegalStateException("duplicate rule id " + d.id());
      }
    }
    return map;
  }

  /** The descriptor with this id, if any. */
  public static Optional<RuleDescriptor> find(String id) {
    return Optional.ofNullable(byId().get(id));
  }
}
