package dev.polpocheck.validate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user's changes to rule severities: rules switched off and rules re-levelled, from {@code
 * --disable RULE} and {@code --severity RULE=LEVEL}.
 *
 * @param disabled ids of rules never reported
 * @param severities ids mapped to the severity to report them at
 */
public record RuleConfig(Set<String> disabled, Map<String, Severity> severities) {

  /** No change: every rule at its default severity. */
  public static final RuleConfig DEFAULTS = new RuleConfig(Set.of(), Map.of());

  /** Copies both collections. */
  public RuleConfig {
    disabled = Set.copyOf(disabled);
    severities = Map.copyOf(severities);
  }

  /**
   * The severity to report a finding at, or empty when the rule is disabled: the user's level, else
   * the finding's own, else the rule's default.
   */
  public Optional<Severity> effective(String ruleId, Severity findingLevel, Severity ruleDefault) {
    if (disabled.contains(ruleId)) {
      return Optional.empty();
    }
    Severity user = severities.get(ruleId);
    if (user != null) {
      return Optional.of(user);
    }
    return Optional.of(findingLevel != null ? findingLevel : ruleDefault);
  }
}
