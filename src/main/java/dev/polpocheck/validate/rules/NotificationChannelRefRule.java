package dev.polpocheck.validate.rules;

import dev.polpocheck.config.Suggestions;
import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code polpo/notifications/unknown-channel}: a channel id that names no channel of {@code
 * settings.notifications.channels}.
 *
 * <p>Every place that sends through the notification router names channels by id: routing rules
 * ({@code rules[].channels}, {@code send_notification} actions), approval gates ({@code
 * notifyChannels}, registered as router rules by ApprovalManager, packages/core/src/
 * approval-manager.ts:65-99 @ alemicali/polpo-zhc 898e166) and the SLA monitor ({@code
 * warningChannels}, {@code violationChannels}, sla-monitor.ts:142-165). The router looks each id up
 * and, on a miss, logs "Channel ... not found" and skips it (src/notifications/index.ts:212-219);
 * without any notifications config there is no router and nothing is sent. Escalation levels'
 * {@code notifyChannels} are not checked: Polpo only puts them in an event payload that no sender
 * reads (escalation-manager.ts:76-81).
 */
final class NotificationChannelRefRule implements Rule {

  static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "polpo/notifications/unknown-channel",
          Severity.WARNING,
          "Channel id that names no notification channel, so nothing is sent there",
          "Routing rules, send_notification actions, approval gates (notifyChannels) and the SLA"
              + " monitor (warningChannels, violationChannels) send through the notification"
              + " router by channel id. An id that is not a key of"
              + " settings.notifications.channels is skipped with a log line (\"Channel ... not"
              + " found\"), and without settings.notifications nothing is sent at all: the alert"
              + " you configured never arrives.",
          FileKind.POLPO);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext ctx) {
    JsonNode settings = ctx.root().path("settings");
    JsonNode channels = settings.path("notifications").path("channels");
    List<String> defined = new ArrayList<>();
    if (channels.isObject()) {
      for (Map.Entry<String, JsonNode> e : channels.properties()) {
        defined.add(e.getKey());
      }
    }
    List<String> lists = new ArrayList<>();
    JsonNode rules = settings.path("notifications").path("rules");
    for (int i = 0; i < rules.size(); i++) {
      String rule = "/settings/notifications/rules/" + i;
      lists.add(rule + "/channels");
      JsonNode actions = rules.get(i).path("actions");
      for (int j = 0; j < actions.size(); j++) {
        if (actions.get(j).path("type").asString("").equals("send_notification")) {
          check(ctx, rule + "/actions/" + j + "/channel", defined);
        }
      }
    }
    JsonNode gates = settings.path("approvalGates");
    for (int i = 0; i < gates.size(); i++) {
      lists.add("/settings/approvalGates/" + i + "/notifyChannels");
    }
    lists.add("/settings/sla/warningChannels");
    lists.add("/settings/sla/violationChannels");
    for (String list : lists) {
      JsonNode ids = ctx.root().at(list);
      for (int i = 0; ids.isArray() && i < ids.size(); i++) {
        check(ctx, PositionIndex.child(list, i), defined);
      }
    }
  }

  private static void check(RuleContext ctx, String pointer, List<String> defined) {
    JsonNode id = ctx.root().at(pointer);
    if (!id.isString() || defined.contains(id.asString())) {
      return;
    }
    String help;
    if (defined.isEmpty()) {
      help = "define it under settings.notifications.channels (with \"rules\": [] if no routing)";
    } else {
      String near = Suggestions.didYouMean(id.asString(), defined);
      help =
          near.isEmpty()
              ? "defined channels: " + String.join(", ", defined)
              : near + " (defined channels: " + String.join(", ", defined) + ")";
    }
    ctx.report(
        Target.value(pointer),
        "channel \""
            + id.asString()
            + "\" is not defined in settings.notifications.channels; Polpo skips it"
            + (defined.isEmpty() ? " (no notification channel is configured)" : ""),
        help);
  }
}
