package dev.polpocheck.validate.rules;

import dev.polpocheck.config.EnvReferences;
import dev.polpocheck.config.Environment;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.util.regex.Pattern;

/**
 * {@code polpo/env/unresolved}: a {@code ${NAME}} Polpo expands whose variable is unset or empty; a
 * warning in the static pass (which cannot know), an error in the resolved pass.
 */
final class EnvUnresolvedRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/env/unresolved",
          Severity.WARNING,
          "${VAR} whose variable is unset or empty (Polpo silently uses \"\")",
          "Polpo never fails on a missing variable: an unset or empty ${NAME} silently becomes "
              + "the empty string, and the notification or credential that needed it stops "
              + "working at run time. The static pass (the default, used by pre-commit) does not "
              + "read the environment, so it warns about every expanded reference it cannot "
              + "check. The resolved pass (--env-file FILE, --env KEY=VAL or --require-env) reads "
              + "the process environment and the env file with Polpo's precedence and reports "
              + "each unset or empty variable as an error. Values are never printed.",
          FileKind.POLPO,
          FileKind.AGENTS,
          FileKind.TEAMS);

  /**
   * The provider credential fields Polpo 0.3.x never reads: the documented string form {@code
   * providers.<name>} and {@code providers.<name>.apiKey}. parseProviders copies only baseUrl, api
   * and models (src/core/config.ts:112-127 @ alemicali/polpo-zhc 898e166), so whether
   * their variable is set changes nothing.
   */
  private static final Pattern NEVER_READ_PROVIDER_KEY =
      Pattern.compile("/providers/[^/]+(/apiKey)?");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    Environment env = ctx.environment();
    for (EnvScans.Scanned s : EnvScans.of(ctx)) {
      if (ctx.kind() == FileKind.POLPO && NEVER_READ_PROVIDER_KEY.matcher(s.pointer()).matches()) {
        continue; // 0.3.x never reads it: polpo/providers/api-key-ignored says so, once
      }
      for (EnvReferences.Reference r : s.scan().references()) {
        Target at = Target.inString(s.pointer(), r.start(), r.end());
        String ref = "${" + r.name() + "}";
        switch (env.state(r.name())) {
          case SET:
            break;
          case UNKNOWN:
            ctx.report(
                Finding.of(
                    at,
                    ref
                        + " is not checked in the static pass; if "
                        + r.name()
                        + " is unset or empty when Polpo runs, Polpo silently uses \"\"",
                    "run polpo-check validate --env-file .polpo/.env or --require-env where "
                        + "the variable is set (CI, deploy) to check it"));
            break;
          case EMPTY:
            ctx.report(
                Finding.of(
                        at,
                        ref + ": " + r.name() + " is set but empty, so Polpo uses \"\"",
                        "give "
                            + r.name()
                            + " a value in the environment or in .polpo/.env "
                            + "(an empty process variable is overwritten by the file)")
                    .withSeverity(Severity.ERROR));
            break;
          default:
            ctx.report(
                Finding.of(
                        at,
                        ref + ": " + r.name() + " is not set, so Polpo uses \"\"",
                        "set " + r.name() + " in the environment or in a git-ignored .polpo/.env")
                    .withSeverity(Severity.ERROR));
            break;
        }
      }
    }
  }
}
