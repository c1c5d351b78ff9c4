package dev.polpocheck.validate;

import dev.polpocheck.config.Environment;
import dev.polpocheck.json.DuplicateKey;
import dev.polpocheck.json.JsonDocument;
import dev.polpocheck.json.JsonReadException;
import dev.polpocheck.json.JsonReader;
import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.json.Span;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The validation engine: reads one file, checks it against its schema and every lint rule, and
 * returns positioned {@link Diagnostic}s with the user's severities applied.
 *
 * <p>Order of work: decode and parse (a failure is one {@code polpo/config/unparsable} finding and
 * nothing else runs, because nothing else would be meaningful); byte-order mark and duplicate keys;
 * schema; deprecated keys (schema annotations); lint rules. A validator holds compiled schemas and
 * is reused for every file of a run.
 */
public final class Validator {
  private static final Pattern WHOLE_REFERENCE = Pattern.compile("\\$\\{\\w+}");

  /** Smallest number of files validated in parallel. */
  public static final int PARALLEL_FROM = 16;

  private final Schemas schemas;
  private final List<Rule> rules;
  private final RuleConfig config;
  private final Map<String, RuleDescriptor> descriptors;
  private final Environment environment;
  private final Clock clock;
  private final PolpoTarget target;
  /** Whether the target was detected, not chosen: see {@link UpstreamKeyHints}. */
  private final boolean upstreamHints;

  /** A validator for Polpo 0.3.x; see the full constructor. */
  public Validator(
      Schemas schemas, List<Rule> rules, RuleConfig config, Environment environment, Clock clock) {
    this(schemas, rules, config, environment, clock, PolpoTarget.V03);
  }

  /**
   * A validator running {@code rules} with the user's {@code config}.
   *
   * @param environment static or resolved pass (see {@link Environment})
   * @param clock the run's clock, for time-dependent checks such as token expiry
   * @param target the Polpo line: picks each kind's schema and the rules that run
   */
  public Validator(
      Schemas schemas,
      List<Rule> rules,
      RuleConfig config,
      Environment environment,
      Clock clock,
      PolpoTarget target) {
    this(schemas, rules, config, environment, clock, target, false);
  }

  private Validator(
      Schemas schemas,
      List<Rule> rules,
      RuleConfig config,
      Environment environment,
      Clock clock,
      PolpoTarget target,
      boolean upstreamHints) {
    this.schemas = schemas;
    this.target = target;
    this.upstreamHints = upstreamHints && target == PolpoTarget.V03;
    List<Rule> applicable = new ArrayList<>();
    for (Rule r : rules) {
      if (r.targets().contains(target)) {
        applicable.add(r);
      }
    }
    this.rules = List.copyOf(applicable);
    this.config = config;
    this.descriptors = Rules.byId();
    this.environment = environment;
    this.clock = clock;
  }

  /**
   * This validator for a target that was detected from the files rather than chosen with {@code
   * --polpo}: an unknown key that upstream Polpo reads at the same place gets a help line naming
   * {@code --polpo upstream} ({@link UpstreamKeyHints}).
   */
  public Validator withUpstreamHints() {
    return new Validator(schemas, rules, config, environment, clock, target, true);
  }

  /**
   * A validator with every registered rule at its default severity, in the static pass, with the
   * given clock.
   */
  public static Validator withDefaults(Clock clock) {
    return new Validator(
        new Schemas(), Rules.checks(), RuleConfig.DEFAULTS, Environment.staticPass(), clock);
  }

  /**
   * Validates many files, in parallel from {@link #PARALLEL_FROM} files on, returning results in
   * input order (so output is identical to a sequential run).
   */
  public List<FileResult> validateAll(
      List<Path> paths, List<String> displayNames, List<FileKind> kinds) {
    return validateAll(paths, displayNames, kinds, paths.size() >= PARALLEL_FROM);
  }

  /**
   * Validates the files in parallel on the common fork-join pool, or one after the other; the
   * results are in input order either way. What the files share is read-only by then: the
   * compiled schemas (networknt 3 builds every validator of a schema when it compiles it, and the
   * config schemas have no {@code $ref} that could be resolved later), the parsed schema trees,
   * the rules (stateless), the bundled catalogs (built once, in holder classes), the environment
   * and the rule settings; each file gets its own document, rule contexts and per-file cache.
   */
  List<FileResult> validateAll(
      List<Path> paths, List<String> displayNames, List<FileKind> kinds, boolean parallel) {
    // Compile each schema once up front so parallel workers only read the caches.
    Set<FileKind> distinct = EnumSet.noneOf(FileKind.class);
    distinct.addAll(kinds);
    for (FileKind k : distinct) {
      schemas.validate(target.schemaFile(k), JsonNodeFactory.instance.nullNode());
    }
    IntStream indexes = IntStream.range(0, paths.size());
    // A pre-commit run checks a handful of files: starting the fork-join pool costs more
    // class loading than it saves there.
    if (parallel) {
      indexes = indexes.parallel();
    }
    return indexes
        .mapToObj(i -> validate(paths.get(i), displayNames.get(i), kinds.get(i)))
        .collect(Collectors.toList());
  }

  /** Validates a file on disk; {@code displayName} is how diagnostics name it. */
  public FileResult validate(Path path, String displayName, FileKind kind) {
    byte[] bytes;
    try {
      bytes = JsonReader.readBytes(path, displayName);
    } catch (JsonReadException e) {
      boolean unreadable = e.reason() == JsonReadException.Reason.UNREADABLE;
      return failed(displayName, kind, null, e, !unreadable, path);
    }
    return validateBytes(path, displayName, kind, bytes);
  }

  /** Validates in-memory text (tests, stdin). */
  public FileResult validateText(String displayName, FileKind kind, String text) {
    return validateBytes(null, displayName, kind, text.getBytes(StandardCharsets.UTF_8));
  }

  private FileResult validateBytes(Path path, String displayName, FileKind kind, byte[] bytes) {
    JsonDocument doc;
    try {
      doc = JsonReader.parse(displayName, bytes);
    } catch (JsonReadException e) {
      String text =
          e.reason() == JsonReadException.Reason.ENCODING
              ? null
              : new String(bytes, StandardCharsets.UTF_8);
      if (text != null && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return failed(displayName, kind, text, e, true, path);
    }
    List<Raw> raw = new ArrayList<>();
    if (doc.hadByteOrderMark()) {
      raw.add(
          new Raw(
              Rules.UNPARSABLE.id(),
              Finding.of(
                  Target.value(""),
                  "file starts with a UTF-8 byte-order mark; JSON.parse rejects it, so "
                      + consequence(kind, target),
                  "save the file as UTF-8 without a byte-order mark")));
    }
    for (DuplicateKey d : doc.duplicates()) {
      String parent = PositionIndex.parent(d.pointer());
      raw.add(
          new Raw(
              Rules.DUPLICATE_KEY.id(),
              null,
              d.ignored(),
              "duplicate key \""
                  + d.key()
                  + "\" in "
                  + (parent.isEmpty() ? "the top level" : SchemaErrors.where(parent))
                  + "; Polpo uses the last value (line "
                  + d.kept().line()
                  + "), this one (line "
                  + d.ignored().line()
                  + ") is ignored",
              "remove one of the two entries"));
    }
    String schemaFile = target.schemaFile(kind);
    JsonNode schemaTree = schemas.tree(schemaFile);
    Map<String, SchemaWalker.Pair> upstream = null;
    for (SchemaErrors.Mapped m :
        SchemaErrors.map(schemas.validate(schemaFile, doc.root()), schemaTree, doc.root())) {
      Finding f = m.finding();
      if (upstreamHints && m.rule().equals(Rules.UNKNOWN_KEY.id())) {
        if (upstream == null) {
          String upstreamFile = PolpoTarget.UPSTREAM.schemaFile(kind);
          upstream = SchemaWalker.applicable(schemas.tree(upstreamFile), doc.root());
        }
        f = UpstreamKeyHints.hint(f, upstream);
      }
      raw.add(new Raw(m.rule(), f));
    }
    List<int[]> secretRanges = new ArrayList<>();
    for (Map.Entry<String, SchemaWalker.Pair> e :
        SchemaWalker.applicable(schemaTree, doc.root()).entrySet()) {
      JsonNode s = e.getValue().schema();
      JsonNode value = e.getValue().value();
      boolean reference = value.isString() && WHOLE_REFERENCE.matcher(value.asString()).matches();
      // A whole ${VAR} reference names a variable; it is not itself a secret, so frames show it.
      if (s.path("x-secret").asBoolean(false) && !reference) {
        addSecret(doc, e.getKey(), secretRanges);
      }
      String rule = s.path("x-rule").asString("");
      if (s.has("deprecationMessage")
          && !rule.isEmpty()
          && !DeprecatedKeys.losesNothing(rule, e.getKey(), doc.root(), path)) {
        raw.add(new Raw(rule, DeprecatedKeys.finding(rule, e.getKey())));
      }
    }
    maskBySecretName(doc, secretRanges);
    Map<String, Object> perFile = new java.util.HashMap<>();
    for (Rule rule : rules) {
      if (!rule.descriptor().kinds().contains(kind)) {
        continue;
      }
      RuleContext ctx =
          new RuleContext(path, displayName, kind, doc)
              .use(environment, clock)
              .sharing(perFile)
              .in(target);
      rule.check(ctx);
      for (Finding f : ctx.findings()) {
        raw.add(new Raw(rule.descriptor().id(), f));
      }
      for (String p : ctx.secretPointers()) {
        addSecret(doc, p, secretRanges);
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Raw r : raw) {
      toDiagnostic(displayName, doc, r).ifPresent(out::add);
    }
    return new FileResult(displayName, kind, sorted(out), doc.text(), secretRanges, true);
  }

  /** A finding before positions are resolved; either a target or an explicit span. */
  private record Raw(String rule, Finding finding, Span span, String message, String help) {
    Raw(String rule, Finding finding) {
      this(rule, finding, null, null, null);
    }
  }

  private Optional<Diagnostic> toDiagnostic(String file, JsonDocument doc, Raw r) {
    RuleDescriptor d = descriptors.get(r.rule());
    if (d == null) {
      throw new IllegalStateException("finding under unregistered rule id " + r.rule());
    }
    Finding f = r.finding();
    Optional<Severity> sev =
        config.effective(d.id(), f == null ? null : f.severity(), d.defaultSeverity());
    if (sev.isEmpty()) {
      return Optional.empty();
    }
    if (f == null) {
      Span s = r.span();
      return Optional.of(
          new Diagnostic(
              d.id(),
              sev.get(),
              r.message(),
              file,
              "",
              s.line(),
              s.column(),
              s.endLine(),
              s.endColumn(),
              r.help(),
              null,
              d.docsUrl()));
    }
    Span s = Locator.locate(doc, f.target());
    return Optional.of(
        new Diagnostic(
            d.id(),
            sev.get(),
            f.message(),
            file,
            f.target().pointer(),
            s.line(),
            s.column(),
            s.endLine(),
            s.endColumn(),
            f.help(),
            f.suggestion(),
            d.docsUrl()));
  }

  /**
   * Key names that hold credentials in Polpo's files or in anything pasted into them. Values under
   * such keys are masked in code frames even where the schema does not apply (an unknown key, a
   * notification channel whose {@code type} is misspelt), as defence in depth.
   */
  private static final List<String> SECRET_KEY_PARTS =
      List.of(
          "key",
          "token",
          "secret",
          "password",
          "passwd",
          "access",
          "refresh",
          "authorization",
          "webhook",
          "databaseurl",
          "credential",
          "cookie",
          "vault");

  private static boolean secretName(String key) {
    String lower = key.toLowerCase(java.util.Locale.ROOT);
    for (String part : SECRET_KEY_PARTS) {
      if (lower.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static void maskBySecretName(JsonDocument doc, List<int[]> ranges) {
    for (Map.Entry<String, JsonNode> e : SchemaWalker.pointers(doc.root()).entrySet()) {
      String p = e.getKey();
      if (p.isEmpty()) {
        continue;
      }
      JsonNode v = e.getValue();
      boolean named = secretName(PositionIndex.lastToken(p));
      boolean underHeaders = PositionIndex.lastToken(PositionIndex.parent(p)).equals("headers");
      boolean reference = v.isString() && WHOLE_REFERENCE.matcher(v.asString()).matches();
      if ((named || underHeaders) && !v.isNumber() && !v.isBoolean() && !reference) {
        addSecret(doc, p, ranges);
      }
    }
  }

  private static void addSecret(JsonDocument doc, String pointer, List<int[]> ranges) {
    // A value may be marked twice (schema x-secret and a rule's markSecret): keep one range.
    doc.positions()
        .valueSpan(pointer)
        .ifPresent(
            s -> {
              boolean known =
                  ranges.stream().anyMatch(r -> r[0] == s.offset() && r[1] == s.endOffset());
              if (!known) {
                ranges.add(new int[] {s.offset(), s.endOffset()});
              }
            });
  }

  private FileResult failed(
      String file, FileKind kind, String text, JsonReadException e, boolean readable, Path path) {
    RuleDescriptor d = readable ? Rules.UNPARSABLE : Rules.UNREADABLE;
    Optional<Severity> sev =
        readable
            ? config.effective(d.id(), null, d.defaultSeverity())
            : Optional.of(Severity.ERROR);
    List<Diagnostic> out = new ArrayList<>();
    if (sev.isPresent()) {
      String message = readable ? e.detail() + "; " + consequence(kind, target) : e.detail();
      int line = e.line();
      int col = e.column();
      out.add(
          new Diagnostic(
              d.id(),
              sev.get(),
              message,
              file,
              "",
              line,
              col,
              line,
              line > 0 ? col + 1 : 0,
              readable ? hint(e) : null,
              null,
              d.docsUrl()));
    }
    return new FileResult(file, kind, out, text, List.of(), readable);
  }

  private static String hint(JsonReadException e) {
    return switch (e.reason()) {
      case TOO_LARGE -> "check that this is the right file";
      case ENCODING -> "re-save the file as UTF-8";
      case EMPTY -> "write at least {} (or [] for agents.json and teams.json)";
      default -> "fix the JSON syntax; JSON.parse accepts no comments or trailing commas";
    };
  }

  /** What Polpo does with a file it cannot parse (polpo-semantics.md §2.1, §4.1, §9.2). */
  static String consequence(FileKind kind, PolpoTarget target) {
    if (target == PolpoTarget.UPSTREAM && (kind == FileKind.AGENTS || kind == FileKind.TEAMS)) {
      // Upstream reads the legacy lists through readJson too (readProjectAgents/-Teams).
      return consequence(FileKind.AGENT, target);
    }
    return switch (kind) {
      case POLPO -> "Polpo stops with \"No configuration found\" and hides the parse error";
      case AGENTS -> "Polpo silently loads zero agents from it (Polpo itself would not tell you)";
      case TEAMS -> "Polpo silently loads zero teams from it (Polpo itself would not tell you)";
      case AUTH_PROFILES ->
          "Polpo treats it as corrupt, reads no profiles and overwrites it on" + " the next save";
      // Upstream's readJson throws ProjectLayoutFilesystemError "invalid_json"
      // (file-stores/src/project-layout-files.ts @9f25f13), so loading the project fails.
      case PROJECT, AGENT, TEAM -> "Polpo stops loading the project with an invalid_json error";
    };
  }

  /** Diagnostics in file order: line, column, then rule id for a stable order. */
  static List<Diagnostic> sorted(List<Diagnostic> in) {
    List<Diagnostic> out = new ArrayList<>(in);
    out.sort(
        Comparator.comparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::rule)
            .thenComparing(Diagnostic::message));
    return out;
  }
}
