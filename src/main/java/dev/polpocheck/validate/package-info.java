/**
 * Validation of Polpo files: schema checks and lint rules producing {@link
 * dev.polpocheck.validate.Diagnostic}s, and the reporters that render them.
 *
 * <h2>How to add a rule</h2>
 *
 * <ol>
 *   <li>Write a final class implementing {@link dev.polpocheck.validate.Rule} in {@code
 *       dev.polpocheck.validate.rules}. Give it a {@link dev.polpocheck.validate.RuleDescriptor}
 *       with a stable id ({@code polpo/<area>/<name>}), a default severity, a one-line summary, a
 *       documentation paragraph (what Polpo does, why it matters, how to fix) and the file kinds it
 *       applies to.
 *   <li>In {@code check(RuleContext ctx)} walk {@code ctx.root()} (a Jackson 3 {@code JsonNode},
 *       duplicate keys already resolved last-wins as Polpo does) and call {@code
 *       ctx.report(Finding.of(Target.key(pointer) | Target.value(pointer) |
 *       Target.inString(pointer, from, to), message, help))}. Build pointers with {@code
 *       PositionIndex.child(parent, key)}. Point at the key when the member's presence or name is
 *       the problem, at the value when its content is.
 *   <li>Never put a value from the file or the environment into a message, help or suggestion
 *       unless the value is known to be harmless (an enum member, a key name, a variable name).
 *       Secrets must not reach any output.
 *   <li>Use {@code ctx.environment()} (static or resolved pass) and {@code ctx.clock()} for checks
 *       that depend on the machine or the time, and {@code ctx.markSecret(pointer)} when a value
 *       must be masked in code frames.
 *   <li>Add it to its family's list ({@code ValidateRules.all()} or {@code ConfigRules.all()});
 *       {@code Rules.CHECKS} concatenates the families.
 *   <li>Test it with a failing and a passing case (see {@code RuleTesting} in the tests).
 * </ol>
 *
 * <p>A check that is a plain schema constraint needs no class: tag the schema object with {@code
 * "x-rule": "polpo/area/name"} (or {@code x-rule-required} for a missing key) and register a
 * descriptor in {@code SchemaRules}; the engine reports the schema error under that id. A
 * documented-but-ignored key is a deprecated schema property with a {@code deprecationMessage} and
 * an {@code x-rule}; its message lives in {@code DeprecatedKeys}. When a lint rule reports a
 * constraint better than the schema can, tag the schema object {@code "x-checked-by": RULE} and the
 * schema error is dropped instead of repeated.
 *
 * <p>The engine skips rules for files that did not parse, sets the effective severity (rule
 * default, per-finding override, then the user's {@code --severity}/{@code --disable}), and
 * converts each {@link dev.polpocheck.validate.Target} to line/column spans.
 */
package dev.polpocheck.validate;
