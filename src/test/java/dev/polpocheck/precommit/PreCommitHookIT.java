package dev.polpocheck.precommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects the published pre-commit hook: real {@code pre-commit try-repo} against this
 * repository's {@code .pre-commit-hooks.yaml}, in a scratch git repository, with a {@code
 * polpo-check} wrapper on PATH. A broken {@code .polpo/polpo.json} must fail the hook with the
 * finding in its output; valid files must pass; files the regex does not match are skipped.
 *
 * <p>Runs as a failsafe integration test, after the shaded jar is built: the wrapper is {@code java
 * -jar target/polpo-check.jar}, exactly what the install step puts on PATH. Skipped when {@code
 * pre-commit} is not installed, except in CI ({@code CI=true}), where it must be.
 */
class PreCommitHookIT {
  private static Path repoRoot;

  @BeforeAll
  static void requirePreCommit() throws Exception {
    boolean present;
    try {
      present = run(List.of("pre-commit", "--version"), Path.of("."), Map.of()).exit == 0;
    } catch (IOException e) {
      present = false;
    }
    if (!present && "true".equals(System.getenv("CI"))) {
      fail("pre-commit is not installed but CI=true: apt-get install -y pre-commit");
    }
    Assumptions.assumeTrue(present, "pre-commit is not installed; skipping the hook test");
    repoRoot = Path.of(System.getProperty("polpocheck.basedir", ".")).toAbsolutePath();
  }

  @Test
  void hook_brokenPolpoJson_failsWithFinding_validFilesPass(@TempDir Path tmp) throws Exception {
    Map<String, String> env = hookEnv(tmp);
    Path work = gitRepo(tmp, env);
    write(work, ".polpo/polpo.json", "{\n  \"settings\": {\"logLevel\": \"loud\"}\n}\n");
    write(work, ".polpo/agents.json", "[{\"agent\": {\"name\": \"a\"}, \"teamName\": \"t\"}]\n");
    write(work, "other/config.json", "{ not json");
    git(work, env, "add", "-A");

    Result bad = tryRepo(work, env);
    assertNotEquals(0, bad.exit, bad.output);
    assertTrue(bad.output.contains("Validate Polpo config (polpo-check)"), bad.output);
    // Line 2 `  "settings": {"logLevel": "loud"}`: the value's quote is at column 28.
    assertTrue(bad.output.contains(".polpo/polpo.json:2:28: error: settings.logLevel"), bad.output);
    // other/config.json does not match the hook's files regex, so only two files are checked.
    assertTrue(bad.output.contains("in 2 files"), bad.output);
    assertTrue(bad.output.contains("[polpo/settings/log-level]"), bad.output);

    write(work, ".polpo/polpo.json", "{\n  \"settings\": {\"logLevel\": \"quiet\"}\n}\n");
    git(work, env, "add", "-A");
    Result good = tryRepo(work, env);
    assertEquals(0, good.exit, good.output);
    assertTrue(good.output.contains("Passed"), good.output);
  }

  /**
   * Upstream's layout v2: the hook's files regex must reach agents/&lt;id&gt;/agent.json and
   * teams/&lt;id&gt;.json, skip the *.v1.json backups `polpo migrate` leaves, and the run must name
   * the upstream target it detected from project.json.
   */
  @Test
  void hook_layoutV2_checksAgentAndTeamFiles_skipsBackups(@TempDir Path tmp) throws Exception {
    Map<String, String> env = hookEnv(tmp);
    Path work = gitRepo(tmp, env);
    write(work, ".polpo/project.json", "{\n  \"schemaVersion\": 2,\n  \"project\": \"p\"\n}\n");
    // "name" is reserved in agent.json (project-layout.ts materializeAgentDefinition throws
    // reserved_agent_field); line 2 `  "name": "builder",` puts the key's quote at column 3.
    write(
        work,
        ".polpo/agents/builder/agent.json",
        "{\n  \"name\": \"builder\",\n  \"team\": \"eng\"\n}\n");
    write(work, ".polpo/agents/builder/instructions.md", "Build.\n");
    write(work, ".polpo/teams/eng.json", "{\"description\": \"Engineering\"}\n");
    // A backup polpo migrate wrote: not read by Polpo, not matched by the hook.
    write(work, ".polpo/agents.v1.json", "{ not json");
    git(work, env, "add", "-A");

    Result bad = tryRepo(work, env);
    assertNotEquals(0, bad.exit, bad.output);
    assertTrue(bad.output.contains(".polpo/agents/builder/agent.json:2:3: error:"), bad.output);
    assertTrue(bad.output.contains("[polpo/layout/reserved-field]"), bad.output);
    // project.json, agent.json and eng.json; the backup is skipped.
    assertTrue(bad.output.contains("in 3 files (Polpo upstream"), bad.output);

    write(work, ".polpo/agents/builder/agent.json", "{\n  \"team\": \"eng\"\n}\n");
    git(work, env, "add", "-A");
    Result good = tryRepo(work, env);
    assertEquals(0, good.exit, good.output);
    assertTrue(good.output.contains("Passed"), good.output);
  }

  private Map<String, String> hookEnv(Path tmp) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path wrapper = bin.resolve("polpo-check");
    Path jar =
        Path.of(
            System.getProperty(
                "polpocheck.jar", repoRoot.resolve("target/polpo-check.jar").toString()));
    assertTrue(Files.isRegularFile(jar), "the shaded jar must exist: " + jar);
    Files.writeString(wrapper, "#!/bin/sh\nexec '" + javaBin() + "' -jar '" + jar + "' \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Map.of(
        "PATH", bin + File.pathSeparator + System.getenv("PATH"),
        "PRE_COMMIT_HOME", tmp.resolve("cache").toString(),
        "GIT_CONFIG_GLOBAL", tmp.resolve("gitconfig").toString(),
        "HOME", tmp.toString());
  }

  /** A fresh git repository with a committer identity, under {@code tmp/work}. */
  private static Path gitRepo(Path tmp, Map<String, String> env) throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    git(work, env, "init", "-q");
    git(work, env, "config", "user.email", "t@example.com");
    git(work, env, "config", "user.name", "t");
    return work;
  }

  private static Result tryRepo(Path work, Map<String, String> env) throws Exception {
    return run(
        List.of(
            "pre-commit",
            "try-repo",
            repoRoot.toString(),
            "polpo-check-validate",
            "--all-files",
            "--color",
            "never"),
        work,
        env);
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  private static void git(Path dir, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Result r = run(cmd, dir, env);
    assertEquals(0, r.exit, r.output);
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> cmd, Path dir, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("timed out: " + cmd);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
