/**
 * Validation of Polpo files: schema checks and lint rules producing {@link
 * dev.polpocheck.validate.Diagnostic}s, and the reporters that render them.
 *
 * <h2>How to add a rule</h2>
 *
 * <ol>
 *   <li>Write a final class implementing {@link dev.polpocheck.validate.Rule} in {@code
 *       dev.polpocheck.validate.rules}. Give it a {@link dev.polpocheck.validate.RuleDescriptor}
 *       with a stable id ({@code polpo/<area>/<name>}), a default severity, a one-line summary,
 *       a documentation paragraph (what Polpo does, why it matters, how to fix) and the file
 *       kinds it applies to.
 *   <li>In {@code check(RuleContext ctx)} walk {@code ctx.root()} (a Jackson 3 {@code JsonNode},
 *       duplicate keys already resolved last-wins as Polpo does) and call {@code
 *       ctx.report(Finding.of(Target.key(pointer) | Target.value(pointer) |
 *       Target.inString(pointer, from, to), message, help))}. Build pointers with {@code
 *       PositionIndex.child(parent, key)}. Point at the key when the member's presence or name
 *       is the problem, at the value when its content is.
 *   <li>Never put a value from the file or the environment into a message, help or suggestion
 *       unless the value is known to be harmless (an enum member, a key name, a variable name).
 *       Secrets must not reach any output.
 *   <li>Add one line to {@code Rules.CHECKS}.
 *   <li>Test it with a failing and a passing case (see {@code RuleTesting} in the tests).
 * </ol>
 *
 * <p>The engine skips rules for files that did not parse, sets the effective severity (rule
 * default, per-finding override, then the user's {@code --severity}/{@code --disable}), and
 * converts each {@link dev.polpocheck.validate.Target} to line/column spans.
 */
package dev.polpocheck.validate;
