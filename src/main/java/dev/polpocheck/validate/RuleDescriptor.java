package dev.polpocheck.validate;

import java.util.EnumSet;
import java.util.Set;

/**
 * What {@code polpo-check rules} shows about a rule: id, default severity, a one-line summary and a
 * documentation paragraph, plus the file kinds it checks.
 *
 * @param id stable id, {@code polpo/<area>/<name>}; never renamed once shipped
 * @param defaultSeverity the severity unless re-levelled on the command line
 * @param summary one line, no trailing period
 * @param documentation a paragraph: what Polpo does, why it matters, how to fix it
 * @param kinds the file kinds the rule applies to
 */
public record RuleDescriptor(
    String id,
    Severity defaultSeverity,
    String summary,
    String documentation,
    Set<FileKind> kinds) {

  /** Base of the documentation link of every rule; the rule id is appended. */
  public static final String DOCS_BASE = "https://polpo-check.dev/rules/";

  /** Validates the id shape and copies the kinds. */
  public RuleDescriptor {
    if (id == null || !id.matches("polpo/[a-z0-9-]+/[a-z0-9-]+")) {
      throw new IllegalArgumentException("rule id must look like polpo/<area>/<name>: " + id);
    }
    if (defaultSeverity == null || summary == null || documentation == null) {
      throw new IllegalArgumentException("severity, summary and documentation are required");
    }
    kinds =
        kinds == null || kinds.isEmpty()
            ? Set.copyOf(EnumSet.allOf(FileKind.class))
            : Set.copyOf(kinds);
  }

  /** Convenience constructor for a rule that applies to the given kinds. */
  public static RuleDescriptor of(
      String id,
      Severity severity,
      String summary,
      String documentation,
      FileKind first,
      FileKind... rest) {
    return new RuleDescriptor(id, severity, summary, documentation, EnumSet.of(first, rest));
  }

  /** The rule's documentation link. */
  public String docsUrl() {
    return DOCS_BASE + id;
  }
}
