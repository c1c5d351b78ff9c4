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
    description = "Print a JSON Schema: polpo, agents, teams or auth-profiles.",
    footerHeading = "%nExample:%n",
    footer = "  polpo-check schema polpo > polpo.schema.json")
public final class SchemaCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "polpo, agents, teams or auth-profiles.")
  String name;

  @Override
  public Integer call() {
    String id = name.replaceFirst("\\.schema\\.json$", "").replaceFirst("\\.json$", "");
    FileKind kind =
        FileKind.fromId(id)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "unknown schema \""
                            + name
                            + "\"; expected polpo, agents, teams or auth-profiles"));
    spec.commandLine().getOut().print(Schemas.text(kind));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
