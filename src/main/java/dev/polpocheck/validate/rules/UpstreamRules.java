package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the upstream target (lumea-labs/polpo): layout v2, model selections with profiles,
 * environment-only credentials and media models, in run order; {@code Rules.CHECKS} includes them
 * with one entry. Each rule's {@code targets()} says it runs for upstream only.
 */
public final class UpstreamRules {
  private UpstreamRules() {}

  /** Returns the rules in run order. */
  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>(LayoutRules.all());
    rules.addAll(ModelSelectionRule.all());
    rules.add(new EnvOnlyCredentialsRule());
    rules.add(new MediaModelFormatRule());
    return List.copyOf(rules);
  }
}
