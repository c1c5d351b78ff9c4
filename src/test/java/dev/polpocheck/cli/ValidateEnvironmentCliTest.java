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

/**
 * Protects the two passes end to end through the real command line: the static pass only warns
 * about ${VAR}, the resolved pass (--env-file / --env) turns unset or empty variables and missing
 * credentials into errors, and no resolved value or inline secret ever reaches any output format.
 */
class ValidateEnvironmentCliTest {

  private static final String CANARY = "canary-9d2e-do-not-print";

  private static Path polpo(Path dir) throws IOException {
    Path p = dir.resolve(".polpo/polpo.json");
    Files.createDirectories(p.getParent());
    Files.writeString(
        p,
        "{\n"
            + "  \"project\": \"demo\",\n"
            + "  \"settings\": {\n"
            + "    \"orchestratorModel\": \"anthropic:claude-sonnet-4-5\",\n"
            + "    \"notifications\": {\"channels\": {\"ops\": {\"type\": \"slack\",\n"
            + "      \"webhookUrl\": \"${SLACK_HOOK}\", \"apiKey\": \"${SLACK_KEY}\"}},\n"
            + "      \"rules\": []}\n"
            + "  }\n"
            + "}\n",
        StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void staticPass_unresolvedReferences_warnAndExitZero(@TempDir Path dir) throws IOException {
    Path p = polpo(dir);
    CliRun r = CliRun.of("validate", "--no-snippet", p.toString());
    assertEquals(0, r.exit(), r.all());
    assertTrue(
        r.out().contains("warning: ${SLACK_HOOK} is not checked in the static pass"), r.out());
  }

  @Test
  void resolvedPass_unsetEmptyAndMissingCredential_areErrors(@TempDir Path dir) throws IOException {
    Path p = polpo(dir);
    Path env = dir.resolve("ci.env");
    Files.writeString(env, "SLACK_HOOK=" + CANARY + "\nSLACK_KEY=\n");
    CliRun r =
        CliRun.of(
            "validate",
            "--no-snippet",
            "--env-file",
            env.toString(),
            "--env",
            "ANTHROPIC_API_KEY=",
            "--env",
            "ANTHROPIC_OAUTH_TOKEN=",
            p.toString());
    assertEquals(1, r.exit(), r.all());
    // line 6: 6 blanks, "webhookUrl": (7-19), blank, "${SLACK_HOOK}" (21-35), comma, blank,
    // "apiKey": (38-46), blank, quote at 48 -> the ${ of ${SLACK_KEY} is at column 49
    assertTrue(r.out().contains(":6:49: error: ${SLACK_KEY}: SLACK_KEY is set but empty"), r.out());
    assertTrue(r.out().contains("error: no credential for provider anthropic"), r.out());
    assertFalse(r.all().contains(CANARY), r.all());
  }

  @Test
  void everyFormat_neverPrintsResolvedValuesOrInlineSecrets(@TempDir Path dir) throws IOException {
    Path p = polpo(dir);
    String key = "sk-ant-api03-" + "Zk".repeat(46) + "AA";
    Path agents = dir.resolve(".polpo/agents.json");
    Files.writeString(
        agents,
        "[{\"agent\":{\"name\":\"a\",\"model\":\"claude-sonnet-4-5\",\"systemPrompt\":\"key "
            + key
            + "\"},\"teamName\":\"t\"}]");
    for (String format : new String[] {"text", "json", "sarif", "github", "junit"}) {
      CliRun r =
          CliRun.of(
              "validate",
              "--format",
              format,
              "--env",
              "SLACK_HOOK=" + CANARY,
              "--env",
              "SLACK_KEY=" + CANARY,
              dir.toString());
      assertEquals(1, r.exit(), format + ": " + r.all());
      assertFalse(r.all().contains(CANARY), format + ": " + r.all());
      assertFalse(r.all().contains("Zk".repeat(5)), format + ": " + r.all());
    }
  }
}
