package dev.polpocheck.validate.rules;

import dev.polpocheck.config.EnvReferences;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;

/**
 * {@code polpo/env/unsupported-syntax}: shell, Compose, OpenTelemetry or LiteLLM reference syntax
 * that Polpo does not understand, and (as info) non-portable variable names.
 */
final class EnvUnsupportedSyntaxRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/env/unsupported-syntax",
          Severity.WARNING,
          "Environment reference syntax Polpo does not support ($VAR, ${VAR:-x}, ...)",
          "Polpo knows exactly one form, ${NAME} with NAME made of letters, digits and "
              + "underscores. It has no $VAR, no defaults or error forms (${VAR:-x}, ${VAR-x}, "
              + "${VAR:?x}, ${VAR:+x}), no ${env:VAR}, no os.environ/VAR, no $$ escape, and no "
              + "blanks inside the braces. Such text is used literally, or, in a whole-value "
              + "notification field, taken as a variable name that is never set, so the value "
              + "becomes empty. A name starting with a digit works in Polpo but not in shells or "
              + "env files of other tools (reported as info).",
          FileKind.POLPO,
          FileKind.AGENTS,
          FileKind.TEAMS,
          FileKind.AUTH_PROFILES);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    for (EnvScans.Scanned s : EnvScans.of(ctx)) {
      for (EnvReferences.Issue i : s.scan().issues()) {
        Target at = Target.inString(s.pointer(), i.start(), i.end());
        if (i.kind() == EnvReferences.Kind.NON_PORTABLE_NAME) {
          ctx.report(
              Finding.of(
                      at,
                      "variable name "
                          + i.name()
                          + " starts with a digit: Polpo accepts it, "
                          + "but shells and most env-file tools cannot set it",
                      "use a name starting with a letter or underscore")
                  .withSeverity(Severity.INFO));
          continue;
        }
        if (!i.kind().isUnsupportedSyntax()) {
          continue;
        }
        if (i.kind() == EnvReferences.Kind.DOLLAR_NAME && ConfigView.isProse(s.pointer())) {
          continue;
        }
        String outcome =
            i.becomesEmpty()
                ? "Polpo takes the whole text between ${ and } as one variable name, which is "
                    + "never set, so the value becomes empty"
                : s.fieldClass() == EnvReferences.FieldClass.INLINE
                        && i.kind() == EnvReferences.Kind.DOUBLE_DOLLAR
                    ? "Polpo still expands the inner ${" + i.name() + "} and keeps the extra $"
                    : "Polpo uses the text literally";
        Finding f = Finding.of(at, describe(i) + " is not supported: " + outcome, help(i));
        if (!i.name().isEmpty() && i.kind() != EnvReferences.Kind.UNTERMINATED) {
          f = f.withSuggestion("${" + i.name() + "}");
        }
        ctx.report(f);
      }
    }
  }

  private static String describe(EnvReferences.Issue i) {
    String n = i.name();
    switch (i.kind()) {
      case DOLLAR_NAME:
        return "$" + n + " without braces";
      case DEFAULT_IF_EMPTY:
        return "the default form ${" + n + ":-…}";
      case DEFAULT_IF_UNSET:
        return "the default form ${" + n + "-…}";
      case ERROR_IF_EMPTY:
        return "the error form ${" + n + ":?…}";
      case ERROR_IF_UNSET:
        return "the error form ${" + n + "?…}";
      case ALTERNATE:
        return "the alternative form ${" + n + ":+…}";
      case SPACES:
        return "blanks inside ${ " + n + " }";
      case ENV_PREFIX:
        return "the ${env:" + n + "} form";
      case OS_ENVIRON:
        return "the LiteLLM form os.environ/" + n;
      case DOUBLE_DOLLAR:
        return "$${…} (it is not an escape in Polpo)";
      case UNTERMINATED:
        return "an unterminated ${";
      default:
        return "a ${…} that holds no variable name";
    }
  }

  private static String help(EnvReferences.Issue i) {
    switch (i.kind()) {
      case DEFAULT_IF_EMPTY:
      case DEFAULT_IF_UNSET:
      case ALTERNATE:
        return "Polpo has no defaults: write ${"
            + i.name()
            + "} and make sure the variable is "
            + "set (for example in a git-ignored .polpo/.env)";
      case ERROR_IF_EMPTY:
      case ERROR_IF_UNSET:
        return "Polpo never fails on a missing variable; write ${"
            + i.name()
            + "} and run "
            + "polpo-check validate --require-env in CI to catch it";
      case UNTERMINATED:
        return "close the reference with }";
      case DOUBLE_DOLLAR:
        return "write ${" + i.name() + "} if you want it expanded; there is no way to escape it";
      case INVALID_NAME:
        return "a name is letters, digits and underscores only: ${NAME}";
      default:
        return "write ${" + (i.name().isEmpty() ? "NAME" : i.name()) + "}";
    }
  }
}
