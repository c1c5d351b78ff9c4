package dev.polpocheck.validate.rules;

import dev.polpocheck.config.Environment;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import tools.jackson.databind.JsonNode;

/**
 * {@code storage: "postgres"} without a database URL: Polpo refuses to start. The static pass
 * cannot see {@code DATABASE_URL}, so there the finding is a warning saying so; the resolved pass
 * knows, and reports an error when the variable is unset or empty.
 */
public final class PostgresUrlRule implements Rule {
  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/settings/postgres-url",
          Severity.ERROR,
          "storage \"postgres\" without databaseUrl or DATABASE_URL",
          "parseSettings fails with `storage: \"postgres\" requires a databaseUrl in settings or"
              + " DATABASE_URL env var`. settings.databaseUrl counts when it is a non-empty string;"
              + " DATABASE_URL counts only in the resolved pass (--env-file, --env, --require-env),"
              + " because the static pass never reads the environment. In the static pass the"
              + " finding is therefore a warning.",
          FileKind.POLPO);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    JsonNode settings = ctx.root().path("settings");
    if (!"postgres".equals(settings.path("storage").asString(""))) {
      return;
    }
    JsonNode url = settings.get("databaseUrl");
    if (url != null && url.isString() && !url.asString().isEmpty()) {
      return;
    }
    Environment env = ctx.environment();
    if (!env.isResolved()) {
      ctx.report(
          Finding.of(
                  Target.value("/settings/storage"),
                  "storage \"postgres\" needs settings.databaseUrl or DATABASE_URL where Polpo"
                      + " runs; the static pass cannot check DATABASE_URL",
                  "add settings.databaseUrl, or run with --env-file/--require-env to check"
                      + " DATABASE_URL")
              .withSeverity(Severity.WARNING));
    } else if (env.state("DATABASE_URL") != Environment.State.SET) {
      ctx.report(
          Finding.of(
              Target.value("/settings/storage"),
              "storage \"postgres\" has no database URL: settings.databaseUrl is missing and"
                  + " DATABASE_URL is "
                  + (env.state("DATABASE_URL") == Environment.State.EMPTY ? "empty" : "unset")
                  + "; Polpo refuses to start",
              "set DATABASE_URL (for example in a git-ignored .polpo/.env) or"
                  + " settings.databaseUrl"));
    }
  }
}
