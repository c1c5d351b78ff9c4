package dev.polpocheck.validate.rules;

import dev.polpocheck.config.EnvReferences;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;

/** {@code polpo/env/not-interpolated}: a {@code ${NAME}} that Polpo will use literally. */
final class EnvNotInterpolatedRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/env/not-interpolated",
          Severity.WARNING,
          "${VAR} in a place where Polpo does not expand it",
          "polpo.json has no general interpolation. Polpo expands ${NAME} only in notification "
              + "channel secrets and URLs (slack webhookUrl and apiKey, email apiKey, telegram "
              + "botToken and chatId, webhook url and headers), and there only when the whole "
              + "value is one reference. Anywhere else, or inline in a longer value, the text "
              + "${NAME} is used literally. Put the value itself in the file (if it is not a "
              + "secret) or move the setting to the environment.",
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
        if (i.kind() == EnvReferences.Kind.NOT_EXPANDED) {
          ctx.report(
              at,
              "${" + i.name() + "} is not expanded here: Polpo uses the text literally",
              "Polpo expands ${VAR} only in notification channel secrets and URLs; set this "
                  + "value directly, or read it from the environment in your own tooling");
        } else if (i.kind() == EnvReferences.Kind.INLINE_IN_WHOLE_VALUE) {
          String what =
              i.becomesEmpty()
                  ? "the value starts with ${ and ends with }, so Polpo takes everything between "
                      + "as one variable name, which is never set: the value becomes empty"
                  : "this field is expanded only when the whole value is one ${VAR}: the text is "
                      + "used literally";
          ctx.report(
              at,
              "${" + i.name() + "} inside a longer value is not expanded; " + what,
              "make the whole value one reference (\"${"
                  + i.name()
                  + "}\") and put the full "
                  + "value in that variable");
        }
      }
    }
  }
}
