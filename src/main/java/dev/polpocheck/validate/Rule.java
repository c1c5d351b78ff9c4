package dev.polpocheck.validate;

import java.util.Set;

/**
 * A lint check over one parsed Polpo file. Implementations are stateless and reusable: all they
 * need arrives in the {@link RuleContext}, and they report through it.
 */
public interface Rule {

  /** The rule's id, default severity, summary, documentation and file kinds. */
  RuleDescriptor descriptor();

  /**
   * Inspects the file in {@code ctx} and reports each finding with {@link RuleContext#report}.
   * Called only for files whose kind is in {@link RuleDescriptor#kinds()} and only when the file
   * parsed.
   */
  void check(RuleContext ctx);

  /**
   * The Polpo lines this rule knows: it runs only when the run's target is one of them. Rules
   * written against Polpo 0.3.x's code keep this default; a rule that holds for upstream too, or
   * only for upstream, says so.
   */
  default Set<PolpoTarget> targets() {
    return Set.of(PolpoTarget.V03);
  }
}
