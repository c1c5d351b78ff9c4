package dev.polpocheck.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every rule's default severity, pinned in one table. The rule tests check what a rule finds (a
 * test that checks only that a rule fires is named "...isReported"; one named "...isError",
 * "...isWarning" or "...isInfo" asserts the severity itself); this table checks how loud each rule
 * is by default, so no rule can drift from error to warning unnoticed, and a new rule must take its
 * place here.
 *
 * <p>Each expected severity comes from what Polpo 0.3.x does with the input (alemicali/polpo-zhc
 * @898e166, as the rule documentation cites it), by the scale of {@link Severity}: ERROR when Polpo
 * refuses to start, rejects or skips the entry, loses data, or the value can never work (including
 * the checks Polpo documents in validateAgents/createAgent but never runs on load); WARNING when
 * Polpo silently ignores the value or reads it differently than written; INFO for a state worth
 * knowing that changes nothing.
 */
class RuleSeveritiesTest {

  private static final Map<String, Severity> EXPECTED = new LinkedHashMap<>();

  private static void row(String id, Severity s, String whatPolpoDoes) {
    if (EXPECTED.put(id, s) != null) {
      throw new IllegalStateException("twice in the table: " + id + " (" + whatPolpoDoes + ")");
    }
  }

  static {
    Severity e = Severity.ERROR;
    Severity w = Severity.WARNING;
    Severity i = Severity.INFO;
    row("polpo/io/unreadable", e, "the file cannot be read at all");
    row("polpo/config/unparsable", e, "JSON.parse throws: Polpo cannot load the file");
    row("polpo/config/duplicate-key", e, "JSON.parse keeps the last value: data lost silently");
    row("polpo/schema/invalid", e, "a value of the wrong type cannot work");
    row("polpo/schema/required", e, "a key Polpo needs is missing");
    row("polpo/config/unknown-key", w, "never read: a typo is silently ignored");
    row("polpo/agents/allowed-paths", e, "validateAgents rejects it (documented, never run)");
    row("polpo/agents/browser-profile", e, "validateAgents rejects it (documented, never run)");
    row("polpo/agents/duplicate-name", e, "createAgent rejects it; the later agent is unreachable");
    row("polpo/agents/inline-vault", w, "the legacy inline vault is discarded silently");
    row("polpo/agents/missing-name", e, "validateAgents rejects it; no lookup can find the agent");
    row("polpo/agents/reports-to-cycle", e, "validateAgents rejects a cycle (documented)");
    row("polpo/agents/reports-to-self", e, "validateAgents rejects it (documented)");
    row("polpo/agents/reports-to-unknown", e, "validateAgents rejects it (documented)");
    row("polpo/agents/responsibilities", e, "validateAgents rejects it (documented)");
    row("polpo/auth/env-shadows-profiles", i, "the environment key wins; nothing breaks");
    row("polpo/auth/expired", w, "the profile is silently never used again");
    row("polpo/auth/expiring", i, "still valid for now");
    row("polpo/auth/file-mode", w, "read anyway; other users can read the tokens");
    row("polpo/auth/in-work-tree", e, "read anyway, but a commit leaks every token it holds");
    row("polpo/auth/orphan-stats", i, "an unused usageStats entry changes nothing");
    row("polpo/auth/profile-id", e, "Polpo rejects and skips the profile");
    row("polpo/auth/provider-mismatch", w, "selection reads the provider field, not the id");
    row("polpo/auth/provider-pattern", e, "selection filters on it: the profile is never used");
    row("polpo/auth/timestamp", e, "a non-number time breaks Polpo's cooldown arithmetic");
    row("polpo/auth/token", e, "validateToken rejects it when the profile is saved");
    row("polpo/auth/type", e, "neither oauth nor api_key: the profile cannot be used");
    row("polpo/auth/unavailable", i, "cooling down or billing-disabled: comes back by itself");
    row("polpo/auth/version", e, "treated as corrupt: read as empty and reset on next write");
    row("polpo/config/agents-in-polpo-json", w, "agents/teams in polpo.json are ignored");
    row("polpo/config/org-key", w, "top-level org is never read");
    row("polpo/env/not-interpolated", w, "used literally: ${VAR} is not expanded there");
    row("polpo/env/unresolved", w, "expands to \"\" silently");
    row("polpo/env/unsupported-syntax", w, "$VAR, ${VAR:-x} ... are used literally");
    row("polpo/model/allowlist-not-enforced", w, "agents bypass the allowlist silently");
    row("polpo/model/cannot-infer", e, "resolveModelSpec throws \"Cannot infer provider\"");
    row("polpo/model/catalog-miss-shadowed", w, "becomes a zero-cost custom model silently");
    row("polpo/model/dotted-id", e, "unresolved: the run throws \"Model ... not found\"");
    row("polpo/model/no-credentials", e, "every call to the provider fails without a key");
    row("polpo/model/retired", e, "accepted, then every request fails at the provider");
    row("polpo/model/unknown", e, "Polpo cannot resolve the model or provider");
    row("polpo/credentials/env-only", e, "upstream reads keys only from the environment");
    row("polpo/layout/ambiguous", e, "upstream refuses a project with both layouts");
    row("polpo/layout/invalid-id", e, "the id is a path segment: upstream rejects it");
    row("polpo/layout/missing-instructions", e, "the agent loads without its instructions file");
    row("polpo/layout/reserved-field", e, "upstream's agent store rejects reserved keys");
    row("polpo/model/media-format", e, "a media model not provider/model cannot be resolved");
    row("polpo/model/profile-cycle", e, "profile resolution throws on a cycle");
    row("polpo/model/profile-depth", e, "profile resolution throws beyond depth 16");
    row("polpo/model/profile-not-allowed", e, "the agent's selection is refused");
    row("polpo/model/profile-unknown", e, "profile resolution throws on an unknown profile");
    row("polpo/model/selection-invalid", e, "upstream throws INVALID_SELECTION");
    row("polpo/model/too-many-fallbacks", e, "upstream refuses more than 3 fallbacks");
    row("polpo/notifications/channel-dropped", e, "the channel constructor throws: channel dropped");
    row("polpo/notifications/escalation-channels-unused", w, "notifyChannels is never sent to");
    row("polpo/notifications/start-fails", e, "NotificationRouter.start() throws: no start");
    row("polpo/notifications/unknown-channel", w, "a rule naming no channel sends nothing");
    row("polpo/notifications/whatsapp-chat-id", w, "the JID suffix is appended twice");
    row("polpo/notifications/whatsapp-profile-dir", w, "the login is looked up in the wrong folder");
    row("polpo/providers/api-enum", e, "no such API: requests cannot be built");
    row("polpo/providers/api-key-ignored", w, "0.3.x ignores a key written in polpo.json");
    row("polpo/providers/empty-entry", w, "an entry with nothing in it is dropped");
    row("polpo/providers/no-credential-source", w, "no profile: only the environment can help");
    row("polpo/providers/not-applied-to-agents", w, "agent runs never load the providers entry");
    row("polpo/retry/escalate-model-unused", w, "escalateModel is never used");
    row("polpo/secret/literal", e, "read fine, but the credential sits in a committed file");
    row("polpo/settings/billing-disable-ignored", w, "billingDisable is never read");
    row("polpo/settings/fallbacks-non-string", w, "a non-string fallback is skipped");
    row("polpo/settings/log-level", e, "parseSettings refuses to start: Invalid logLevel");
    row("polpo/settings/no-primary", e, "no primary model: the orchestrator cannot run");
    row("polpo/settings/postgres-url", e, "postgres storage cannot connect without a URL");
    row("polpo/settings/reasoning-enum", w, "an unknown reasoning level is not applied");
    row("polpo/settings/storage-ignored", w, "an unknown storage is dropped: file storage used");
  }

  @Test
  void everyRule_hasTheDefaultSeverityOfWhatPolpoDoes() {
    Map<String, Severity> actual = new TreeMap<>();
    for (RuleDescriptor d : Rules.descriptors()) {
      actual.put(d.id(), d.defaultSeverity());
    }
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, Severity> x : EXPECTED.entrySet()) {
      Severity got = actual.get(x.getKey());
      if (got != x.getValue()) {
        differences.add(x.getKey() + ": expected " + x.getValue() + ", is " + got);
      }
    }
    for (String id : actual.keySet()) {
      if (!EXPECTED.containsKey(id)) {
        differences.add(id + ": not in this table (add it with what Polpo does)");
      }
    }
    assertEquals(List.of(), differences);
  }
}
