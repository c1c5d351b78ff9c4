package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One auth-profiles.json check: a descriptor and the function that runs it. The checks themselves
 * live in {@link AuthProfileRules}, which reads the file's shape once per check.
 */
final class AuthRule implements Rule {

  private final RuleDescriptor descriptor;
  private final Consumer<RuleContext> check;

  AuthRule(RuleDescriptor descriptor, Consumer<RuleContext> check) {
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    this.check = Objects.requireNonNull(check, "check");
  }

  @Override
  public RuleDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public void check(RuleContext ctx) {
    check.accept(ctx);
  }
}
