package dev.polpocheck.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.UserInputException;
import dev.polpocheck.sim.rotation.BillingWindowRule;
import dev.polpocheck.sim.rotation.CooldownSchedule;
import dev.polpocheck.sim.rotation.PinKind;
import dev.polpocheck.sim.rotation.ProfileType;
import dev.polpocheck.sim.rotation.RotationPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects {@code --scenario FILE}: the defaults a missing key takes, the overlay of a user file on
 * them, and one clear file:line:col message for a bad file.
 */
class ScenarioFilesTest {
  @TempDir Path dir;

  private Path write(String json) throws Exception {
    Path f = dir.resolve("scenario.json");
    Files.writeString(f, json);
    return f;
  }

  @Test
  void defaults_areTheCodeVariantWithEnvKeysAtTier4AndPolposSchedules() {
    Scenario s = ScenarioFiles.defaults();
    assertEquals(Variant.POLPO_CODE, s.variant());
    assertEquals(RotationPolicy.POLPO, s.rotation());
    assertEquals(CooldownSchedule.POLPO, s.cooldown());
    assertEquals(5 * 3_600_000L, s.billing().backoffMillis());
    assertEquals(BillingWindowRule.ANCHORED_AT_FIRST_FAILURE, s.billingSchedule().windowRule());
    assertEquals(new Scenario.Credential("env", "tier4", -1), s.envKeys().get("*"));
    assertEquals(300_000L, s.cache().ttlMillis());
    assertEquals(-1, s.cache().systemPrefixTokens());
    assertEquals(2, s.retry().sdkMaxRetries());
  }

  @Test
  void load_partialFile_overlaysDefaults() throws Exception {
    Scenario s =
        ScenarioFiles.load(
            write(
                """
                {"variant": "polpo-docs",
                 "profiles": [{"id": "anthropic:a", "provider": "anthropic", "type": "oauth",
                               "monthlySpendCapUsd": 100.5, "tokenLifetimeMinutes": 480}],
                 "pin": {"profile": "anthropic:a", "kind": "user"},
                 "cache": {"retention": "1h"}}
                """));
    assertEquals(Variant.POLPO_DOCS, s.variant());
    assertEquals(BillingWindowRule.SINCE_LAST_FAILURE, s.billingSchedule().windowRule());
    Scenario.Profile p = s.profiles().get(0);
    assertEquals(ProfileType.OAUTH, p.type());
    assertEquals("anthropic:a", p.organisation()); // its own organisation by default
    assertEquals(100_500_000_000_000L, p.monthlySpendCapPicos()); // $100.5 in picodollars
    assertEquals(480 * 60_000L, p.tokenLifetimeMillis());
    assertEquals(PinKind.USER, s.pin().kind());
    assertEquals(3_600_000L, s.cache().ttlMillis());
    assertEquals("deepseek", s.cache().automatic().keySet().iterator().next()); // merged default
  }

  @Test
  void load_wrongEnum_reportsFileLineColumn() throws Exception {
    Path f = write("{\n  \"variant\": \"polpo-code\",\n  \"rotation\": \"random\"\n}\n");
    UserInputException e = assertThrows(UserInputException.class, () -> ScenarioFiles.load(f));
    assertTrue(e.getMessage().startsWith(f + ":3:15: "), e.getMessage());
    assertTrue(e.getMessage().contains("/rotation"), e.getMessage());
  }

  @Test
  void load_unknownKey_isRejected() throws Exception {
    Path f = write("{\"profils\": []}");
    UserInputException e = assertThrows(UserInputException.class, () -> ScenarioFiles.load(f));
    assertTrue(e.getMessage().startsWith(f + ":1:"), e.getMessage());
    assertTrue(e.getMessage().contains("profils"), e.getMessage());
  }

  @Test
  void load_malformedJson_reportsPosition() throws Exception {
    Path f = write("{\"variant\": }");
    UserInputException e = assertThrows(UserInputException.class, () -> ScenarioFiles.load(f));
    assertTrue(e.getMessage().startsWith(f + ":1:"), e.getMessage());
  }

  @Test
  void load_pinOnUnknownProfile_isRejected() throws Exception {
    Path f = write("{\"pin\": {\"profile\": \"nope\", \"kind\": \"auto\"}}");
    UserInputException e = assertThrows(UserInputException.class, () -> ScenarioFiles.load(f));
    assertTrue(e.getMessage().startsWith(f + ":1:21: pin names profile \"nope\""), e.getMessage());
  }

  @Test
  void load_duplicateProfileId_pointsAtTheSecond() throws Exception {
    Path f =
        write(
            "{\"profiles\": [\n"
                + "  {\"id\": \"a\", \"provider\": \"anthropic\", \"type\": \"oauth\"},\n"
                + "  {\"id\": \"a\", \"provider\": \"anthropic\", \"type\": \"api_key\"}]}\n");
    UserInputException e = assertThrows(UserInputException.class, () -> ScenarioFiles.load(f));
    assertTrue(
        e.getMessage().startsWith(f + ":3:10: profile id \"a\" appears twice"), e.getMessage());
  }

  @Test
  void load_missingFile_isOneClearMessage() {
    UserInputException e =
        assertThrows(
            UserInputException.class, () -> ScenarioFiles.load(dir.resolve("absent.json")));
    assertTrue(e.getMessage().contains("absent.json"), e.getMessage());
  }

  @Test
  void parse_text_validatesWithTheGivenName() {
    assertEquals(
        Variant.POLPO_DOCS,
        ScenarioFiles.parse("inline", "{\"variant\": \"polpo-docs\"}").variant());
    UserInputException e =
        assertThrows(
            UserInputException.class,
            () -> ScenarioFiles.parse("inline", "{\"timing\": {\"compression\": 0}}"));
    assertTrue(e.getMessage().startsWith("inline:1:28: "), e.getMessage());
  }

  @Test
  void toJson_ofDefaults_loadsBackToTheSameScenario() throws Exception {
    Scenario d = ScenarioFiles.defaults();
    Path f = write(ScenarioFiles.toJson(d).toString());
    assertEquals(d, ScenarioFiles.load(f));
  }

  @Test
  void load_tierLimits_ofA2026Tier_parseAndWriteBackTheSame() throws Exception {
    Path f =
        write(
            "{\"profiles\": [{\"id\": \"a\", \"provider\": \"anthropic\", \"type\":"
                + " \"api_key\", \"tier\": \"start\"}], \"tierLimits\": {\"start\":"
                + " {\"HAIKU_3\": {\"rpm\": 50, \"itpm\": 50000, \"otpm\": 10000},"
                + " \"batch\": {\"rpm\": 50, \"queue\": 100000}}}}");
    Scenario s = ScenarioFiles.load(f);
    assertEquals("start", s.profiles().get(0).tier());
    // Haiku 3.x: its cache reads count toward ITPM, as in the shipped table
    assertEquals(
        new dev.polpocheck.sim.limits.LimitSpec(50, 50_000, 10_000, true),
        s.tierLimits().get("start").limits().get(dev.polpocheck.catalog.RateLimitClass.HAIKU_3));
    assertEquals(
        new dev.polpocheck.sim.limits.BatchLimits(50, 100_000), s.tierLimits().get("start").batch());
    Path back = write(ScenarioFiles.toJson(s).toString());
    assertEquals(s, ScenarioFiles.load(back));
  }

  @Test
  void load_tierLimitsWithoutOtpm_reportsFileLineColumn() throws Exception {
    // a tier's table is complete: all three of RPM / ITPM / OTPM are required
    Path f = write("{\"tierLimits\": {\"build\": {\"SONNET_4\": {\"rpm\": 50, \"itpm\": 1}}}}");
    UserInputException e = assertThrows(UserInputException.class, () -> ScenarioFiles.load(f));
    assertTrue(e.getMessage().startsWith(f + ":1:"), e.getMessage());
    assertTrue(e.getMessage().contains("otpm"), e.getMessage());
  }
}
