package dev.polpocheck.validate.rules;

import dev.polpocheck.config.Environment;
import dev.polpocheck.json.JsonReader;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Runs one rule over JSON text the way the engine does, for the rule tests of this package. */
final class RuleHarness {

  /** A fixed "now" for time-dependent rules: 2026-11-25T12:00:00Z = 1 795 608 000 000 ms. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  private RuleHarness() {}

  static List<Finding> run(Rule rule, FileKind kind, String json) {
    return run(rule, kind, json, Environment.staticPass(), null);
  }

  static List<Finding> run(Rule rule, FileKind kind, String json, Environment env) {
    return run(rule, kind, json, env, null);
  }

  static List<Finding> run(Rule rule, FileKind kind, String json, Environment env, Path path) {
    RuleContext ctx =
        new RuleContext(path, kind.basename(), kind, JsonReader.parse(kind.basename(), json))
            .use(env, CLOCK);
    rule.check(ctx);
    return ctx.findings();
  }

  /** Renders a finding's texts, for "never contains" assertions. */
  static String text(Finding f) {
    return f.message() + "\n" + f.help() + "\n" + f.suggestion() + "\n" + f;
  }
}
