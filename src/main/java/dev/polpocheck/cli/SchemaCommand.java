package dev.polpocheck.cli;

import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Schemas;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code polpo-check schema NAME}: prints one of the published JSON Schemas. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description =
        "Print a JSON Schema: polpo, agents, teams or auth-profiles (Polpo 0.3.x); project,"
            + " agent, team, agents-upstream or teams-upstream (upstream).",
    footerHeading = "%nExample:%n",
    footer = "  polpo-check schema polpo > polpo.schema.json")
public final class SchemaCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "NAME",
      description =
          "polpo, agents, teams, auth-profiles, project, agent, team, agents-upstream or"
              + " teams-upstream.")
  String name;

  @Override
  public Integer call() {
    String id = name.replaceFirst("\\.schema\\.json$", "").replaceFirst("\\.json$", "");
    String file =
        FileKind.fromId(id)
            .map(FileKind::schemaFile)
            .or(
                () ->
                    id.equals("agents-upstream") || id.equals("teams-upstream")
                        ? java.util.Optional.of(id + ".schema.json")
                        : java.util.Optional.empty())
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "unknown schema \""
                            + name
                            + "\"; expected polpo, agents, teams, auth-profiles, project, agent,"
                            + " team, agents-upstream or teams-upstream"));
    spec.commandLine().getOut().print(Schemas.text(file));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
