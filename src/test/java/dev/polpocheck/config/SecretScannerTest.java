package dev.polpocheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protects inline-secret detection: each credential shape is recognised with the right kind, and
 * the description shows only kind, length and public prefix. Fake secrets are built at run time so
 * the repository holds no credential-shaped text.
 */
class SecretScannerTest {

  private static String body(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + (i * 7) % 26));
    }
    return b.toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sk-ant-api03-, 95, Anthropic API key, sk-ant-api03-…",
    "sk-ant-oat01-, 95, Anthropic OAuth token, sk-ant-oat01-…",
    "sk-ant-ort01-, 95, Anthropic OAuth refresh token, sk-ant-ort01-…",
    "sk-or-v1-, 64, OpenRouter API key, sk-or-v1-…",
    "sk-proj-, 100, OpenAI project key, sk-proj-…",
    "sk-, 48, OpenAI API key, sk-…",
    "gsk_, 52, Groq API key, gsk_…",
    "xai-, 80, xAI API key, xai-…",
    "hf_, 34, Hugging Face token, hf_…",
    "ghp_, 36, GitHub token, ghp_…",
    "AIza, 35, Google API key, AIza…",
  })
  void scan_knownShape_isRecognisedAndMasked(String prefix, int n, String kind, String masked) {
    String secret = prefix + body(n);
    List<SecretScanner.Match> m = SecretScanner.scan("x " + secret + " y");
    assertEquals(1, m.size(), m.toString());
    assertEquals(kind, m.get(0).kind());
    assertEquals(masked, m.get(0).masked());
    assertEquals(2, m.get(0).start());
    assertEquals(secret.length(), m.get(0).length());
    assertFalse(m.get(0).describe().contains(body(n)));
  }

  @Test
  void scan_slackWebhookAndAwsKeyAndDatabaseUrl_areRecognised() {
    String slack = "https://hooks.slack.com/services/T0" + "ABCDEFG/B0" + "ABCDEFG/" + body(24);
    assertEquals("Slack webhook URL", SecretScanner.scan(slack).get(0).kind());
    assertEquals(
        "AWS access key id", SecretScanner.scan("AKIA" + "ABCDEFGHIJKLMNOP").get(0).kind());
    assertEquals(
        "database URL with a password",
        SecretScanner.scan("postgres://polpo:" + body(12) + "@db:5432/p").get(0).kind());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sk-ant-...",
        "anthropic:claude-sonnet-4-5",
        "${ANTHROPIC_API_KEY}",
        "https://example.com/hook",
        "postgres://db:5432/p",
        "a task-runner description",
      })
  void scan_placeholdersAndOrdinaryText_matchNothing(String value) {
    assertEquals(List.of(), SecretScanner.scan(value));
  }

  @Test
  void provider_kindMapsToPolpoProvider() {
    assertEquals("anthropic", SecretScanner.provider("Anthropic API key"));
    assertEquals("", SecretScanner.provider("Slack token"));
    assertTrue(SecretScanner.mask("abcd").contains("4 chars"));
  }

  @Test
  void looksSensitive_shortKeyBelowReportingThreshold_isStillNeverQuoted() {
    assertTrue(SecretScanner.looksSensitive("sk-ant-api03-" + "CANARY7f3a9"));
    assertFalse(SecretScanner.looksSensitive("claude-sonnet-4-5"));
    assertFalse(SecretScanner.looksSensitive("sk-ant-..."));
  }
  // The shapes below are the ones whose literal prefix is checked before their regular expression
  // runs; each is embedded in surrounding text so the prefix is not at index 0.
  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "sk-ant-admin01-, Anthropic admin key",
    "sk-svcacct-, OpenAI service-account key",
    "github_pat_, GitHub fine-grained token",
    "xoxb-, Slack token",
    "ASIA, AWS access key id",
  })
  void scan_shapeInsideLongerText_isStillRecognised(String prefix, String kind) {
    String secret = prefix + (prefix.equals("ASIA") ? "ABCDEFGHIJKLMNOP" : body(40));
    List<SecretScanner.Match> m = SecretScanner.scan("see: " + secret + " (rotated)");
    assertEquals(1, m.size(), kind);
    assertEquals(kind, m.get(0).kind());
    assertEquals(5, m.get(0).start());
  }

  @Test
  void scan_telegramBotTokenBetweenWords_isRecognised() {
    // 9 digits, a colon and 35 token characters: 45 characters in all.
    String token = "123456789:" + body(35);
    List<SecretScanner.Match> m = SecretScanner.scan("bot " + token + " end");
    assertEquals(1, m.size());
    assertEquals("Telegram bot token", m.get(0).kind());
    assertEquals(45, m.get(0).length());
  }

  // The regular expressions of these two shapes run only when the text has a digit right before a
  // colon (Telegram) or an "@" somewhere after a "://" (database URL): both hold in these values,
  // and the "://" that matters is not the first one.
  @Test
  void scan_telegramTokenWithTenDigitsAndUrlAfterAnotherUrl_areRecognised() {
    String token = "1234567890:" + body(35);
    List<SecretScanner.Match> t = SecretScanner.scan("anthropic:x then " + token);
    assertEquals(List.of("Telegram bot token"), t.stream().map(SecretScanner.Match::kind).toList());
    assertEquals(17, t.get(0).start());
    String url = "postgres://polpo:" + body(12) + "@db:5432/p";
    List<SecretScanner.Match> u = SecretScanner.scan("see https://docs.example.com, then " + url);
    assertEquals(1, u.size());
    assertEquals("database URL with a password", u.get(0).kind());
    assertEquals("postgres://…", u.get(0).masked());
  }

  @Test
  void scan_twoSecretsOfDifferentKinds_areBothFoundLeftToRight() {
    String value = "hf_" + body(30) + " and AKIA" + "ABCDEFGHIJKLMNOP";
    List<SecretScanner.Match> m = SecretScanner.scan(value);
    assertEquals(List.of("Hugging Face token", "AWS access key id"),
        m.stream().map(SecretScanner.Match::kind).toList());
  }

  @Test
  void redact_textWithKeysAndShortKeyLikeValue_keepsOnlyPrefixesAndTheRest() {
    String key = "sk-ant-api03-" + body(95);
    String oauth = "sk-ant-oat01-" + body(95);
    String shortKey = "sk-" + body(10);
    assertEquals(
        "session sk-ant-api03-… and sk-ant-oat01-…, then sk-…!",
        SecretScanner.redact("session " + key + " and " + oauth + ", then " + shortKey + "!"));
  }

  @Test
  void redact_appliedTwice_changesNothingTheSecondTime() {
    String text = "session sk-ant-oat01-" + body(95) + " then sk-" + body(10);
    String once = SecretScanner.redact(text);
    assertEquals("session sk-ant-oat01-… then sk-…", once);
    assertEquals(once, SecretScanner.redact(once));
    assertFalse(SecretScanner.looksSensitive("sk-ant-oat01-…"));
  }

  @Test
  void redact_plainTextAndNull_areReturnedAsTheyAre() {
    assertEquals(
        "claude-sonnet-4-5 run-42 task-sk",
        SecretScanner.redact("claude-sonnet-4-5 run-42 task-sk"));
    assertEquals(null, SecretScanner.redact(null));
  }

  @Test
  void scan_longValueWithAColon_finishesInsteadOfBacktrackingForMinutes() {
    // A 200,000-character model id ("anthropic:xxxx...") made the database-URL pattern try every
    // start position across the whole run of letters (quadratic: validate hung for over ten
    // minutes). This guards against the hang; it is not a performance measurement.
    String value = "anthropic:" + "x".repeat(200_000);
    List<SecretScanner.Match> found =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> SecretScanner.scan(value));
    assertTrue(found.isEmpty());
    String url = "postgres://user:" + body(12) + "@db.example.com/x";
    assertEquals("postgres://…", SecretScanner.scan(url).get(0).masked());
  }

  // Fuzzing finding F8 (reports/hardening.md): a Google key, an Anthropic key and an admin key
  // glued together. The Google shape is fixed-length (AIza + 35) and so ends inside "sk-ant";
  // the Anthropic match then overlapped it and was dropped, leaving its body in clear.
  @Test
  void redact_keysGluedTogether_noBodyCharacterSurvives() {
    String body = body(93);
    String glued =
        "AIza" + "B".repeat(29) + "sk-ant-api03-" + body + "-sk-ant-admin01-" + "A".repeat(25);
    String out = SecretScanner.redact(glued);
    assertFalse(out.contains(body.substring(0, 8)), out);
    assertFalse(out.contains("A".repeat(8)), out);
    assertEquals(1, SecretScanner.scan(glued).size());
    assertTrue(out.startsWith("AIza"), out);
  }
}
