package dev.polpocheck.validate;

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
}
