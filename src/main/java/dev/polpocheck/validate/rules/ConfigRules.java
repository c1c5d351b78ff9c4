package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.Rule;
import java.util.List;

/**
 * The lint rules about environment references, model specs, credentials, inline secrets and
 * auth-profiles.json, in run order; {@code Rules.CHECKS} includes them all with one entry so the
 * two rule families can grow without touching the same line.
 */
public final class ConfigRules {

  private ConfigRules() {}

  /** Returns the rules in run order. */
  public static List<Rule> all() {
    List<Rule> rules =
        new java.util.ArrayList<>(
            List.of(
                new EnvNotInterpolatedRule(),
                new EnvUnsupportedSyntaxRule(),
                new EnvUnresolvedRule(),
                new ModelCannotInferRule(),
                new ModelUnknownRule(),
                new ModelDottedIdRule(),
                new ModelRetiredRule(),
                new ModelCatalogMissShadowedRule(),
                new ModelAllowlistNotEnforcedRule(),
                new ModelNoCredentialsRule(),
                new ProvidersNoCredentialSourceRule(),
                new ProvidersNotAppliedToAgentsRule(),
                new SecretLiteralRule()));
    rules.addAll(AuthProfileRules.all());
    return List.copyOf(rules);
  }
}
