package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The structural lint rules of polpo.json and agents.json that need code rather than a schema
 * constraint, in run order; {@code Rules.CHECKS} includes them with one entry.
 */
public final class ValidateRules {
  private ValidateRules() {}

  /** Returns the rules in run order. */
  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.add(new PostgresUrlRule());
    rules.add(new EmptyProviderEntryRule());
    rules.add(new DuplicateAgentNameRule());
    rules.addAll(ReportsToRules.all());
    rules.addAll(WhatsAppChannelRules.all());
    rules.add(new NotificationChannelRefRule());
    rules.add(new EscalationNotifyChannelsRule());
    return List.copyOf(rules);
  }
}
