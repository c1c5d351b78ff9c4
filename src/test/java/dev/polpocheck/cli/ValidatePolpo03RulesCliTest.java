package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validate rules modelled on Polpo 0.3.x's code (alemicali/polpo-zhc 898e166, pi-ai 0.62.0),
 * through the real command line, each finding asserted at its file:line:col.
 *
 * <p>Protects: notifications as NotificationRouter and the channel constructors read them
 * (start-up failure without rules, dropped channels, WhatsApp mis-reads, unknown channel ids), the
 * ApprovalGate[] shape, no noise on files Polpo writes itself or on Ink company packages, no
 * {@code env/unresolved} on provider keys 0.3.x never reads, the pi-ai 0.62 catalog for every
 * provider, and the never-enforced model allowlist. Columns are counted by hand in the comments
 * (1-based; a key or value finding points at its opening quote or bracket).
 */
class ValidatePolpo03RulesCliTest {

  private static Path write(Path dir, String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return p;
  }

  /** The finding lines ("file:line:col: severity: message [rule]") of a --no-snippet run. */
  private static List<String> findings(CliRun r) {
    return Arrays.stream(r.out().split("\n"))
        .filter(l -> l.matches(".*:\\d+:\\d+: (error|warning|info): .*"))
        .collect(Collectors.toList());
  }

  private static boolean has(List<String> lines, String prefix, String rule) {
    return lines.stream().anyMatch(l -> l.startsWith(prefix) && l.endsWith("[" + rule + "]"));
  }

  @Test
  void notifications_channelsModelledFromConstructors_reportedAtTheirValues(@TempDir Path dir)
      throws IOException {
    Path p =
        write(
            dir,
            "polpo.json",
            "{",
            "  \"settings\": {",
            "    \"notifications\": {",
            "      \"channels\": {",
            // col 9 "wa"; col 47 opens the chatId text, so its '@' (12th char) is col 58; the
            // chatId string is 26 chars (47-72), "profileDir" key at 76, its value quote at 90.
            "        \"wa\": {\"type\": \"whatsapp\", \"chatId\": \"39123456789@s.whatsapp.net\","
                + " \"profileDir\": \"whatsapp-profiles/work\"},",
            // "${TG_TOKEN}" quote at 48 ($ at 49); "chatId" key 63-70, its number at 73.
            "        \"tg\": {\"type\": \"telegram\", \"botToken\": \"${TG_TOKEN}\", \"chatId\":"
                + " -1001234567890},",
            "        \"bare\": {\"type\": \"whatsapp\", \"gateway\": {\"enableInbound\": true}}",
            "      }",
            "    }",
            "  }",
            "}");
    CliRun r = CliRun.of("validate", "--no-snippet", p.toString());
    List<String> f = findings(r);
    String at = p.toString() + ":";
    assertEquals(1, r.exit(), r.all());
    // No "rules": init() stores undefined and start() iterates it (index.ts:105, 117).
    assertTrue(
        has(f, at + "3:5: error: missing required key \"rules\"", ns("start-fails")), r.out());
    assertTrue(has(f, at + "5:58: warning: chatId already holds", ns("whatsapp-chat-id")), r.out());
    assertTrue(has(f, at + "5:90: warning: profileDir", ns("whatsapp-profile-dir")), r.out());
    // resolveEnvVar(number) throws: value.startsWith is not a function (telegram.ts:26, 585).
    assertTrue(has(f, at + "6:73: error: ", ns("channel-dropped")), r.out());
    assertTrue(has(f, at + "6:49: warning: ${TG_TOKEN}", "polpo/env/unresolved"), r.out());
    // No chatId: "WhatsApp channel requires chatId" (whatsapp.ts:93); gateway is a known key.
    assertTrue(has(f, at + "7:9: error: missing required key \"chatId\"", ns("channel-dropped")));
    assertEquals(6, f.size(), r.out());
  }

  @Test
  void notifications_ruleWithoutEventsAndUnknownGateChannel_reported(@TempDir Path dir)
      throws IOException {
    Path p =
        write(
            dir,
            "polpo.json",
            "{",
            "  \"settings\": {",
            // notifyChannels' "slak" opens at col 110 (4 blanks, then 105 characters before it).
            "    \"approvalGates\": [{\"id\": \"g\", \"name\": \"G\", \"handler\": \"human\","
                + " \"hook\": \"task:assign\", \"notifyChannels\": [\"slak\"]}],",
            "    \"notifications\": {",
            "      \"channels\": {\"slack\": {\"type\": \"slack\", \"webhookUrl\": \"${HOOK}\"}},",
            // the rule object opens at col 17: 6 blanks, "rules" (7-13), ':', ' ', '['.
            "      \"rules\": [{\"id\": \"r\", \"name\": \"R\", \"channels\": [\"slack\"]}]",
            "    }",
            "  }",
            "}");
    CliRun r = CliRun.of("validate", "--no-snippet", p.toString());
    List<String> f = findings(r);
    String at = p.toString() + ":";
    assertTrue(has(f, at + "3:110: warning: channel \"slak\"", ns("unknown-channel")), r.out());
    assertTrue(r.out().contains("did you mean \"slack\"?"), r.out());
    assertTrue(has(f, at + "6:17: error: missing required key \"events\"", ns("start-fails")));
    // approvalGates is ApprovalGate[] (packages/core/src/types.ts:768): an array is no error.
    assertFalse(r.out().contains("approvalGates must be"), r.out());
    assertEquals(3, f.size(), r.out()); // the two above and ${HOOK} unresolved (static pass)
  }

  @Test
  void notifications_whatsappKeysPolpoNeverReads_areUnknownWithoutSuggestingThem(
      @TempDir Path dir) throws IOException {
    Path p =
        write(
            dir,
            "polpo.json",
            "{\"settings\": {\"notifications\": {\"rules\": [], \"channels\": {\"wa\":",
            // "to" opens at col 43: 4 blanks, {"type": "whatsapp", "chatId": "391", a blank.
            "    {\"type\": \"whatsapp\", \"chatId\": \"391\", \"to\": \"+391\"}}}}}");
    CliRun r = CliRun.of("validate", "--no-snippet", p.toString());
    List<String> f = findings(r);
    assertTrue(
        has(f, p + ":2:43: warning: unknown key \"to\"", "polpo/config/unknown-key"), r.out());
    assertFalse(r.out().contains("phoneNumberId"), r.out());
    assertTrue(r.out().contains("\"profileDir\""), "valid keys listed: " + r.out());
  }

  @Test
  void agentsInPolpoJson_filesPolpoWritesAndInkCompanies_silent(@TempDir Path dir)
      throws IOException {
    // Polpo re-adds this default team on every load and save (config.ts:32).
    Path saved =
        write(dir, "a/polpo.json", "{\"project\": \"p\", \"teams\": [{\"name\": \"default\","
            + " \"agents\": []}]}");
    // An Ink company package: the installer merges its teams (ink.ts:383-398).
    String company =
        "{\"project\": \"c\", \"teams\": [{\"name\": \"eng\", \"agents\": [{\"name\": \"x\"}]}]}";
    Path ink = write(dir, "registry/companies/acme/polpo.json", company);
    Path project = write(dir, "b/polpo.json", company);
    CliRun r =
        CliRun.of("validate", "--no-snippet", saved.toString(), ink.toString(), project.toString());
    List<String> f = findings(r);
    assertEquals(1, f.size(), r.out());
    // "teams" key at col 18 of the project's polpo.json: {"project": "c", then a blank.
    assertTrue(has(f, project + ":1:18: warning: ", "polpo/config/agents-in-polpo-json"));
  }

  @Test
  void envUnresolved_providerKeysZeroThreeNeverReads_notReportedEvenWithRequireEnv(
      @TempDir Path dir) throws IOException {
    Path p =
        write(
            dir,
            "polpo.json",
            "{\"providers\": {\"anthropic\": \"${ANTHROPIC_API_KEY}\",",
            "  \"openai\": {\"apiKey\": \"${OPENAI_API_KEY}\","
                + " \"baseUrl\": \"https://p.example\"}}}");
    CliRun r = CliRun.of("validate", "--no-snippet", "--require-env", p.toString());
    List<String> f = findings(r);
    assertEquals(0, r.exit(), r.all());
    assertFalse(r.out().contains("polpo/env/unresolved"), r.out());
    // The one right finding per field: string form at col 16, apiKey at 2:14.
    assertTrue(has(f, p + ":1:16: warning: ", "polpo/providers/api-key-ignored"), r.out());
    assertTrue(has(f, p + ":2:14: warning: ", "polpo/providers/api-key-ignored"), r.out());
  }

  @Test
  void modelUnknown_wholePiAi062Catalog_unresolvableReportedResolvableNot(@TempDir Path dir)
      throws IOException {
    Path p =
        write(
            dir,
            "agents.json",
            "[",
            // the model value opens at col 36 on each line (2 blanks + 33 characters).
            "  {\"agent\": {\"name\": \"a\", \"model\": \"xai/grok-4.1-fast-non-reasoning\"},"
                + " \"teamName\": \"t\"},",
            "  {\"agent\": {\"name\": \"b\", \"model\": \"openai:gpt-4\"}, \"teamName\": \"t\"},",
            "  {\"agent\": {\"name\": \"c\", \"model\": \"xai:grok-3\"}, \"teamName\": \"t\"},",
            "  {\"agent\": {\"name\": \"d\", \"model\": \"github-copilot:copilot-model\"},"
                + " \"teamName\": \"t\"}",
            "]");
    CliRun r = CliRun.of("validate", "--no-snippet", p.toString());
    List<String> f = findings(r);
    assertEquals(2, f.size(), r.out());
    // A dotted xai id is the dotted-id rule's (0.3.x resolves only the hyphenated spelling), an
    // error in an agent (the run throws "Model ... not found", pi-client.ts:283-289), and its
    // help names the id pi-ai resolves (xai grok-4-1-fast-non-reasoning).
    assertTrue(
        has(f, p + ":2:36: error: dotted model id \"grok-4.1-fast-non-reasoning\"",
            "polpo/model/dotted-id"),
        r.out());
    assertTrue(r.out().contains("write \"xai/grok-4-1-fast-non-reasoning\""), r.out());
    assertFalse(r.out().contains("grok-4.1-fast-non-reasoning\" not found"), r.out());
    assertTrue(has(f, p + ":5:36: error: Model \"copilot-model\"", UNKNOWN), r.out());
  }

  @Test
  void modelAllowlist_neverEnforced_warnsOnceAndNeverRefusesTheOrchestratorModel(
      @TempDir Path dir) throws IOException {
    Path p =
        write(
            dir,
            "polpo.json",
            "{\"settings\": {\"orchestratorModel\": \"anthropic:claude-opus-4-6\",",
            // "modelAllowlist" key at col 3 of line 2; its key "anthropic:claude-sonnet-4-0"
            // (retired) at col 22.
            "  \"modelAllowlist\": {\"anthropic:claude-sonnet-4-0\": {}}}}");
    CliRun r = CliRun.of("validate", "--no-snippet", p.toString());
    List<String> f = findings(r);
    assertEquals(0, r.exit(), r.all());
    assertTrue(
        has(f, p + ":2:3: warning: modelAllowlist is never enforced by Polpo 0.3.x",
            "polpo/model/allowlist-not-enforced"),
        r.out());
    assertTrue(has(f, p + ":2:22: warning: ", "polpo/model/retired"), r.out());
    assertFalse(r.out().contains("not-allowed"), r.out());
    assertEquals(2, f.size(), r.out());
  }

  @Test
  void notifications_emailWithoutApiKey_droppedUnlessSmtp(@TempDir Path dir) throws IOException {
    // EmailChannel: provider defaults to "resend"; no apiKey and provider != "smtp" throws
    // "Email channel (resend) requires apiKey" (email.ts:26-36).
    Path p =
        write(
            dir,
            "polpo.json",
            "{\"settings\": {\"notifications\": {\"rules\": [], \"channels\": {",
            "  \"resend\": {\"type\": \"email\", \"to\": [\"ops@example.com\"]},",
            "  \"smtp\": {\"type\": \"email\", \"provider\": \"smtp\","
                + " \"to\": [\"ops@example.com\"]}}}}}");
    CliRun r = CliRun.of("validate", "--no-snippet", p.toString());
    List<String> f = findings(r);
    assertEquals(1, f.size(), r.out());
    // the "resend" key opens at col 3 of line 2
    assertTrue(
        has(f, p + ":2:3: error: missing required key \"apiKey\"", ns("channel-dropped")), r.out());
  }

  @Test
  void escalation_levelNotifyChannels_neverDelivered(@TempDir Path dir) throws IOException {
    Path p =
        write(
            dir,
            "polpo.json",
            "{\"settings\": {\"escalationPolicy\": {\"name\": \"d\", \"levels\": [",
            "  {\"level\": 0, \"handler\": \"agent\"},",
            // "notifyChannels" key at col 36: 2 blanks, then {"level": 1, "handler": "human", .
            "  {\"level\": 1, \"handler\": \"human\", \"notifyChannels\": [\"ops\"]}]}}}");
    CliRun r = CliRun.of("validate", "--no-snippet", p.toString());
    List<String> f = findings(r);
    assertEquals(1, f.size(), r.out());
    assertTrue(
        has(f, p + ":3:36: warning: escalationPolicy.levels[1].notifyChannels is never used",
            ns("escalation-channels-unused")),
        r.out());
  }

  private static final String UNKNOWN = "polpo/model/unknown";

  private static String ns(String rule) {
    return "polpo/notifications/" + rule;
  }
}
