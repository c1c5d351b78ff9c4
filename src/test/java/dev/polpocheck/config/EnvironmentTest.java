package dev.polpocheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.config.Environment.State;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Protects the two passes: the static pass knows nothing (same answer on every machine), the
 * resolved pass combines process, env file and --env with Polpo's precedence, and values never show
 * in toString.
 */
class EnvironmentTest {

  @Test
  void staticPass_everyVariable_isUnknownAndHasNoValue() {
    Environment env = Environment.staticPass();
    assertFalse(env.isResolved());
    assertEquals(State.UNKNOWN, env.state("PATH"));
    assertEquals(Optional.empty(), env.value("PATH"));
  }

  @Test
  void resolved_nonEmptyProcessVariable_winsOverFile() {
    EnvFile file = EnvFile.parse(".env", "A=file\n");
    Environment env = Environment.resolved(Map.of("A", "process"), file, Map.of());
    assertEquals(Optional.of("process"), env.value("A"));
  }

  @Test
  void resolved_emptyProcessVariable_isOverwrittenByFile() {
    EnvFile file = EnvFile.parse(".env", "A=file\n");
    Environment env = Environment.resolved(Map.of("A", ""), file, Map.of());
    assertEquals(Optional.of("file"), env.value("A"));
  }

  @Test
  void resolved_keyRepeatedInFile_firstNonEmptyWins() {
    // line by line: A=1 sets A, A=2 finds A non-empty and is ignored; B= sets "", B=3 overwrites it
    EnvFile file = EnvFile.parse(".env", "A=1\nA=2\nB=\nB=3\n");
    Environment env = Environment.resolved(Map.of(), file, Map.of());
    assertEquals(Optional.of("1"), env.value("A"));
    assertEquals(Optional.of("3"), env.value("B"));
  }

  @Test
  void resolved_overrides_winOverProcessAndFile() {
    EnvFile file = EnvFile.parse(".env", "A=file\n");
    Environment env = Environment.resolved(Map.of("A", "process"), file, Map.of("A", "flag"));
    assertEquals(Optional.of("flag"), env.value("A"));
  }

  @Test
  void state_distinguishesSetEmptyUnset() {
    Environment env = Environment.resolved(Map.of("S", "x", "E", ""), null, Map.of());
    assertEquals(State.SET, env.state("S"));
    assertEquals(State.EMPTY, env.state("E"));
    assertEquals(State.UNSET, env.state("U"));
  }

  @Test
  void toString_neverShowsValues() {
    Environment env =
        Environment.resolved(Map.of("SECRET", "canary-7f3a"), null, Map.of("K", "canary-flag"))
            .withAuthProfiles(Set.of("anthropic"));
    assertFalse(env.toString().contains("canary"), env.toString());
    assertTrue(env.toString().contains("resolved"));
  }

  @Test
  void withAuthProfiles_answersPerProvider() {
    Environment env = Environment.staticPass().withAuthProfiles(Set.of("anthropic"));
    assertTrue(env.hasAuthProfile("anthropic"));
    assertFalse(env.hasAuthProfile("openai"));
    assertFalse(env.isResolved());
  }
}
