package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protects the README's bad-input contract where it used to break: a usage error is one line
 * {@code polpo-check: error: …} and exit 2 (not picocli's message and sixty lines of usage), an
 * unknown subcommand is an error even with {@code --help}, {@code --strict} never raises a lower
 * {@code --fail-on}, an auth-profiles file that is empty or not an object is refused, I/O failures
 * are told in words rather than Java class names, a bad {@code --report} directory is refused
 * before the Monte Carlo run, a 1 MiB trace line is read, and a credential pasted as an object key
 * is a {@code polpo/secret/literal} finding.
 */
class BadInputContractTest {
  @TempDir Path dir;

  private static void assertOneErrorLine(CliRun r, int exit, String start) {
    assertEquals(exit, r.exit(), r.all());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("polpo-check: error: " + start), r.err());
    assertFalse(r.err().matches("(?s).*\\(\\w*(Exception|Error)\\).*"), r.err());
  }

  @Test
  void unknownOption_isOneLineNamingItAndTheHelpCommand() {
    CliRun r = CliRun.of("validate", "--no-such-flag");
    assertOneErrorLine(r, ExitCodes.USAGE, "Unknown option: '--no-such-flag'");
    assertTrue(r.err().strip().endsWith("(see 'polpo-check validate --help')"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void badOptionValue_isOneLineWithoutTheUsageText() {
    CliRun r = CliRun.of("forecast", "--runs", "many");
    assertOneErrorLine(r, ExitCodes.USAGE, "Invalid value for option '--runs'");
    assertFalse(r.all().contains("Usage:"), r.all());
  }

  @Test
  void unknownSubcommand_withHelp_isAUsageErrorNotTheTopLevelHelp() {
    CliRun r = CliRun.of("NOSUCHCMD", "--help");
    assertOneErrorLine(r, ExitCodes.USAGE, "Unmatched argument at index 0: 'NOSUCHCMD'");
    assertEquals("", r.out());
  }

  @Test
  void misspeltSubcommand_suggestsTheClosestOnTheSameLine() {
    CliRun r = CliRun.of("valdate");
    assertOneErrorLine(r, ExitCodes.USAGE, "Unmatched argument at index 0: 'valdate'");
    assertTrue(r.err().contains("did you mean 'validate'?"), r.err());
  }

  /** One unknown key, lowered to info: only a threshold of info fails the run. */
  private Path projectWithOneInfoFinding() throws IOException {
    Path p = dir.resolve("polpo.json");
    Files.writeString(p, "{\"project\": \"x\", \"projectt\": 1}\n");
    return p;
  }

  @Test
  void strictWithFailOnInfo_keepsTheInfoThreshold() throws IOException {
    String p = projectWithOneInfoFinding().toString();
    String lower = "polpo/config/unknown-key=info";
    assertEquals(0, CliRun.of("validate", "--severity", lower, "--strict", p).exit());
    assertEquals(
        ExitCodes.FINDINGS,
        CliRun.of("validate", "--severity", lower, "--strict", "--fail-on", "info", p).exit());
    assertEquals(
        ExitCodes.FINDINGS,
        CliRun.of("validate", "--severity", lower, "--fail-on", "info", "--strict", p).exit());
  }

  @Test
  void threshold_strictLowersErrorToWarningButNeverRaisesInfo() {
    assertEquals(
        dev.polpocheck.validate.Severity.WARNING,
        ValidateCommand.threshold(true, dev.polpocheck.validate.Severity.ERROR));
    assertEquals(
        dev.polpocheck.validate.Severity.INFO,
        ValidateCommand.threshold(true, dev.polpocheck.validate.Severity.INFO));
    assertEquals(
        dev.polpocheck.validate.Severity.ERROR,
        ValidateCommand.threshold(false, dev.polpocheck.validate.Severity.ERROR));
  }

  @Test
  void authProfiles_emptyFile_isRefusedWithItsName() throws IOException {
    Path auth = Files.writeString(dir.resolve("auth.json"), "  \n");
    CliRun r = CliRun.of("validate", "--auth-profiles", auth.toString(),
        projectWithOneInfoFinding().toString());
    assertOneErrorLine(r, ExitCodes.IO_OR_INTERNAL, auth + ": auth profiles file is empty");
  }

  @Test
  void authProfiles_jsonArray_isRefusedAtItsPosition() throws IOException {
    Path auth = Files.writeString(dir.resolve("auth.json"), "\n  [{\"provider\": \"anthropic\"}]\n");
    CliRun r = CliRun.of("validate", "--auth-profiles", auth.toString(),
        projectWithOneInfoFinding().toString());
    // The array opens on line 2, column 3.
    assertOneErrorLine(r, ExitCodes.IO_OR_INTERNAL, auth + ":2:3: auth profiles file must be a"
        + " JSON object");
    assertTrue(r.err().contains("not an array"), r.err());
  }

  @Test
  void outputIntoMissingDirectory_saysWhyInWords() throws IOException {
    Path out = dir.resolve("no/such/dir/report.json");
    CliRun r = CliRun.of("validate", "--output", out.toString(),
        projectWithOneInfoFinding().toString());
    assertOneErrorLine(r, ExitCodes.IO_OR_INTERNAL,
        out + ": cannot write the report: no such file or directory");
  }

  @Test
  void envFileThatIsMissing_saysWhyInWords() throws IOException {
    Path env = dir.resolve("missing.env");
    CliRun r = CliRun.of("validate", "--env-file", env.toString(),
        projectWithOneInfoFinding().toString());
    assertOneErrorLine(r, ExitCodes.IO_OR_INTERNAL,
        env + ": cannot read env file: no such file or directory");
  }

  @Test
  void forecast_reportPathUnderAFile_failsBeforeTheRun() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    Path report = file.resolve("out");
    CliRun r = CliRun.of("forecast", "--runs", "100000", "--report", report.toString());
    // 100000 runs of the sample workload take hours; failing at once proves nothing ran.
    assertOneErrorLine(r, ExitCodes.IO_OR_INTERNAL, report + ": cannot write the report: ");
    assertEquals("", r.out());
  }

  @Test
  void simulateAndCapacity_reportPathUnderAFile_failBeforeReadingTraces() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    String report = file.resolve("out").toString();
    Path missing = dir.resolve("no-such-trace.jsonl");
    // The trace does not exist: the report error coming first shows the check runs first.
    assertOneErrorLine(CliRun.of("simulate", "--report", report, missing.toString()),
        ExitCodes.IO_OR_INTERNAL, report + ": cannot write the report: ");
    assertOneErrorLine(CliRun.of("capacity", "--report", report, missing.toString()),
        ExitCodes.IO_OR_INTERNAL, report + ": cannot write the report: ");
  }

  @Test
  void cost_oneMebibyteTraceLine_isReadAndPriced() throws IOException {
    Path t = dir.resolve("big.jsonl");
    Files.writeString(t, "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"session\":\"s\",\"agent\":\"a\","
        + "\"role\":\"agent\",\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5\","
        + "\"status\":\"ok\",\"usage\":{\"input\":1000000,\"output\":0,\"cacheRead\":0,"
        + "\"cacheWrite\":0},\"note\":\"" + "x".repeat(1 << 20) + "\"}\n", StandardCharsets.UTF_8);
    CliRun r = CliRun.of("cost", "--format", "json", t.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = JsonMapper.builder().build().readTree(r.out());
    assertEquals(1, j.get("inputs").get("records").get("priced").asInt(), r.out());
    assertEquals(0, j.get("inputs").get("records").get("skipped").asInt(), r.out());
  }

  @Test
  void secretLiteral_credentialAsObjectKey_isAnErrorAtTheKeyAndMasked() throws IOException {
    String key = "sk-ant-api03-" + "Kq7".repeat(31) + "AA";
    Path p = dir.resolve("polpo.json");
    Files.writeString(p, "{\n  \"project\": \"x\",\n  \"providers\": {\"" + key + "\": {}}\n}\n");
    CliRun r = CliRun.of("validate", "--format", "json", p.toString());
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.all());
    assertFalse(r.all().contains("Kq7Kq7Kq7"), r.all());
    JsonNode j = JsonMapper.builder().build().readTree(r.out());
    JsonNode literal = null;
    for (JsonNode d : j.get("diagnostics")) {
      if (d.get("rule").asString().equals("polpo/secret/literal")) {
        literal = d;
      }
    }
    assertTrue(literal != null, r.out());
    assertEquals("error", literal.get("severity").asString());
    // The key's opening quote is line 3, column 17 ("  \"providers\": {" is 16 characters).
    assertEquals(3, literal.get("line").asInt(), literal.toString());
    assertEquals(17, literal.get("column").asInt(), literal.toString());
    assertTrue(literal.get("message").asString().contains("used as an object key"), literal.toString());
    assertEquals("/providers/sk-ant-api03-…", literal.get("pointer").asString());
  }
}
