package dev.polpocheck.validate.rules;

import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * The WhatsApp channel values Polpo 0.3.x reads differently from what its docs suggest, modelled on
 * the channel's constructor (src/notifications/channels/whatsapp.ts:90-98 @ alemicali/polpo-zhc
 * 898e166): {@code chatId} goes through {@code phoneToJid}, which strips {@code +}, spaces and
 * dashes and appends {@code @s.whatsapp.net}; {@code profileDir} is joined under {@code
 * .polpo/whatsapp-profiles/}. A missing or non-string chatId is a schema finding
 * ({@code polpo/notifications/channel-dropped}).
 */
final class WhatsAppChannelRules {
  private WhatsAppChannelRules() {}

  private static final String SUFFIX = "@s.whatsapp.net";
  private static final String PROFILES = "whatsapp-profiles/";

  /** Returns the rules in run order. */
  static List<Rule> all() {
    return List.of(new ChatIdJid(), new ProfileDirPath());
  }

  /** Calls {@code visit(pointer, channel)} for each whatsapp channel of the file. */
  private static void eachChannel(RuleContext ctx, BiConsumer<String, JsonNode> visit) {
    String base = "/settings/notifications/channels";
    JsonNode channels = ctx.root().at(base);
    if (!channels.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : channels.properties()) {
      JsonNode c = e.getValue();
      if (c.isObject() && c.path("type").asString("").equals("whatsapp")) {
        visit.accept(PositionIndex.child(base, e.getKey()), c);
      }
    }
  }

  /** {@code polpo/notifications/whatsapp-chat-id}: a chatId that is already a JID. */
  static final class ChatIdJid implements Rule {
    static final RuleDescriptor DESCRIPTOR =
        RuleDescriptor.of(
            "polpo/notifications/whatsapp-chat-id",
            Severity.WARNING,
            "WhatsApp chatId written as a JID (…@s.whatsapp.net); Polpo appends the suffix again",
            "The WhatsApp channel turns chatId into a JID by removing +, spaces and dashes and"
                + " appending @s.whatsapp.net (phoneToJid in src/notifications/channels/whatsapp.ts"
                + " @ alemicali/polpo-zhc 898e166). A chatId that already holds an @ (as one docs"
                + " page shows) becomes 39123456789@s.whatsapp.net@s.whatsapp.net, an address no"
                + " message can reach. Write the bare phone number with its country code.",
            FileKind.POLPO);

    @Override
    public RuleDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public void check(RuleContext ctx) {
      eachChannel(
          ctx,
          (pointer, c) -> {
            JsonNode chatId = c.path("chatId");
            if (!chatId.isString() || chatId.asString().indexOf('@') < 0) {
              return;
            }
            String value = chatId.asString();
            int at = value.indexOf('@');
            String bare = value.substring(0, at);
            Finding f =
                Finding.of(
                    Target.inString(PositionIndex.child(pointer, "chatId"), at, value.length()),
                    "chatId already holds a JID suffix; Polpo appends \""
                        + SUFFIX
                        + "\" itself, so messages go to \""
                        + value
                        + SUFFIX
                        + "\"",
                    "write the phone number only: \"" + bare + "\"");
            ctx.report(f.withSuggestion(bare));
          });
    }
  }

  /** {@code polpo/notifications/whatsapp-profile-dir}: a profileDir with the parent folder. */
  static final class ProfileDirPath implements Rule {
    static final RuleDescriptor DESCRIPTOR =
        RuleDescriptor.of(
            "polpo/notifications/whatsapp-profile-dir",
            Severity.WARNING,
            "WhatsApp profileDir that repeats whatsapp-profiles/, so the login is not found",
            "Polpo joins profileDir under .polpo/whatsapp-profiles/ (whatsapp.ts:96-97 @"
                + " alemicali/polpo-zhc 898e166), and `polpo whatsapp login [profile]` saves the"
                + " session in .polpo/whatsapp-profiles/<profile>. A profileDir written as a path"
                + " (\"whatsapp-profiles/default\", as one docs page shows) points at"
                + " .polpo/whatsapp-profiles/whatsapp-profiles/default, an empty folder: the"
                + " channel never finds the linked session. Write the profile name only.",
            FileKind.POLPO);

    @Override
    public RuleDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public void check(RuleContext ctx) {
      eachChannel(
          ctx,
          (pointer, c) -> {
            JsonNode dir = c.path("profileDir");
            if (!dir.isString()) {
              return;
            }
            String value = dir.asString();
            String trimmed = value.startsWith("./") ? value.substring(2) : value;
            if (!trimmed.startsWith(PROFILES) || trimmed.length() == PROFILES.length()) {
              return;
            }
            String name = trimmed.substring(PROFILES.length());
            Finding f =
                Finding.of(
                    Target.value(PositionIndex.child(pointer, "profileDir")),
                    "profileDir \""
                        + value
                        + "\" is joined under .polpo/whatsapp-profiles/, so Polpo looks in"
                        + " .polpo/whatsapp-profiles/"
                        + trimmed,
                    "write the profile name only: \"" + name + "\"");
            ctx.report(f.withSuggestion(name));
          });
    }
  }
}
