package dev.polpocheck.validate;

import dev.polpocheck.config.Environment;
import dev.polpocheck.json.JsonDocument;
import dev.polpocheck.json.PositionIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Everything a {@link Rule} sees about one file, and the place it reports to.
 *
 * <p>The tree has JavaScript's last-wins semantics for duplicate keys (what Polpo uses) and holds
 * the file's text as written: {@code ${VAR}} references are not substituted here. Positions come
 * from {@link #positions()} by JSON Pointer; rules never compute columns themselves, they report a
 * {@link Target} and the engine converts it.
 */
public final class RuleContext {
  private final Path path;
  private final String file;
  private final FileKind kind;
  private final JsonDocument document;
  private final List<Finding> findings = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>();
  // Values derived once per file and shared by the contexts of every rule run on it.
  private Map<String, Object> perFile = new HashMap<>();

  /**
   * A context for one file.
   *
   * @param path the file on disk (for checks of its mode or location), or null for in-memory text
   * @param file the file's name as the user gave it, used in diagnostics
   * @param kind which Polpo file it is
   * @param document the parsed file
   */
  public RuleContext(Path path, String file, FileKind kind, JsonDocument document) {
    this.path = path;
    this.file = file;
    this.kind = kind;
    this.document = document;
  }

  /** The file on disk, or null when validating text that has no file. */
  public Path path() {
    return path;
  }

  /** The file's name as shown in diagnostics. */
  public String file() {
    return file;
  }

  /** Which Polpo file this is. */
  public FileKind kind() {
    return kind;
  }

  /** The parsed file: text, tree, positions, duplicates. */
  public JsonDocument document() {
    return document;
  }

  /** The parsed value (last-wins for duplicate keys), shorthand for {@code document().root()}. */
  public JsonNode root() {
    return document.root();
  }

  /** Source spans by JSON Pointer, shorthand for {@code document().positions()}. */
  public PositionIndex positions() {
    return document.positions();
  }

  /** Reports one finding under the rule being run. */
  public void report(Finding finding) {
    findings.add(finding);
  }

  /** Reports a finding with a message and a help line (help may be null). */
  public void report(Target target, String message, String help) {
    report(Finding.of(target, message, help));
  }

  /**
   * Marks the value at {@code pointer} as a secret: code frames mask it in every output format.
   * Fields the schema marks {@code x-secret} are masked already; use this for a literal credential
   * found in a field that is not meant to hold one.
   */
  public void markSecret(String pointer) {
    secrets.add(pointer);
  }

  /** Pointers marked with {@link #markSecret}. */
  public List<String> secretPointers() {
    return Collections.unmodifiableList(secrets);
  }

  /** The findings reported so far, in order. */
  public List<Finding> findings() {
    return Collections.unmodifiableList(findings);
  }

  // Run-wide inputs for the config rules; the engine sets them once per file with use().
  private Environment environment = Environment.staticPass();
  private Clock clock = Clock.systemUTC();

  /**
   * Sets the run's environment (static or resolved pass, auth-profile providers) and clock, and
   * returns this context. Without it a context is in the static pass with the system UTC clock.
   */
  public RuleContext use(Environment runEnvironment, Clock runClock) {
    this.environment = java.util.Objects.requireNonNull(runEnvironment, "environment");
    this.clock = java.util.Objects.requireNonNull(runClock, "clock");
    return this;
  }

  /** The run's environment: which pass, which variables are set, which providers have profiles. */
  public Environment environment() {
    return environment;
  }

  /** The run's clock, for checks that depend on the current time (token expiry, cooldowns). */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the value {@code compute} derives from this file, computing it at most once per file:
   * the engine gives the contexts of all rules run on a file one shared store, so facts several
   * rules read (the file's model specs, its {@code ${VAR}} scans) are derived once, not per rule.
   * The value must depend only on this file and the run-wide inputs, and must be immutable.
   *
   * @param key names the value, e.g. the class deriving it
   */
  @SuppressWarnings("unchecked")
  public <T> T perFile(String key, Supplier<T> compute) {
    Object known = perFile.get(key);
    if (known == null) {
      known = compute.get();
      perFile.put(key, known);
    }
    return (T) known;
  }

  private PolpoTarget target = PolpoTarget.V03;

  /** The Polpo line the run validates against. */
  public PolpoTarget target() {
    return target;
  }

  /** Sets the run's target; returns this context. Without it a context targets Polpo 0.3.x. */
  public RuleContext in(PolpoTarget runTarget) {
    this.target = java.util.Objects.requireNonNull(runTarget, "target");
    return this;
  }

  /** Makes this context use {@code store} for {@link #perFile} values; returns this context. */
  RuleContext sharing(Map<String, Object> store) {
    this.perFile = store;
    return this;
  }
}
