package dev.polpocheck.validate;

import static dev.polpocheck.validate.FileKind.AGENTS;
import static dev.polpocheck.validate.FileKind.POLPO;

import java.util.List;
import java.util.Map;

/**
 * Rules whose check is a schema constraint (tagged {@code x-rule} in the schema) or a deprecated
 * key (tagged {@code x-rule} with a {@code deprecationMessage}). They are reported by the engine
 * from the schema; this class gives them ids, severities, documentation and the consequence
 * appended to the schema message.
 */
final class SchemaRules {
  private SchemaRules() {}

  private static final String NOT_TOLD =
      "Polpo documents this rule in validateAgents, but 0.3.x"
          + " never calls it, so Polpo itself would not tell you";

  static final List<RuleDescriptor> ALL =
      List.of(
          RuleDescriptor.of(
              "polpo/settings/log-level",
              Severity.ERROR,
              "settings.logLevel is not quiet, normal or verbose",
              "parseSettings rejects any other value, including the empty string, and Polpo refuses"
                  + " to start with `Invalid logLevel \"...\": must be quiet, normal, or verbose`.",
              POLPO),
          RuleDescriptor.of(
              "polpo/settings/storage-ignored",
              Severity.WARNING,
              "settings.storage is not file, sqlite or postgres, so Polpo drops it",
              "parseSettings keeps storage only when it is one of the three backends; any other"
                  + " value is dropped silently and Polpo uses file storage.",
              POLPO),
          RuleDescriptor.of(
              "polpo/settings/reasoning-enum",
              Severity.WARNING,
              "reasoning level outside off, minimal, low, medium, high, xhigh",
              "Polpo copies settings.reasoning and an agent's reasoning without checking them (only"
                  + " the HTTP API checks), so a typo reaches the provider call unchecked.",
              POLPO,
              AGENTS),
          RuleDescriptor.of(
              "polpo/settings/no-primary",
              Severity.ERROR,
              "orchestratorModel object without a string primary",
              "An object orchestratorModel needs a string primary; Polpo drops a non-string one and"
                  + " then fails with `No primary model configured`.",
              POLPO),
          RuleDescriptor.of(
              "polpo/settings/fallbacks-non-string",
              Severity.WARNING,
              "orchestratorModel.fallbacks entry that is not a string",
              "Polpo filters non-string fallback entries out silently, so the chain is shorter than"
                  + " written.",
              POLPO),
          RuleDescriptor.of(
              "polpo/providers/api-enum",
              Severity.ERROR,
              "providers.*.api is not openai-completions, openai-responses or anthropic-messages",
              "Polpo copies api without checking it and maps unknown values to no API at all, so a"
                  + " custom model using this provider fails when first called.",
              POLPO),
          RuleDescriptor.of(
              "polpo/agents/missing-name",
              Severity.ERROR,
              "Agent without a name",
              "Every agent needs a non-empty string name (`Each agent must have a name`). "
                  + NOT_TOLD
                  + "; lookups by name then fail.",
              AGENTS),
          RuleDescriptor.of(
              "polpo/agents/allowed-paths",
              Severity.ERROR,
              "allowedPaths is not an array of non-blank strings",
              "validateAgents requires allowedPaths to be an array of non-empty strings. "
                  + NOT_TOLD
                  + ".",
              AGENTS),
          RuleDescriptor.of(
              "polpo/agents/browser-profile",
              Severity.ERROR,
              "browserProfile has characters other than letters, digits, - and _",
              "browserProfile names a directory and must match ^[a-zA-Z0-9_-]+$. " + NOT_TOLD + ".",
              AGENTS),
          RuleDescriptor.of(
              "polpo/agents/responsibilities",
              Severity.ERROR,
              "identity.responsibilities is not an array",
              "validateAgents requires identity.responsibilities to be an array of strings or"
                  + " {area, description, priority} objects. "
                  + NOT_TOLD
                  + ".",
              AGENTS),
          RuleDescriptor.of(
              "polpo/config/org-key",
              Severity.WARNING,
              "Top-level org, which Polpo never reads",
              "Older docs name the project with \"org\"; Polpo reads only \"project\", so the name"
                  + " is lost. Rename the key.",
              POLPO),
          RuleDescriptor.of(
              "polpo/config/agents-in-polpo-json",
              Severity.WARNING,
              "agents, teams or team in polpo.json, which Polpo ignores",
              "The provider docs show agents inside polpo.json, and older versions kept teams"
                  + " there; Polpo 0.3.x discards them and loads agents only from"
                  + " .polpo/agents.json.",
              POLPO),
          RuleDescriptor.of(
              "polpo/providers/api-key-ignored",
              Severity.WARNING,
              "Provider key in polpo.json (string form or apiKey), ignored by Polpo 0.3.x",
              "The docs show \"anthropic\": \"${ANTHROPIC_API_KEY}\" and providers.*.apiKey, but"
                  + " since March 2026 Polpo skips string entries and never reads apiKey. Keys come"
                  + " from the environment (including a git-ignored .polpo/.env) or from auth"
                  + " profiles.",
              POLPO),
          RuleDescriptor.of(
              "polpo/settings/billing-disable-ignored",
              Severity.WARNING,
              "settings.billingDisable, which Polpo never reads",
              "Documented as tuning the billing-disable back-off, but Polpo 0.3.x always uses 5 h"
                  + " doubling to a 24 h cap with a 24 h window.",
              POLPO),
          RuleDescriptor.of(
              "polpo/retry/escalate-model-unused",
              Severity.WARNING,
              "retryPolicy.escalateModel, which Polpo never uses",
              "escalateModel is declared and documented but no code path reads it; escalation only"
                  + " changes the agent (fallbackAgent or reportsTo).",
              POLPO),
          RuleDescriptor.of(
              "polpo/notifications/start-fails",
              Severity.ERROR,
              "settings.notifications without channels or rules, or a rule without events",
              "When settings.notifications is set, the orchestrator creates a NotificationRouter"
                  + " and calls init() and start() (src/core/orchestrator.ts:437-443 @"
                  + " alemicali/polpo-zhc 898e166), which iterate notifications.channels,"
                  + " notifications.rules and each rule's events with no fallback"
                  + " (src/notifications/index.ts:91, 105, 117-118). A missing one throws a"
                  + " TypeError and the orchestrator fails to start. Write \"rules\": [] when no"
                  + " routing is wanted.",
              POLPO),
          RuleDescriptor.of(
              "polpo/notifications/channel-dropped",
              Severity.ERROR,
              "Notification channel its constructor rejects, so Polpo drops it",
              "Each channel is built from its config by its constructor"
                  + " (src/notifications/channels/*.ts @ alemicali/polpo-zhc 898e166), which throws"
                  + " without the field it needs (slack webhookUrl, telegram botToken and chatId,"
                  + " whatsapp chatId, email to and, unless provider is smtp, apiKey, webhook url)"
                  + " or when chatId is not a string (a"
                  + " number has no startsWith or replace). NotificationRouter.init catches the"
                  + " error, logs a warning and skips the channel: every notification and gateway"
                  + " message for it is silently lost.",
              POLPO),
          RuleDescriptor.of(
              "polpo/agents/inline-vault",
              Severity.WARNING,
              "Legacy inline vault on an agent, which Polpo discards",
              "Inline credentials on an agent are deleted on load; use `polpo vault` so they are"
                  + " stored encrypted in .polpo/vault.enc.",
              AGENTS));

  private static final Map<String, String> CONSEQUENCES =
      Map.ofEntries(
          Map.entry(
              "polpo/notifications/start-fails",
              "the orchestrator fails to start (NotificationRouter iterates it)"),
          Map.entry(
              "polpo/notifications/channel-dropped",
              "Polpo cannot create this channel and silently drops it"),
          Map.entry("polpo/settings/log-level", "Polpo refuses to start with any other value"),
          Map.entry(
              "polpo/settings/storage-ignored",
              "Polpo silently drops it and uses file storage"),
          Map.entry("polpo/settings/reasoning-enum", "Polpo passes it on unchecked"),
          Map.entry(
              "polpo/settings/no-primary",
              "Polpo fails with \"No primary model configured\""),
          Map.entry(
              "polpo/settings/fallbacks-non-string",
              "Polpo silently drops non-string fallbacks"),
          Map.entry(
              "polpo/providers/api-enum",
              "Polpo maps other values to no API and the model fails"),
          Map.entry(
              "polpo/agents/missing-name",
              "Polpo itself would not tell you (validateAgents never runs)"),
          Map.entry(
              "polpo/agents/allowed-paths",
              "Polpo itself would not tell you (validateAgents never runs)"),
          Map.entry(
              "polpo/agents/browser-profile",
              "Polpo itself would not tell you (validateAgents never runs)"),
          Map.entry(
              "polpo/agents/responsibilities",
              "Polpo itself would not tell you (validateAgents never runs)"));

  /** The clause appended to a schema message reported under {@code rule}, or null. */
  static String consequence(String rule) {
    return CONSEQUENCES.get(rule);
  }
}
