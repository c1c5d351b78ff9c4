package dev.polpocheck.cli;

import dev.polpocheck.IoErrors;
import dev.polpocheck.UserInputException;
import dev.polpocheck.config.AuthProfileProviders;
import dev.polpocheck.config.EnvFile;
import dev.polpocheck.config.Environment;
import dev.polpocheck.config.Suggestions;
import dev.polpocheck.redact.RedactingWriter;
import dev.polpocheck.redact.Redactor;
import dev.polpocheck.validate.Diagnostic;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.FileResult;
import dev.polpocheck.validate.PolpoTarget;
import dev.polpocheck.validate.ProjectLayout;
import dev.polpocheck.validate.RuleConfig;
import dev.polpocheck.validate.RuleConfigFile;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Rules;
import dev.polpocheck.validate.Schemas;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Validator;
import dev.polpocheck.validate.report.Format;
import dev.polpocheck.validate.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polpo-check validate}: checks Polpo files and reports findings in one format. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Validate Polpo config files (polpo.json, agents.json, teams.json, auth-profiles.json;"
          + " upstream's project.json, agents/<id>/agent.json, teams/<id>.json) against their"
          + " schemas and Polpo's real behaviour.",
      "Directories expand to the Polpo files in them or in their .polpo/ folder."
          + " Without arguments, validates the current directory and its .polpo/ folder.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  polpo-check validate .polpo/polpo.json .polpo/agents.json",
      "  polpo-check validate --format sarif --output polpo.sarif .",
      "  polpo-check validate --env-file .polpo/.env --require-env .polpo",
      "  polpo-check validate --disable polpo/config/unknown-key .",
      "  polpo-check validate --severity polpo/settings/storage-ignored=error .",
      "  polpo-check validate --polpo upstream .polpo",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no findings at or above the threshold (warnings alone pass unless --strict)",
      "1:findings at or above the threshold",
      "2:usage error (bad option or argument)",
      "3:could not run (unreadable file, directory without Polpo files, internal error)"
    })
public final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Set when {@link DirectValidate} runs this command without picocli (then spec is null). */
  Direct direct;

  /** The masked standard output and the run's masker of a run without picocli. */
  record Direct(PrintWriter out, Redactor redactor) {}

  /**
   * A usage error in a run without picocli: {@link DirectValidate} hands the arguments to picocli,
   * which finds it again and reports it as every other usage error.
   */
  static final class DirectUsageError extends RuntimeException {
    DirectUsageError(String message) {
      super(message, null, false, false);
    }
  }

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Files or directories (default: the current directory and its .polpo/).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "text, json, sarif, github or junit (default: text, or github when"
              + " GITHUB_ACTIONS=true).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description =
          "Treat every file as polpo, agents, teams, auth-profiles, project, agent or team"
              + " instead of deciding by file name.")
  String kind;

  @Option(
      names = "--polpo",
      paramLabel = "LINE",
      description =
          "Polpo line to validate against: 0.3 or upstream (default: upstream when a path is, or"
              + " sits in a .polpo/ folder with, a project.json with schemaVersion 2, an"
              + " agents/<id>/agent.json or a teams/<id>.json; else 0.3).")
  String polpo;

  @Option(names = "--strict", description = "Fail on warnings too (same as --fail-on warning).")
  boolean strict;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "Lowest severity that fails the run: error (default), warning or info.")
  String failOn = "error";

  @Option(names = "--no-snippet", description = "One line per finding, without code frames.")
  boolean noSnippet;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      description =
          "auto (default: only on a terminal, honouring NO_COLOR and TERM=dumb),"
              + " always or never.")
  String color = "auto";

  @Option(
      names = "--disable",
      paramLabel = "RULE",
      description = "Do not report RULE" + " (repeatable).")
  List<String> disable = new ArrayList<>();

  @Option(
      names = "--severity",
      paramLabel = "RULE=LEVEL",
      description = "Report RULE at LEVEL: error, warning or info (repeatable).")
  Map<String, String> severities = new LinkedHashMap<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Rule settings file: {\"disable\": [RULE...], \"severity\":"
              + " {RULE: LEVEL}}; --disable and --severity add to and override it.")
  Path rulesFile;

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      description = "Resolved pass: read variables from FILE, parsed like Polpo's .polpo/.env.")
  Path envFile;

  @Option(
      names = "--env",
      paramLabel = "KEY=VAL",
      description = "Resolved pass: set a variable (repeatable); overrides the environment.")
  Map<String, String> envPairs = new LinkedHashMap<>();

  @Option(
      names = "--require-env",
      description = "Resolved pass using the process environment; unresolved references fail.")
  boolean requireEnv;

  @Option(
      names = "--auth-profiles",
      paramLabel = "FILE",
      description = "Count the providers of this auth-profiles.json as credential sources.")
  Path authProfiles;

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      description = "Current time for expiry checks, ISO-8601 (default: the system clock).")
  String now;

  @Override
  public Integer call() {
    // Before anything can quote a flag back: a --env value is a secret wherever it shows up.
    Redactor redactor = direct != null ? direct.redactor() : PolpoCheckCommand.redactor(spec);
    redactor.addSecrets(envPairs.values());
    Severity threshold = threshold(strict, parseSeverity(failOn, "--fail-on"));
    Format chosen = chooseFormat();
    FileKind forced =
        kind == null
            ? null
            : FileKind.fromId(kind)
                .orElseThrow(
                    () ->
                        usage(
                            "unknown --kind \""
                                + kind
                                + "\"; expected polpo, agents, teams, auth-profiles, project,"
                                + " agent or team"));
    PolpoTarget target = chooseTarget();
    if (forced != null && !target.reads(forced)) {
      throw usage(
          "--kind "
              + forced.id()
              + " is a file of upstream Polpo's layout v2, which "
              + target.label()
              + " does not read; use --polpo upstream");
    }
    RuleConfig rules = ruleConfig();
    for (String name : envPairs.keySet()) {
      // Polpo's reference grammar is ${\w+}: any other name could never be referenced.
      if (!name.matches("\\w+")) {
        throw usage(
            "--env needs KEY=VALUE with a KEY of letters, digits and underscores; got a key of "
                + name.length()
                + " character(s)");
      }
    }
    Environment env = environment(redactor);
    Clock clock = clock();
    List<Input> inputs = expand(forced, rules, target);
    Validator validator = new Validator(new Schemas(), Rules.checks(), rules, env, clock, target);
    if (polpo == null) {
      validator = validator.withUpstreamHints();
    }
    List<Path> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<FileKind> kinds = new ArrayList<>();
    for (Input t : inputs) {
      if (t.missing == null) {
        files.add(t.path);
        names.add(t.display);
        kinds.add(t.kind);
      }
    }
    KnownSecrets.registerFiles(redactor, env, files);
    List<FileResult> checked = validator.validateAll(files, names, kinds);
    List<FileResult> results = new ArrayList<>();
    int next = 0;
    for (Input t : inputs) {
      results.add(t.missing != null ? t.missing : checked.get(next++));
    }
    Report report =
        new Report(results, Rules.descriptors(), VersionProvider.version(), threshold, target);
    boolean useColor = useColor();
    Format.Options options = new Format.Options(!noSnippet, useColor);
    if (output != null) {
      try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
          PrintWriter pw = new PrintWriter(new RedactingWriter(w, redactor))) {
        chosen.reporter(options).write(report, pw);
      } catch (IOException e) {
        throw new UserInputException(output + ": cannot write the report: " + IoErrors.why(e));
      }
    } else {
      PrintWriter out = direct != null ? direct.out() : spec.commandLine().getOut();
      chosen.reporter(options).write(report, out);
    }
    return exitCode(results, threshold);
  }

  /**
   * The lowest severity that fails the run: {@code --fail-on}, lowered to warning by {@code
   * --strict} (so {@code --strict --fail-on info} keeps info).
   */
  static Severity threshold(boolean strict, Severity failOn) {
    return strict && failOn != Severity.INFO ? Severity.WARNING : failOn;
  }

  /** 3 when a file could not be read, else 1 when a finding reaches the threshold, else 0. */
  static int exitCode(List<FileResult> results, Severity threshold) {
    boolean findings = false;
    for (FileResult r : results) {
      if (!r.readable()) {
        return ExitCodes.IO_OR_INTERNAL;
      }
      for (Diagnostic d : r.diagnostics()) {
        findings |= d.severity().atLeast(threshold);
      }
    }
    return findings ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** {@code github} when running in GitHub Actions, else {@code text}. */
  static Format defaultFormat(Map<String, String> env) {
    return "true".equalsIgnoreCase(env.getOrDefault("GITHUB_ACTIONS", ""))
        ? Format.GITHUB
        : Format.TEXT;
  }

  /** The --polpo line, or the one the paths belong to (see {@link ProjectLayout#detect}). */
  private PolpoTarget chooseTarget() {
    if (polpo == null) {
      return ProjectLayout.detect(paths.isEmpty() ? List.of(Path.of(".")) : paths);
    }
    return PolpoTarget.fromId(polpo)
        .orElseThrow(() -> usage("unknown --polpo \"" + polpo + "\"; expected 0.3 or upstream"));
  }

  private Format chooseFormat() {
    if (format == null) {
      return defaultFormat(System.getenv());
    }
    return Format.fromId(format)
        .orElseThrow(
            () ->
                usage(
                    "unknown --format \""
                        + format
                        + "\"; expected text, json, sarif, github or junit"));
  }

  private boolean useColor() {
    switch (color) {
      case "always":
        return true;
      case "never":
        return false;
      case "auto":
        return output == null
            && System.console() != null
            && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));
      default:
        throw usage("unknown --color \"" + color + "\"; expected auto, always or never");
    }
  }

  private RuleConfig ruleConfig() {
    Map<String, RuleDescriptor> known = Rules.byId();
    Set<String> off = new LinkedHashSet<>();
    for (String id : disable) {
      off.add(knownRule(id, known));
    }
    Map<String, Severity> levels = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : severities.entrySet()) {
      levels.put(knownRule(e.getKey(), known), parseSeverity(e.getValue(), "--severity"));
    }
    RuleConfig flags = new RuleConfig(off, levels);
    return rulesFile == null ? flags : RuleConfigFile.merge(RuleConfigFile.read(rulesFile), flags);
  }

  private String knownRule(String id, Map<String, RuleDescriptor> known) {
    if (known.containsKey(id)) {
      return id;
    }
    List<String> close = Suggestions.rank(id, known.keySet());
    throw usage(
        "unknown rule \""
            + id
            + "\""
            + (close.isEmpty() ? "" : "; did you mean \"" + close.get(0) + "\"?")
            + " (polpo-check rules lists them)");
  }

  private Severity parseSeverity(String value, String option) {
    try {
      return Severity.parse(value);
    } catch (IllegalArgumentException e) {
      throw usage(option + ": " + e.getMessage());
    }
  }

  /** The environment of the run; every secret value it holds is registered with the masker. */
  private Environment environment(Redactor redactor) {
    EnvFile file = envFile == null ? null : EnvFile.read(envFile);
    KnownSecrets.registerEnvironment(redactor, envPairs, file);
    Environment env =
        envFile != null || !envPairs.isEmpty() || requireEnv
            ? Environment.resolved(System.getenv(), file, envPairs)
            : Environment.staticPass();
    if (authProfiles != null) {
      KnownSecrets.registerFiles(redactor, env, List.of(authProfiles));
      env = env.withAuthProfiles(AuthProfileProviders.read(authProfiles));
    }
    return env;
  }

  private Clock clock() {
    if (now == null) {
      return Clock.systemUTC();
    }
    try {
      return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw usage(
          "--now: \"" + now + "\" is not an ISO-8601 instant such as" + " 2026-11-25T12:00:00Z");
    }
  }

  /** One file to validate, or a ready-made result for a path that could not be used. */
  private record Input(Path path, String display, FileKind kind, FileResult missing) {}

  private List<Input> expand(FileKind forced, RuleConfig rules, PolpoTarget target) {
    List<Path> inputs = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    List<Input> out = new ArrayList<>();
    for (Path p : inputs) {
      String display = p.toString();
      if (Files.isDirectory(p)) {
        List<Input> found = new ArrayList<>();
        for (Path dir : List.of(p, p.resolve(".polpo"))) {
          for (ProjectLayout.Found f : ProjectLayout.files(dir, target)) {
            if (forced == null || forced == f.kind()) {
              found.add(new Input(f.path(), f.path().toString(), f.kind(), null));
            }
          }
        }
        Path polpoDir =
            p.getFileName() != null && p.getFileName().toString().equals(".polpo")
                ? p
                : p.resolve(".polpo");
        boolean hasPolpoJson = found.stream().anyMatch(t -> t.kind == FileKind.POLPO);
        boolean hasAgentsOrTeams =
            found.stream()
                .anyMatch(
                    t ->
                        t.path.startsWith(polpoDir)
                            && (t.kind == FileKind.AGENTS || t.kind == FileKind.TEAMS));
        Optional<Severity> level =
            rules.effective(Rules.UNPARSABLE.id(), null, Rules.UNPARSABLE.defaultSeverity());
        // Polpo 0.3.x stops without polpo.json; upstream falls back to defaults (its
        // readPolpoConfig returns null), so the check is 0.3.x's only.
        if (target == PolpoTarget.V03
            && forced == null
            && hasAgentsOrTeams
            && !hasPolpoJson
            && level.isPresent()) {
          out.add(
              new Input(
                  null,
                  null,
                  FileKind.POLPO,
                  missingPolpoJson(polpoDir.resolve("polpo.json").toString(), level.get())));
        }
        if (found.isEmpty()) {
          out.add(
              new Input(
                  p,
                  display,
                  FileKind.POLPO,
                  unreadable(
                      display,
                      "directory has no Polpo file (looked for "
                          + (target == PolpoTarget.V03
                              ? "polpo.json, agents.json, teams.json and auth-profiles.json"
                              : "project.json, polpo.json, agents.json, teams.json,"
                                  + " agents/<id>/agent.json, teams/<id>.json and"
                                  + " auth-profiles.json")
                          + " in it and in its .polpo/ folder)")));
        }
        out.addAll(found);
      } else if (!Files.exists(p)
          && forced == null
          && ProjectLayout.kindOf(p, target).isEmpty()
          && ProjectLayout.upstreamOnlyName(p).isEmpty()) {
        out.add(
            new Input(
                p, display, FileKind.POLPO, unreadable(display, "no such file or" + " directory")));
      } else {
        FileKind k =
            forced != null
                ? forced
                : ProjectLayout.kindOf(p, target).orElseThrow(() -> unknownFile(display, p));
        out.add(new Input(p, display, k, null));
      }
    }
    return out;
  }

  private RuntimeException unknownFile(String display, Path p) {
    if (ProjectLayout.upstreamOnlyName(p).isPresent()) {
      return usage(
          display
              + ": a file of upstream Polpo's layout v2, which Polpo 0.3.x does not read; use"
              + " --polpo upstream");
    }
    return usage(
        display
            + ": cannot tell which Polpo file this is from its name; name it polpo.json,"
            + " agents.json, teams.json, auth-profiles.json, project.json, agent.json or"
            + " teams/<id>.json, or pass --kind");
  }

  /** A .polpo/ folder with agents or teams but no polpo.json: Polpo will not start. */
  private static FileResult missingPolpoJson(String display, Severity level) {
    RuleDescriptor d = Rules.UNPARSABLE;
    Diagnostic diag =
        new Diagnostic(
            d.id(),
            level,
            "polpo.json is missing next to"
                + " agents.json/teams.json; Polpo stops with \"No configuration found\"",
            display,
            "",
            0,
            0,
            0,
            0,
            "create it (polpo init writes one) with at least {}",
            null,
            d.docsUrl());
    return new FileResult(display, FileKind.POLPO, List.of(diag), null, List.of(), true);
  }

  private static FileResult unreadable(String display, String message) {
    RuleDescriptor d = Rules.UNREADABLE;
    Diagnostic diag =
        new Diagnostic(
            d.id(), Severity.ERROR, message, display, "", 0, 0, 0, 0, null, null, d.docsUrl());
    return new FileResult(display, FileKind.POLPO, List.of(diag), null, List.of(), false);
  }

  private RuntimeException usage(String message) {
    return direct != null
        ? new DirectUsageError(message)
        : new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
