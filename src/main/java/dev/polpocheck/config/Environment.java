package dev.polpocheck.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a validation run knows about the machine Polpo will run on: environment variables and the
 * providers that have auth profiles.
 *
 * <p>Two passes (validation-ux.md §10.3):
 *
 * <ul>
 *   <li><b>Static</b> ({@link #staticPass()}, the pre-commit default) reads neither the process
 *       environment nor the home directory, so every machine gives the same answer; every variable
 *       is {@link State#UNKNOWN}.
 *   <li><b>Resolved</b> ({@link #resolved}, chosen by {@code --env-file}, {@code --env} or {@code
 *       --require-env}) combines the process environment, the env file and {@code --env} overrides
 *       with Polpo's precedence: the file's value is used only when the process variable is unset
 *       <em>or empty</em> (so a non-empty process value wins, an empty one is overwritten); within
 *       the file the same rule applies line by line, so the first non-empty assignment of a key
 *       wins; {@code --env KEY=VAL} overrides both, being the user's explicit statement about the
 *       target machine.
 * </ul>
 *
 * <p>Values are tainted: {@link #toString()} never shows them, and rules only ask {@link
 * #state(String)}. {@link #value(String)} exists for the few checks that must look inside a value
 * (for example whether an Anthropic credential is an OAuth token) and must never put it in a
 * message.
 */
public final class Environment {

  /** What is known about one variable. */
  public enum State {
    /** Set to a non-empty value. */
    SET,
    /** Set, but to the empty string (Polpo and pi-ai treat it as unset). */
    EMPTY,
    /** Not set. */
    UNSET,
    /** Static pass: the environment is deliberately not consulted. */
    UNKNOWN
  }

  private final boolean resolved;
  private final Map<String, String> variables;
  private final Set<String> authProfileProviders;

  private Environment(
      boolean resolved, Map<String, String> variables, Set<String> authProfileProviders) {
    this.resolved = resolved;
    this.variables = Collections.unmodifiableMap(variables);
    this.authProfileProviders = Collections.unmodifiableSet(new TreeSet<>(authProfileProviders));
  }

  /** Returns the static pass: no variable is consulted and no auth profile is known. */
  public static Environment staticPass() {
    return new Environment(false, Map.of(), Set.of());
  }

  /**
   * Returns the resolved pass.
   *
   * @param processEnv the process environment ({@code System.getenv()} in the CLI, a map in tests)
   * @param envFile the parsed {@code --env-file}, or null
   * @param overrides {@code --env KEY=VAL} pairs, applied last
   */
  public static Environment resolved(
      Map<String, String> processEnv, EnvFile envFile, Map<String, String> overrides) {
    Map<String, String> vars = new LinkedHashMap<>(processEnv);
    if (envFile != null) {
      for (EnvFile.Entry e : envFile.entries()) {
        String current = vars.get(e.key());
        if (current == null || current.isEmpty()) {
          vars.put(e.key(), e.value());
        }
      }
    }
    vars.putAll(overrides);
    return new Environment(true, vars, Set.of());
  }

  /**
   * Returns a copy that also knows which providers have at least one profile in the {@code
   * --auth-profiles} file (see {@link AuthProfileProviders}).
   */
  public Environment withAuthProfiles(Set<String> providers) {
    return new Environment(resolved, variables, Objects.requireNonNull(providers, "providers"));
  }

  /** Returns whether this is the resolved pass (unresolved references are then errors). */
  public boolean isResolved() {
    return resolved;
  }

  /** Returns what is known about a variable. */
  public State state(String name) {
    if (!resolved) {
      return State.UNKNOWN;
    }
    String v = variables.get(name);
    if (v == null) {
      return State.UNSET;
    }
    return v.isEmpty() ? State.EMPTY : State.SET;
  }

  /**
   * Returns a variable's value (resolved pass only). Tainted: never put it, or anything derived
   * from it other than its length, in any output.
   */
  public Optional<String> value(String name) {
    return resolved ? Optional.ofNullable(variables.get(name)) : Optional.empty();
  }

  /** Returns whether an auth profile exists for {@code provider} (its {@code provider} field). */
  public boolean hasAuthProfile(String provider) {
    return authProfileProviders.contains(provider);
  }

  /** Returns the providers that have at least one auth profile, sorted. */
  public Set<String> authProfileProviders() {
    return authProfileProviders;
  }

  /** Describes the pass and counts, never a value. */
  @Override
  public String toString() {
    return "Environment["
        + (resolved ? "resolved, " + variables.size() + " variables" : "static")
        + ", auth-profile providers "
        + authProfileProviders
        + "]";
  }
}
