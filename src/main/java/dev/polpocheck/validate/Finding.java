package dev.polpocheck.validate;

/**
 * What a rule reports before the engine adds the file, rule id, positions and effective severity.
 *
 * @param target where it points
 * @param message one sentence; never a secret or an environment value
 * @param help how to fix it, or null
 * @param suggestion replacement text for the target (did-you-mean), or null
 * @param severity overrides the rule's default severity for this finding (for rules whose severity
 *     depends on the case, such as static vs resolved pass), or null; a severity the user set with
 *     {@code --severity} always wins
 */
public record Finding(
    Target target, String message, String help, String suggestion, Severity severity) {

  /** Requires a target and a message. */
  public Finding {
    if (target == null || message == null) {
      throw new IllegalArgumentException("target and message are required");
    }
  }

  /** A finding with a message and a help line. */
  public static Finding of(Target target, String message, String help) {
    return new Finding(target, message, help, null, null);
  }

  /** The same finding with a did-you-mean replacement. */
  public Finding withSuggestion(String replacement) {
    return new Finding(target, message, help, replacement, severity);
  }

  /** The same finding with a case-specific severity. */
  public Finding withSeverity(Severity override) {
    return new Finding(target, message, help, suggestion, override);
  }
}
