package dev.polpocheck.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.config.Environment;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects the auth-profiles.json checks of polpo-semantics.md §9.5: each rule has a failing and a
 * passing case, times are judged against the injected clock (2026-11-25T12:00:00Z = 1 795 608 000
 * 000 ms), and no token text reaches a finding.
 */
class AuthProfileRulesTest {

  private static final long NOW = 1_795_608_000_000L;
  private static final long HOUR = 3_600_000L;
  private static final String TOKEN = "tok-" + "q".repeat(40);

  private static Rule rule(String name) {
    return AuthProfileRules.all().stream()
        .filter(r -> r.descriptor().id().equals("polpo/auth/" + name))
        .findFirst()
        .orElseThrow();
  }

  private static String file(String profiles, String stats) {
    return "{\"version\":1,\"profiles\":{"
        + profiles
        + "}"
        + (stats == null ? "" : ",\"usageStats\":{" + stats + "}")
        + "}";
  }

  private static String profile(String id, String extra) {
    return "\""
        + id
        + "\":{\"provider\":\""
        + id.substring(0, Math.max(0, id.indexOf(':')))
        + "\",\"type\":\"oauth\",\"access\":\""
        + TOKEN
        + "\""
        + extra
        + "}";
  }

  private static final String GOOD = file(profile("anthropic:me@x.dev", ""), null);

  private static List<Finding> run(String name, String json) {
    return RuleHarness.run(rule(name), FileKind.AUTH_PROFILES, json);
  }

  @Test
  void all_goodFile_hasNoFindingsFromAnyAuthRule() {
    for (Rule r : AuthProfileRules.all()) {
      assertEquals(
          List.of(), RuleHarness.run(r, FileKind.AUTH_PROFILES, GOOD), r.descriptor().id());
    }
  }

  @Test
  void inWorkTree_fileUnderGitRepo_isReported(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    Path f = dir.resolve("config/auth-profiles.json");
    List<Finding> found =
        RuleHarness.run(
            rule("in-work-tree"), FileKind.AUTH_PROFILES, GOOD, Environment.staticPass(), f);
    assertEquals(1, found.size());
    assertTrue(found.get(0).message().contains("git work tree"));
  }

  @Test
  void inWorkTree_fileOutsideRepo_passes(@TempDir Path dir) {
    Path f = dir.resolve("home/.polpo/auth-profiles.json");
    assertEquals(
        List.of(),
        RuleHarness.run(
            rule("in-work-tree"), FileKind.AUTH_PROFILES, GOOD, Environment.staticPass(), f));
  }

  @Test
  void version_stringVersion_isReported() {
    List<Finding> f = run("version", "{\"version\":\"1\",\"profiles\":{}}");
    assertEquals(Target.value("/version"), f.get(0).target());
  }

  @Test
  void profileId_badForms_isReported() {
    String json =
        file(
            profile("anthropic", "")
                + ","
                + profile("Anthropic:me", "")
                + ","
                + profile("anthropic:a:b", "")
                + ","
                + profile("anthropic:__proto__", ""),
            null);
    List<Finding> f = run("profile-id", json);
    assertEquals(4, f.size());
    assertEquals(Target.key("/profiles/anthropic"), f.get(0).target());
  }

  @Test
  void providerMismatch_fieldDiffersFromPrefix_isReported() {
    String json =
        file("\"openai:x\":{\"provider\":\"anthropic\",\"type\":\"oauth\",\"access\":\"a\"}", null);
    List<Finding> f = run("provider-mismatch", json);
    assertEquals(Target.value("/profiles/openai:x/provider"), f.get(0).target());
  }

  @Test
  void providerPattern_missingOrUppercaseProvider_isReported() {
    String json =
        file(
            "\"a:x\":{\"type\":\"oauth\",\"access\":\"a\"},"
                + "\"b:y\":{\"provider\":\"Anthropic\",\"type\":\"oauth\",\"access\":\"a\"}",
            null);
    assertEquals(2, run("provider-pattern", json).size());
  }

  @Test
  void type_unknownType_isReportedWithSuggestion() {
    String json = file("\"a:x\":{\"provider\":\"a\",\"type\":\"apikey\",\"access\":\"a\"}", null);
    List<Finding> f = run("type", json);
    assertEquals("api_key", f.get(0).suggestion());
  }

  @Test
  void token_controlCharacterOrEmpty_isReportedWithoutQuotingToken() {
    String json =
        file(
            "\"a:x\":{\"provider\":\"a\",\"type\":\"oauth\",\"access\":\""
                + TOKEN
                + "\\u0007\"},"
                + "\"a:y\":{\"provider\":\"a\",\"type\":\"oauth\",\"access\":\"\"}",
            null);
    List<Finding> f = run("token", json);
    assertEquals(2, f.size());
    // the bell character sits right after the 44-character token
    assertTrue(f.get(0).message().contains("U+0007 at position 44 (of 45)"), f.get(0).message());
    assertTrue(f.get(1).message().contains("is empty"));
    for (Finding x : f) {
      assertFalse(RuleHarness.text(x).contains("qqqq"));
    }
  }

  @Test
  void token_tabAndNewline_areAcceptedLikePolpo() {
    String json =
        file("\"a:x\":{\"provider\":\"a\",\"type\":\"oauth\",\"access\":\"x\\ty\\nz\"}", null);
    assertEquals(List.of(), run("token", json));
  }

  @Test
  void timestamp_secondsStringAndNonIso_reported() {
    String json =
        file(
            profile("a:x", ",\"expires\":1795608000,\"createdAt\":1795608000000"),
            "\"a:x\":{\"lastUsed\":\"2026-11-25\"}");
    List<Finding> f = run("timestamp", json);
    assertEquals(3, f.size(), f.toString());
    // expires in seconds: warning with the value times 1000
    assertEquals(Severity.WARNING, f.get(0).severity());
    assertEquals("1795608000000", f.get(0).suggestion());
    assertEquals(Severity.WARNING, f.get(1).severity()); // createdAt not ISO
    assertEquals(null, f.get(2).severity()); // usageStats.lastUsed as a string: error
  }

  @Test
  void expired_withoutRefresh_isReportedButWithRefreshPasses() {
    String expired = file(profile("a:x", ",\"expires\":" + (NOW - HOUR)), null);
    assertEquals(1, run("expired", expired).size());
    String refreshable =
        file(profile("a:x", ",\"expires\":" + (NOW - HOUR) + ",\"refresh\":\"r\""), null);
    assertEquals(List.of(), run("expired", refreshable));
  }

  @Test
  void expiring_within24Hours_isReportedAndLaterPasses() {
    List<Finding> f =
        run("expiring", file(profile("a:x", ",\"expires\":" + (NOW + 2 * HOUR)), null));
    assertTrue(f.get(0).message().contains("2026-11-25T14:00:00Z"), f.get(0).message());
    assertEquals(
        List.of(),
        run("expiring", file(profile("a:x", ",\"expires\":" + (NOW + 25 * HOUR)), null)));
  }

  @Test
  void unavailable_billingDisabledNow_isReportedWithEndTime() {
    String json =
        file(
            profile("a:x", ""),
            "\"a:x\":{\"disabledUntil\":"
                + (NOW + 5 * HOUR)
                + ",\"cooldownUntil\":"
                + (NOW + HOUR)
                + "}");
    List<Finding> f = run("unavailable", json);
    assertEquals(1, f.size());
    assertTrue(f.get(0).message().contains("billing-disabled until 2026-11-25T17:00:00Z"));
    String past = file(profile("a:x", ""), "\"a:x\":{\"cooldownUntil\":" + (NOW - 1) + "}");
    assertEquals(List.of(), run("unavailable", past));
  }

  @Test
  void orphanStats_statsWithoutProfile_isReported() {
    String json = file(profile("a:x", ""), "\"a:gone\":{\"lastUsed\":" + NOW + "}");
    assertEquals(Target.key("/usageStats/a:gone"), run("orphan-stats", json).get(0).target());
  }

  @Test
  void fileMode_groupReadable_isReportedAnd0600Passes(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("auth-profiles.json");
    Files.writeString(f, GOOD);
    Assumptions.assumeTrue(
        f.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "POSIX file system only");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    List<Finding> loose =
        RuleHarness.run(
            rule("file-mode"), FileKind.AUTH_PROFILES, GOOD, Environment.staticPass(), f);
    assertEquals(1, loose.size());
    assertTrue(loose.get(0).message().contains("0644"), loose.get(0).message());
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    assertEquals(
        List.of(),
        RuleHarness.run(
            rule("file-mode"), FileKind.AUTH_PROFILES, GOOD, Environment.staticPass(), f));
  }

  @Test
  void envShadowsProfiles_resolvedPassWithKey_isReportedOtherwisePasses() {
    Environment withKey = Environment.resolved(Map.of("ANTHROPIC_API_KEY", "k"), null, Map.of());
    assertEquals(
        1,
        RuleHarness.run(rule("env-shadows-profiles"), FileKind.AUTH_PROFILES, GOOD, withKey)
            .size());
    Environment emptyKey = Environment.resolved(Map.of("ANTHROPIC_API_KEY", ""), null, Map.of());
    assertEquals(
        List.of(),
        RuleHarness.run(rule("env-shadows-profiles"), FileKind.AUTH_PROFILES, GOOD, emptyKey));
  }
}
