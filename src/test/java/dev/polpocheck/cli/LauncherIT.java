package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects the two ways users start polpo-check: the {@code ./polpo-check} launcher from any
 * working directory (with its start-up archive), and the command {@code install} puts on PATH.
 */
class LauncherIT {
  private static final Path BASEDIR = Paths.get(System.getProperty("polpocheck.basedir", "."));

  /** -XX:+PrintCommandLineFlags prints the JVM's flags as the launcher set them, before main. */
  private static final Map<String, String> PRINT_FLAGS =
      Map.of("POLPO_CHECK_NO_CDS", "1", "POLPO_CHECK_JAVA_OPTS", "-XX:+PrintCommandLineFlags");

  @TempDir Path tmp;

  @Test
  void launcher_fromAnotherDirectory_runsAndCreatesStartupArchive() throws Exception {
    Path cache = tmp.resolve("cache");
    Proc first = run(tmp, Map.of("POLPO_CHECK_CACHE", cache.toString()),
        BASEDIR.resolve("polpo-check").toAbsolutePath().toString(), "--version");
    assertEquals(0, first.code, first.err);
    assertTrue(first.out.startsWith("polpo-check "), first.out);
    try (var files = Files.list(cache)) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".jsa")),
          "the first short run leaves an AppCDS archive");
    }
    Proc second = run(tmp, Map.of("POLPO_CHECK_CACHE", cache.toString()),
        BASEDIR.resolve("polpo-check").toAbsolutePath().toString(), "--version");
    assertEquals(0, second.code, second.err);
    assertEquals(first.out, second.out);
    assertEquals("", second.err, "a valid archive is used silently");
    // The archive was made after a --version run, but it is trained on validate too: a validate
    // run with it works and says nothing about class sharing.
    Path config = Files.writeString(tmp.resolve("polpo.json"), "{\"project\": \"demo\"}\n");
    Proc validate = run(tmp, Map.of("POLPO_CHECK_CACHE", cache.toString()),
        BASEDIR.resolve("polpo-check").toAbsolutePath().toString(), "validate", config.toString());
    assertEquals(0, validate.code, validate.err + validate.out);
    assertEquals("", validate.err);
    try (var files = Files.list(tmp)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("hs_err")),
          "no JVM crash log left in the working directory");
    }
  }

  @Test
  void launcher_runsTheMonteCarloCommandsWithTheParallelGc_andTheShortOnesWithTheSerialGc()
      throws Exception {
    Map<String, String> env = PRINT_FLAGS;
    String launcher = BASEDIR.resolve("polpo-check").toAbsolutePath().toString();
    for (String command : List.of("forecast", "capacity")) {
      Proc p = run(tmp, env, launcher, command, "--help");
      assertEquals(0, p.code, p.err);
      assertTrue(p.out.contains("-XX:+UseParallelGC"), command + ": " + p.out);
    }
    Proc version = run(tmp, env, launcher, "--version");
    assertEquals(0, version.code, version.err);
    assertTrue(version.out.contains("-XX:+UseSerialGC"), version.out);
    assertFalse(version.out.contains("-XX:+UseParallelGC"), version.out);
    // a collector the user chose wins: the JVM refuses to start with two
    Proc own = run(tmp, Map.of("POLPO_CHECK_NO_CDS", "1",
        "POLPO_CHECK_JAVA_OPTS", "-XX:+UseG1GC -XX:+PrintCommandLineFlags"),
        launcher, "forecast", "--help");
    assertEquals(0, own.code, own.err);
    assertTrue(own.out.contains("-XX:+UseG1GC"), own.out);
    assertFalse(own.out.contains("-XX:+UseParallelGC"), own.out);
  }

  @Test
  void launcher_manyFiles_getASmallYoungGeneration_oneFileTheLaterCompileThresholds()
      throws Exception {
    Map<String, String> env = PRINT_FLAGS;
    String launcher = BASEDIR.resolve("polpo-check").toAbsolutePath().toString();
    List<String> many = new ArrayList<>(List.of(launcher, "validate"));
    for (int i = 0; i < 16; i++) {
      Path dir = Files.createDirectories(tmp.resolve("p" + i + "/.polpo"));
      many.add(Files.writeString(dir.resolve("polpo.json"), "{\"project\": \"demo\"}\n").toString());
    }
    Proc sixteen = run(tmp, env, many.toArray(String[]::new));
    assertEquals(0, sixteen.code, sixteen.err + sixteen.out);
    // -Xmn8m shows as equal initial and maximum young sizes of 8 MiB (8 * 1024 * 1024 bytes)
    assertTrue(sixteen.out.contains("-XX:NewSize=8388608"), sixteen.out);
    assertTrue(sixteen.out.contains("-XX:MaxNewSize=8388608"), sixteen.out);
    assertFalse(sixteen.out.contains("CompileThresholdScaling"), sixteen.out);
    assertTrue(sixteen.out.contains("no problems in 16 files"), sixteen.out);
    Proc one = run(tmp, env, launcher, "validate", many.get(2));
    assertEquals(0, one.code, one.err + one.out);
    assertFalse(one.out.contains("-XX:NewSize=8388608"), one.out);
    assertTrue(one.out.contains("-XX:CompileThresholdScaling=3"), one.out);
  }

  @Test
  void launcher_onJdk25_writesAndUsesAnAotCacheSilently() throws Exception {
    // JEP 514's -XX:AOTCacheOutput exists from JDK 25; the machines this runs on have a Temurin
    // 25 beside the default JDK (skipped where there is none)
    Path jdk25 = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64");
    assumeTrue(Files.isExecutable(jdk25.resolve("bin/java")), "no JDK 25 installed");
    Path cache = tmp.resolve("cache");
    Map<String, String> env =
        Map.of("POLPO_CHECK_CACHE", cache.toString(), "JAVA_HOME", jdk25.toString());
    String launcher = BASEDIR.resolve("polpo-check").toAbsolutePath().toString();
    Proc first = run(tmp, env, launcher, "--version");
    assertEquals(0, first.code, first.err);
    assertTrue(first.out.contains("Java 25"), first.out);
    try (var files = Files.list(cache)) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".aot")),
          "the first short run on JDK 25 leaves an AOT cache");
    }
    Path config = Files.writeString(tmp.resolve("polpo.json"), "{\"project\": \"demo\"}\n");
    Proc validate = run(tmp, env, launcher, "validate", config.toString());
    assertEquals(0, validate.code, validate.err + validate.out);
    assertEquals("", validate.err, "a valid cache is used silently");
  }

  @Test
  void install_intoDirectory_putsWorkingCommandThere() throws Exception {
    Path bin = tmp.resolve("bin");
    Proc install = run(tmp, Map.of("POLPO_CHECK_CACHE", tmp.resolve("c").toString()),
        BASEDIR.resolve("polpo-check").toAbsolutePath().toString(), "install", bin.toString());
    assertEquals(0, install.code, install.err);
    assertTrue(install.out.contains("installed " + bin.resolve("polpo-check")), install.out);
    assertTrue(Files.isExecutable(bin.resolve("polpo-check")));
    Proc installed = run(tmp, Map.of("POLPO_CHECK_CACHE", tmp.resolve("c").toString()),
        bin.resolve("polpo-check").toString(), "--version");
    assertEquals(0, installed.code, installed.err);
    assertTrue(installed.out.startsWith("polpo-check "), installed.out);
  }

  @Test
  void install_intoUnwritablePlace_failsWithOneLineAndExitThree() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    Proc install = run(tmp, Map.of(),
        "java", "-jar", System.getProperty("polpocheck.jar"), "install",
        file.resolve("bin").toString());
    assertEquals(3, install.code, install.err);
    assertTrue(install.err.startsWith("polpo-check: error: "), install.err);
    assertEquals(1, install.err.strip().lines().count(), install.err);
  }

  private record Proc(int code, String out, String err) {}

  private static Proc run(Path dir, Map<String, String> env, String... cmd)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(cmd));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    Path out = Files.createTempFile("out", ".txt");
    Path err = Files.createTempFile("err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
