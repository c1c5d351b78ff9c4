package dev.polpocheck.cli;

import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Rules;
import java.io.PrintWriter;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code polpo-check rules [RULE]}: lists every rule, or documents one. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description =
        "List the validation rules (id, default severity, summary), or show one"
            + " rule's documentation.")
public final class RulesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RULE", arity = "0..1", description = "A rule id to document.")
  String rule;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (rule != null) {
      RuleDescriptor d =
          Rules.find(rule)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          "unknown rule \"" + rule + "\" (polpo-check rules lists them)"));
      TreeSet<String> kinds = new TreeSet<>();
      for (FileKind k : d.kinds()) {
        kinds.add(k.basename());
      }
      out.println(d.id() + " (" + d.defaultSeverity().label() + ")");
      out.println(d.summary());
      out.println();
      out.println(d.documentation());
      out.println();
      out.println("Files: " + String.join(", ", kinds));
      out.println("Docs:  " + d.docsUrl());
    } else {
      int width = 0;
      for (RuleDescriptor d : Rules.descriptors()) {
        width = Math.max(width, d.id().length());
      }
      for (RuleDescriptor d : Rules.descriptors()) {
        out.printf(
            "%-" + width + "s  %-7s  %s%n", d.id(), d.defaultSeverity().label(), d.summary());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
