package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.validate.report.Format;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end behaviour of {@code polpo-check validate} as pre-commit and CI call it: exit codes
 * 0/1/2/3, --strict/--fail-on, rule re-levelling, directory expansion, --kind, every bad input of
 * the issue (invalid JSON, empty, BOM, duplicates, wrong types, deep nesting, 50 MB, directory
 * without config, unreadable file, non-UTF-8) giving one clear message and no stack trace.
 */
class ValidateCommandTest {
  private static final Path FIXTURES = Path.of("src/test/resources/validate");

  private static Path write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static void assertNoStackTrace(CliRun r) {
    assertFalse(r.all().contains("\tat "), r.all());
    assertFalse(r.all().contains("Exception"), r.all());
  }

  @Test
  void validate_goodFixtureDirectory_exitsZeroAndCountsFiles() {
    CliRun r = CliRun.of("validate", FIXTURES.resolve("good").toString());
    assertEquals(0, r.exit(), r.all());
    assertEquals("no problems in 3 files (Polpo 0.3.x)\n", r.out());
  }

  @Test
  void validate_badFixture_exitsOneWithPositionedFindings() {
    CliRun r =
        CliRun.of("validate", "--no-snippet", FIXTURES.resolve("bad/.polpo/polpo.json").toString());
    assertEquals(1, r.exit(), r.all());
    assertTrue(
        r.out()
            .contains(
                "bad/.polpo/polpo.json:4:17: error: settings.logLevel must be"
                    + " one of \"quiet\", \"normal\", \"verbose\""),
        r.out());
    assertTrue(r.out().contains("[polpo/settings/log-level]"), r.out());
  }

  @Test
  void validate_warningsOnly_passUnlessStrictOrFailOnWarning(@TempDir Path dir) throws IOException {
    Path p = write(dir, "polpo.json", "{\"org\": \"acme\"}");
    assertEquals(0, CliRun.of("validate", p.toString()).exit());
    assertEquals(1, CliRun.of("validate", "--strict", p.toString()).exit());
    assertEquals(1, CliRun.of("validate", "--fail-on", "warning", p.toString()).exit());
    assertEquals(0, CliRun.of("validate", "--fail-on", "error", p.toString()).exit());
  }

  @Test
  void validate_disableAndSeverity_changeOutcome(@TempDir Path dir) throws IOException {
    Path p = write(dir, "polpo.json", "{\"settings\": {\"logLevel\": \"loud\"}}");
    assertEquals(
        0, CliRun.of("validate", "--disable", "polpo/settings/log-level", p.toString()).exit());
    CliRun r = CliRun.of("validate", "--severity", "polpo/settings/log-level=info", p.toString());
    assertEquals(0, r.exit(), r.all());
    assertTrue(r.out().contains(": info: "), r.out());
  }

  @Test
  void validate_unknownRuleOrFormat_isUsageErrorWithSuggestion(@TempDir Path dir)
      throws IOException {
    Path p = write(dir, "polpo.json", "{}");
    CliRun r = CliRun.of("validate", "--disable", "polpo/config/unknown-keys", p.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("did you mean \"polpo/config/unknown-key\""), r.err());
    assertEquals(2, CliRun.of("validate", "--format", "xml", p.toString()).exit());
    assertEquals(2, CliRun.of("validate", "--fail-on", "fatal", p.toString()).exit());
    assertEquals(2, CliRun.of("validate", "--bogus").exit());
  }

  @Test
  void validate_envWithEmptyOrInvalidKey_isUsageError(@TempDir Path dir) throws IOException {
    Path p = write(dir, "polpo.json", "{}");
    CliRun empty = CliRun.of("validate", "--env", "=value", p.toString());
    assertEquals(2, empty.exit(), empty.all());
    assertTrue(empty.err().contains("--env needs KEY=VALUE"), empty.err());
    assertEquals(2, CliRun.of("validate", "--env", "A-B=value", p.toString()).exit());
    assertEquals(0, CliRun.of("validate", "--env", "A_1=value", p.toString()).exit());
  }

  @Test
  void validate_unrecognisedFileName_needsKind(@TempDir Path dir) throws IOException {
    Path p = write(dir, "config.json", "[{\"agent\": {\"name\": \"a\"}}]");
    CliRun r = CliRun.of("validate", p.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--kind"), r.err());
    assertEquals(0, CliRun.of("validate", "--kind", "agents", p.toString()).exit());
  }

  @Test
  void validate_invalidJson_reportsPositionExitOne(@TempDir Path dir) throws IOException {
    Path p = write(dir, "agents.json", "[\n  {\"agent\": {\"name\": \"a\"}},\n]\n");
    CliRun r = CliRun.of("validate", p.toString());
    assertEquals(1, r.exit(), r.all());
    // Line 2 `  {"agent": {"name": "a"}},`: two spaces, then 24 characters up to the comma at 27.
    assertTrue(r.out().contains("agents.json:2:27: error: trailing comma before ']'"), r.out());
    assertTrue(r.out().contains("zero agents"), r.out());
    assertNoStackTrace(r);
  }

  @Test
  void validate_emptyFile_oneClearFinding(@TempDir Path dir) throws IOException {
    Path p = write(dir, "polpo.json", "");
    CliRun r = CliRun.of("validate", "--no-snippet", p.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("polpo.json:1:1: error: file is empty"), r.out());
    assertNoStackTrace(r);
  }

  @Test
  void validate_byteOrderMark_reportedAtStart(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("polpo.json");
    Files.write(p, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
    CliRun r = CliRun.of("validate", p.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("byte-order mark"), r.out());
  }

  @Test
  void validate_duplicateKeys_errorExitOne(@TempDir Path dir) throws IOException {
    Path p = write(dir, "polpo.json", "{\"project\": \"a\",\n \"project\": \"b\"}");
    CliRun r = CliRun.of("validate", p.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("duplicate key \"project\""), r.out());
  }

  @Test
  void validate_wrongTypes_eachReported(@TempDir Path dir) throws IOException {
    Path p =
        write(
            dir,
            "polpo.json",
            "{\"settings\": {\"maxRetries\": \"3\", \"workDir\": 1},"
                + " \"providers\": {\"anthropic\": true}}");
    CliRun r = CliRun.of("validate", "--format", "json", p.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("\"errors\" : 3"), r.out());
  }

  @Test
  void validate_veryDeepNesting_oneFinding(@TempDir Path dir) throws IOException {
    Path p =
        write(
            dir,
            "polpo.json",
            "{\"settings\": {\"sla\": " + "[".repeat(5000) + "]".repeat(5000) + "}}");
    CliRun r = CliRun.of("validate", "--no-snippet", p.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("nested more than 256 levels"), r.out());
    assertNoStackTrace(r);
  }

  @Test
  void validate_fiftyMegabyteFile_refusedWithoutReading(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("polpo.json");
    try (FileChannel ch =
        FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {'}'}), 50L * 1024 * 1024 - 1);
    }
    CliRun r = CliRun.of("validate", p.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("file is 50 MiB"), r.out());
    assertNoStackTrace(r);
  }

  @Test
  void validate_directoryWithoutConfig_exitsThree(@TempDir Path dir) {
    CliRun r = CliRun.of("validate", dir.toString());
    assertEquals(3, r.exit());
    assertTrue(r.out().contains("directory has no Polpo file"), r.out());
  }

  @Test
  void validate_missingFile_exitsThree(@TempDir Path dir) {
    CliRun r = CliRun.of("validate", dir.resolve("polpo.json").toString());
    assertEquals(3, r.exit());
    assertTrue(r.out().contains("polpo.json: error: no such file"), r.out());
  }

  @Test
  void validate_unreadableFile_exitsThree(@TempDir Path dir) throws IOException {
    Path p = write(dir, "polpo.json", "{}");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
    // Root reads files whatever their mode; a directory named polpo.json is unreadable as a
    // file for everyone, so it stands in for the same user-visible case there.
    Path target =
        Files.isReadable(p) ? Files.createDirectory(dir.resolve("x")).resolve("polpo.json") : p;
    if (!target.equals(p)) {
      Files.createDirectory(target);
    }
    CliRun r = CliRun.of("validate", "--kind", "polpo", target.toString());
    assertEquals(3, r.exit(), r.all());
    assertTrue(r.out().contains("error:"), r.out());
    assertNoStackTrace(r);
  }

  @Test
  void validate_nonUtf8Bytes_reportLineAndColumn(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("polpo.json");
    Files.write(p, new byte[] {'{', '\n', '"', 'p', (byte) 0xE9, '"', ':', '1', '}'});
    CliRun r = CliRun.of("validate", "--no-snippet", p.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("polpo.json:2:3: error: invalid UTF-8"), r.out());
  }

  @Test
  void validate_outputFile_writesReportThere(@TempDir Path dir) throws IOException {
    Path p = write(dir, "polpo.json", "{\"org\": \"x\"}");
    Path out = dir.resolve("r.sarif");
    CliRun r = CliRun.of("validate", "--format", "sarif", "--output", out.toString(), p.toString());
    assertEquals(0, r.exit());
    assertEquals("", r.out());
    assertTrue(Files.readString(out).contains("\"version\" : \"2.1.0\""));
  }

  @Test
  void defaultFormat_githubActions_choosesGithub() {
    assertEquals(Format.GITHUB, ValidateCommand.defaultFormat(Map.of("GITHUB_ACTIONS", "true")));
    assertEquals(Format.TEXT, ValidateCommand.defaultFormat(Map.of()));
  }

  @Test
  void validate_resolvedPassWithEnvFile_usesDatabaseUrl(@TempDir Path dir) throws IOException {
    Path p = write(dir, "polpo.json", "{\"settings\": {\"storage\": \"postgres\"}}");
    Path env = write(dir, ".env", "DATABASE_URL=postgres://u:CANARYPASS@db/x\n");
    CliRun r = CliRun.of("validate", "--env-file", env.toString(), p.toString());
    assertFalse(r.out().contains("polpo/settings/postgres-url"), r.out());
    assertFalse(r.all().contains("CANARYPASS"));
    CliRun staticRun = CliRun.of("validate", p.toString());
    assertTrue(staticRun.out().contains("polpo/settings/postgres-url"), staticRun.out());
  }

  @Test
  void validate_configFile_disablesAndRelevels_flagsOverride(@TempDir Path dir) throws IOException {
    Path p = write(dir, "polpo.json", "{\"org\": \"x\", \"settings\": {\"storage\": \"redis\"}}");
    Path cfg =
        write(
            dir,
            "rules.json",
            "{\"disable\": [\"polpo/config/org-key\"],"
                + " \"severity\": {\"polpo/settings/storage-ignored\": \"error\"}}");
    CliRun r = CliRun.of("validate", "--no-snippet", "--config", cfg.toString(), p.toString());
    assertEquals(1, r.exit(), r.all());
    assertFalse(r.out().contains("org-key"), r.out());
    assertTrue(r.out().contains("error: settings.storage"), r.out());
    CliRun overridden =
        CliRun.of(
            "validate",
            "--config",
            cfg.toString(),
            "--severity",
            "polpo/settings/storage-ignored=warning",
            p.toString());
    assertEquals(0, overridden.exit(), overridden.all());
  }

  @Test
  void validate_configFileWithUnknownRule_namesFileLineColumn(@TempDir Path dir)
      throws IOException {
    Path p = write(dir, "polpo.json", "{}");
    Path cfg = write(dir, "rules.json", "{\n  \"disable\": [\"polpo/config/unknwn-key\"]\n}");
    CliRun r = CliRun.of("validate", "--config", cfg.toString(), p.toString());
    assertEquals(3, r.exit());
    // Line 2 `  "disable": ["polpo/..."]`: the array item's quote is at column 15.
    assertTrue(r.err().contains("rules.json:2:15: unknown rule id"), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void validate_polpoDirWithAgentsButNoPolpoJson_reportsMissingPolpoJson(@TempDir Path dir)
      throws IOException {
    write(dir, ".polpo/agents.json", "[{\"agent\": {\"name\": \"a\"}}]");
    CliRun r = CliRun.of("validate", dir.toString());
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().contains("polpo.json is missing"), r.out());
    assertTrue(r.out().contains("No configuration found"), r.out());
    assertEquals(
        0, CliRun.of("validate", "--disable", "polpo/config/unparsable", dir.toString()).exit());
  }

  @Test
  void validate_missingPathWithUnknownName_exitsThreeNotUsage(@TempDir Path dir) {
    CliRun r = CliRun.of("validate", dir.resolve("nowhere").toString());
    assertEquals(3, r.exit(), r.all());
    assertTrue(r.out().contains("no such file or directory"), r.out());
  }
}
