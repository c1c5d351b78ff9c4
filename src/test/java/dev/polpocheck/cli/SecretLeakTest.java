package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects the promise that secrets never reach any output: a canary token planted in every secret
 * field (provider keys, database URL, notification tokens, auth-profile tokens, inline vault), in
 * an env file, in --env and as an unquoted token that breaks the JSON must not appear in any output
 * format, on stdout or stderr, in code frames or in --output files.
 */
class SecretLeakTest {
  private static final String CANARY = "sk-ant-api03-CANARY7f3a9";

  private static final String POLPO =
      "{\n"
          + "  \"settings\": {\n"
          + "    \"storage\": \"postgres\", \"databaseUrl\": \"postgres://u:"
          + CANARY
          + "@db/x\",\n"
          + "    \"maxRetries\": \""
          + CANARY
          + "\",\n"
          + "    \"notifications\": {\"channels\": {\n"
          + "      \"s\": {\"type\": \"slack\", \"webhookUrl\": \"https://hooks.test/"
          + CANARY
          + "\", \"apiKey\": 7},\n"
          + "      \"w\": {\"type\": \"webhook\", \"url\": \""
          + CANARY
          + "\", \"headers\":"
          + " {\"Authorization\": \"Bearer "
          + CANARY
          + "\"}},\n"
          + "      \"t\": {\"type\": \"telegrm\", \"botToken\": \""
          + CANARY
          + "\"}\n"
          + "    }}\n"
          + "  },\n"
          + "  \"providers\": {\n"
          + "    \"anthropic\": \""
          + CANARY
          + "\",\n"
          + "    \"openai\": {\"apiKey\": \""
          + CANARY
          + "\", \"api\": \""
          + CANARY
          + "\"}\n"
          + "  }\n"
          + "}\n";

  private static final String AUTH =
      "{\"version\": 1, \"profiles\": {\"anthropic:me\": {"
          + "\"provider\": \"anthropic\", \"type\": \"oauth\", \"access\": \""
          + CANARY
          + "\","
          + " \"refresh\": \""
          + CANARY
          + "\\u0001\", \"expires\": \""
          + CANARY
          + "\"}}}";

  private static final String AGENTS =
      "[{\"agent\": {\"name\": \"a\", \"vault\": {\"token\": \""
          + CANARY
          + "\"}, \"model\": \""
          + CANARY
          + "\", \"reasoning\": \""
          + CANARY
          + "\"}}]";

  @Test
  void canary_inEverySecretField_neverPrintedInAnyFormat(@TempDir Path dir) throws IOException {
    Path polpo = write(dir, ".polpo/polpo.json", POLPO);
    Path agents = write(dir, ".polpo/agents.json", AGENTS);
    Path auth = write(dir, "home/auth-profiles.json", AUTH);
    Path broken =
        write(dir, "broken/polpo.json", "{\"providers\": {\"anthropic\": " + CANARY + "}}");
    Path env = write(dir, "env/.env", "ANTHROPIC_API_KEY=" + CANARY + "\nDATABASE_URL=\n");
    for (String format : List.of("text", "json", "sarif", "github", "junit")) {
      for (boolean resolved : List.of(false, true)) {
        List<String> args =
            new ArrayList<>(
                List.of("validate", "--format", format, "--color", "always", "--debug"));
        if (resolved) {
          args.addAll(
              List.of(
                  "--env-file",
                  env.toString(),
                  "--env",
                  "OPENAI_API_KEY=" + CANARY,
                  "--require-env"));
        }
        args.addAll(
            List.of(polpo.toString(), agents.toString(), auth.toString(), broken.toString()));
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertTrue(r.out().length() > 100, format + ": " + r.all());
        assertFalse(r.all().contains("CANARY"), format + " leaked:\n" + r.all());
        Path out = dir.resolve("report." + format);
        args.addAll(1, List.of("--output", out.toString()));
        CliRun toFile = CliRun.of(args.toArray(new String[0]));
        assertFalse(toFile.all().contains("CANARY"), toFile.all());
        assertFalse(Files.readString(out).contains("CANARY"), format + " file leaked");
      }
    }
  }

  private static Path write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }
}
