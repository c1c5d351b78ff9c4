package dev.polpocheck.validate;

import dev.polpocheck.config.Environment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Test helper: validates JSON text with every registered rule and returns the diagnostics, so rule
 * tests assert on what users see (rule id, position, message), not on internals.
 */
public final class RuleTesting {
  /** A fixed clock for time-dependent checks: 2026-11-25T12:00:00Z. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  private static final Schemas SCHEMAS = new Schemas();

  private RuleTesting() {}

  /** All diagnostics of {@code json} as a file of {@code kind}, static pass. */
  public static List<Diagnostic> run(FileKind kind, String json) {
    return run(kind, json, Environment.staticPass());
  }

  /** All diagnostics of {@code json} as a file of {@code kind} in the given environment. */
  public static List<Diagnostic> run(FileKind kind, String json, Environment env) {
    Validator v = new Validator(SCHEMAS, Rules.checks(), RuleConfig.DEFAULTS, env, CLOCK);
    return v.validateText(kind.basename(), kind, json).diagnostics();
  }

  /** Only the diagnostics of one rule. */
  public static List<Diagnostic> only(String rule, List<Diagnostic> all) {
    return all.stream().filter(d -> d.rule().equals(rule)).collect(Collectors.toList());
  }

  /** The diagnostics of one rule for {@code json}. */
  public static List<Diagnostic> run(String rule, FileKind kind, String json) {
    return only(rule, run(kind, json));
  }
}
