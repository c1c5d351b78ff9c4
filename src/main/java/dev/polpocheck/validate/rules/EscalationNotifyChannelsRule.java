package dev.polpocheck.validate.rules;

import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import tools.jackson.databind.JsonNode;

/**
 * {@code polpo/notifications/escalation-channels-unused}: an escalation level's {@code
 * notifyChannels}, which no sender reads.
 *
 * <p>EscalationManager only copies them into the {@code escalation:human} event payload
 * (packages/core/src/escalation-manager.ts:76-81, 216-232 @ alemicali/polpo-zhc 898e166). The
 * notification router dispatches an event to the channels of the routing rules it matches
 * (src/notifications/index.ts:193-219), never to channels named in the payload, so without a rule
 * on {@code escalation:human} nobody is told.
 */
final class EscalationNotifyChannelsRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/notifications/escalation-channels-unused",
          Severity.WARNING,
          "escalationPolicy level notifyChannels, which Polpo never sends to",
          "Polpo 0.3.x puts an escalation level's notifyChannels into the escalation:human event"
              + " and nothing more: the notification router sends events only to the channels of"
              + " matching routing rules. To be told, add a rule to settings.notifications.rules"
              + " with \"events\": [\"escalation:human\"] and those channels.",
          FileKind.POLPO);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    JsonNode levels = ctx.root().path("settings").path("escalationPolicy").path("levels");
    for (int i = 0; levels.isArray() && i < levels.size(); i++) {
      JsonNode channels = levels.get(i).path("notifyChannels");
      if (channels.isArray() && !channels.isEmpty()) {
        ctx.report(
            Target.key("/settings/escalationPolicy/levels/" + i + "/notifyChannels"),
            "escalationPolicy.levels["
                + i
                + "].notifyChannels is never used for delivery: Polpo only puts it into the"
                + " escalation:human event",
            "add a notifications rule with \"events\": [\"escalation:human\"] and these"
                + " channels");
      }
    }
  }
}
