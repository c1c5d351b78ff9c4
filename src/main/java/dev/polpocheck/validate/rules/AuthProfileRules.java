package dev.polpocheck.validate.rules;

import dev.polpocheck.config.ProviderCredentials;
import dev.polpocheck.json.PositionIndex;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.Finding;
import dev.polpocheck.validate.Rule;
import dev.polpocheck.validate.RuleContext;
import dev.polpocheck.validate.RuleDescriptor;
import dev.polpocheck.validate.Severity;
import dev.polpocheck.validate.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code polpo/auth/*} rules for {@code auth-profiles.json} (polpo-semantics.md §9.2, §9.3,
 * §9.5). Tokens ({@code access}, {@code refresh}) are expected secrets here: they are checked for
 * length and control characters but never quoted; findings give lengths and positions only.
 */
final class AuthProfileRules {

  private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z0-9._@-]+");
  private static final Set<String> FORBIDDEN =
      Set.of(
          "__proto__",
          "constructor",
          "prototype",
          "toString",
          "valueOf",
          "hasOwnProperty",
          "isPrototypeOf",
          "propertyIsEnumerable",
          "toLocaleString");
  private static final int MAX_TOKEN = 16_384;
  private static final long DAY_MS = 24L * 60 * 60 * 1000;
  // Epoch milliseconds have 13 digits since 2001; a smaller number is most likely seconds.
  private static final long MS_THRESHOLD = 1_000_000_000_000L;
  private static final List<String> STATS_TIMES =
      List.of("lastUsed", "cooldownUntil", "disabledUntil", "failureWindowStart");

  private AuthProfileRules() {}

  private static RuleDescriptor d(String name, Severity severity, String summary, String doc) {
    return RuleDescriptor.of("polpo/auth/" + name, severity, summary, doc, FileKind.AUTH_PROFILES);
  }

  /** Returns the auth-profiles rules in run order. */
  static List<Rule> all() {
    return List.of(
        new AuthRule(
            d(
                "in-work-tree",
                Severity.ERROR,
                "auth-profiles.json inside a git work tree",
                "auth-profiles.json holds OAuth access and refresh tokens and API keys in plain "
                    + "JSON. It belongs in the home directory (~/.polpo/auth-profiles.json, or "
                    + "$POLPO_STATE_DIR), never in a repository where it can be committed. Move it "
                    + "out, git-ignore it, and rotate every token if it was ever committed."),
            AuthProfileRules::inWorkTree),
        new AuthRule(
            d(
                "version",
                Severity.ERROR,
                "Missing or non-numeric version (Polpo resets the file)",
                "Polpo requires a numeric version (currently 1). A file that is not an object or "
                    + "has a non-numeric version is treated as corrupt: read as empty (\"Corrupted "
                    + "auth-profiles.json — resetting\") and replaced on the next write, losing "
                    + "every profile."),
            AuthProfileRules::version),
        new AuthRule(
            d(
                "profile-id",
                Severity.ERROR,
                "Profile id that Polpo rejects and skips",
                "A profile id is <provider>:<identifier>, split at the first colon; the provider "
                    + "matches ^[a-z0-9][a-z0-9_-]{0,63}$, the identifier ^[a-zA-Z0-9._@-]+$, and "
                    + "neither the id nor the identifier may be a JavaScript object property name "
                    + "such as __proto__ or constructor. Polpo skips other ids with a warning."),
            AuthProfileRules::profileIds),
        new AuthRule(
            d(
                "provider-mismatch",
                Severity.WARNING,
                "Profile provider field differs from its id prefix",
                "Polpo selects profiles by their provider field but matches usage statistics by "
                    + "the id prefix, so a profile whose field and prefix differ is used for one "
                    + "provider and gets rotation statistics from another."),
            AuthProfileRules::providerMismatch),
        new AuthRule(
            d(
                "provider-pattern",
                Severity.ERROR,
                "Profile provider missing or not a valid provider id",
                "The provider field must match ^[a-z0-9][a-z0-9_-]{0,63}$; profile selection "
                    + "filters on it, so a profile without a valid provider is never used."),
            AuthProfileRules::providerPattern),
        new AuthRule(
            d(
                "type",
                Severity.ERROR,
                "Profile type not \"oauth\" or \"api_key\"",
                "Polpo knows two profile types: oauth (sorted first in rotation, refreshable) and "
                    + "api_key."),
            AuthProfileRules::type),
        new AuthRule(
            d(
                "token",
                Severity.ERROR,
                "Token (access/refresh) empty, too long or with control characters",
                "access and refresh must be 1 to 16 384 characters without the control "
                    + "characters U+0000–U+0008, U+000B, U+000C, U+000E–U+001F (Polpo's "
                    + "validateToken, applied when a profile is saved). Tokens are never printed: "
                    + "findings give lengths and positions only."),
            AuthProfileRules::tokens),
        new AuthRule(
            d(
                "timestamp",
                Severity.ERROR,
                "Timestamp of the wrong kind (epoch ms numbers vs ISO-8601 strings)",
                "expires and the usageStats times (lastUsed, cooldownUntil, disabledUntil, "
                    + "failureWindowStart) are epoch milliseconds: a non-number is an error, a "
                    + "number below 10^12 is probably seconds (warning) and would make Polpo think "
                    + "the time is in 1970. A profile's lastUsed and createdAt are ISO-8601 "
                    + "strings (warning otherwise)."),
            AuthProfileRules::timestamps),
        new AuthRule(
            d(
                "expired",
                Severity.WARNING,
                "Expired profile without a refresh token (never used again)",
                "Polpo skips an expired profile that has no refresh token (\"Skipping expired "
                    + "profile\") and falls back to other credentials. Log in again."),
            AuthProfileRules::expired),
        new AuthRule(
            d(
                "expiring",
                Severity.INFO,
                "Profile token expires within 24 hours",
                "The same 24-hour threshold polpo models status --check uses. OAuth profiles "
                    + "with a refresh token are refreshed automatically."),
            AuthProfileRules::expiring),
        new AuthRule(
            d(
                "unavailable",
                Severity.INFO,
                "Profile currently cooling down or billing-disabled",
                "usageStats says the profile is in a cooldown (cooldownUntil) or billing-disabled "
                    + "(disabledUntil) right now; Polpo uses it only as a last resort until then."),
            AuthProfileRules::unavailable),
        new AuthRule(
            d(
                "orphan-stats",
                Severity.INFO,
                "usageStats entry without a matching profile",
                "Statistics for a profile id that does not exist are kept but never used; they "
                    + "are usually left over from a deleted or renamed profile."),
            AuthProfileRules::orphanStats),
        new AuthRule(
            d(
                "file-mode",
                Severity.WARNING,
                "File or directory permissions looser than 0600 / 0700",
                "auth-profiles.json is plain JSON (not encrypted, whatever the docs say); Polpo"
                    + " creates it with mode 0600 in a 0700 directory and re-chmods it when group"
                    + " or world can read it. Run chmod 600 on the file and chmod 700 on its"
                    + " directory. POSIX file systems only."),
            AuthProfileRules::fileMode),
        new AuthRule(
            d(
                "env-shadows-profiles",
                Severity.INFO,
                "Provider has profiles and an environment key (profiles never used)",
                "Polpo takes a provider's key from the environment first; while the variable is "
                    + "set, its auth profiles are never consulted and never rotate. Resolved pass "
                    + "only."),
            AuthProfileRules::envShadowsProfiles));
  }

  private static void inWorkTree(RuleContext ctx) {
    if (ctx.path() == null) {
      return;
    }
    for (Path dir = ctx.path().toAbsolutePath().normalize().getParent();
        dir != null;
        dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        ctx.report(
            Target.value(""),
            "auth-profiles.json is inside a git work tree ("
                + dir.getFileName()
                + "): its "
                + "tokens can be committed",
            "move it to ~/.polpo/auth-profiles.json (or $POLPO_STATE_DIR), add it to .gitignore, "
                + "and rotate every token if it was ever committed");
        return;
      }
    }
  }

  private static void version(RuleContext ctx) {
    JsonNode root = ctx.root();
    if (!root.isObject()) {
      ctx.report(
          Target.value(""),
          "auth-profiles.json must be an object; Polpo reads it as corrupt and resets it",
          "write {\"version\": 1, \"profiles\": {}}");
    } else if (!root.path("version").isNumber()) {
      Target at = root.has("version") ? Target.value("/version") : Target.value("");
      ctx.report(
          at,
          "version is "
              + (root.has("version") ? "not a number" : "missing")
              + ": Polpo reads the file as corrupt (empty) and overwrites it on the next write",
          "set \"version\": 1");
    }
  }

  private static void profileIds(RuleContext ctx) {
    for (Map.Entry<String, JsonNode> p : profiles(ctx)) {
      String problem = idProblem(p.getKey());
      if (problem != null) {
        ctx.report(
            Target.key(ptr(p.getKey())),
            "profile id \"" + p.getKey() + "\" is invalid (" + problem + "): Polpo skips it",
            "use <provider>:<identifier>, e.g. anthropic:user@example.com");
      }
    }
  }

  private static String idProblem(String id) {
    int colon = id.indexOf(':');
    if (colon < 1 || colon == id.length() - 1) {
      return "expected <provider>:<identifier>";
    }
    String provider = id.substring(0, colon);
    String identifier = id.substring(colon + 1);
    if (!PROVIDER.matcher(provider).matches()) {
      return "provider part must match [a-z0-9][a-z0-9_-]{0,63}";
    }
    if (!IDENTIFIER.matcher(identifier).matches()) {
      return "identifier may hold only letters, digits and . _ @ -";
    }
    if (FORBIDDEN.contains(id) || FORBIDDEN.contains(identifier)) {
      return "\"" + identifier + "\" is a reserved name";
    }
    return null;
  }

  private static void providerMismatch(RuleContext ctx) {
    for (Map.Entry<String, JsonNode> p : profiles(ctx)) {
      JsonNode provider = p.getValue().path("provider");
      int colon = p.getKey().indexOf(':');
      if (!provider.isString() || colon < 1) {
        continue;
      }
      String prefix = p.getKey().substring(0, colon);
      if (!prefix.equals(provider.stringValue())) {
        ctx.report(
            Target.value(ptr(p.getKey()) + "/provider"),
            "provider \""
                + provider.stringValue()
                + "\" differs from the id prefix \""
                + prefix
                + "\": the profile is used for "
                + provider.stringValue()
                + " but gets usage statistics of "
                + prefix,
            "rename the profile to "
                + provider.stringValue()
                + ":"
                + p.getKey().substring(colon + 1)
                + " or fix the provider field");
      }
    }
  }

  private static void providerPattern(RuleContext ctx) {
    for (Map.Entry<String, JsonNode> p : profiles(ctx)) {
      if (!p.getValue().isObject()) {
        continue;
      }
      JsonNode provider = p.getValue().path("provider");
      if (!provider.isString()) {
        ctx.report(
            Target.key(ptr(p.getKey())),
            "profile \"" + p.getKey() + "\" has no provider field: Polpo never selects it",
            "add \"provider\": \"<provider id>\"");
      } else if (!PROVIDER.matcher(provider.stringValue()).matches()) {
        ctx.report(
            Target.value(ptr(p.getKey()) + "/provider"),
            "provider \"" + provider.stringValue() + "\" is not a valid provider id",
            "provider ids are lower case letters, digits, _ and -, e.g. anthropic");
      }
    }
  }

  private static void type(RuleContext ctx) {
    for (Map.Entry<String, JsonNode> p : profiles(ctx)) {
      JsonNode type = p.getValue().path("type");
      if (!p.getValue().isObject()
          || (type.isString() && Set.of("oauth", "api_key").contains(type.stringValue()))) {
        continue;
      }
      Target at =
          type.isMissingNode()
              ? Target.key(ptr(p.getKey()))
              : Target.value(ptr(p.getKey()) + "/type");
      ctx.report(
          Finding.of(
                  at,
                  "profile \""
                      + p.getKey()
                      + "\" has "
                      + (type.isMissingNode() ? "no type" : "an unknown type")
                      + "; expected \"oauth\" or \"api_key\"",
                  "oauth for subscription logins, api_key for console keys")
              .withSuggestion(
                  type.isString() && type.stringValue().toLowerCase(Locale.ROOT).contains("key")
                      ? "api_key"
                      : null));
    }
  }

  private static void tokens(RuleContext ctx) {
    for (Map.Entry<String, JsonNode> p : profiles(ctx)) {
      if (!p.getValue().isObject()) {
        continue;
      }
      for (String field : List.of("access", "refresh")) {
        JsonNode token = p.getValue().path(field);
        String pointer = ptr(p.getKey()) + "/" + field;
        if (token.isMissingNode()) {
          if (field.equals("access")) {
            ctx.report(
                Target.key(ptr(p.getKey())),
                "profile \"" + p.getKey() + "\" has no access token",
                "log in again with `polpo auth login`");
          }
          continue;
        }
        String problem = tokenProblem(token);
        if (problem != null) {
          ctx.report(
              Target.value(pointer),
              field + " token " + problem,
              "log in again, or re-save " + "the profile with `polpo auth`");
        }
      }
    }
  }

  private static String tokenProblem(JsonNode token) {
    if (!token.isString()) {
      return "is not a string";
    }
    String t = token.stringValue();
    if (t.isEmpty()) {
      return "is empty";
    }
    if (t.length() > MAX_TOKEN) {
      return "is " + t.length() + " characters long (at most " + MAX_TOKEN + ")";
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c <= 0x08 || c == 0x0b || c == 0x0c || (c >= 0x0e && c <= 0x1f)) {
        return String.format(
            "holds control character U+%04X at position %d (of %d)", (int) c, i, t.length());
      }
    }
    return null;
  }

  private static void timestamps(RuleContext ctx) {
    for (Map.Entry<String, JsonNode> p : profiles(ctx)) {
      String base = ptr(p.getKey());
      epochMs(ctx, p.getValue().path("expires"), base + "/expires");
      for (String iso : List.of("lastUsed", "createdAt")) {
        JsonNode v = p.getValue().path(iso);
        if (!v.isMissingNode() && !isIso(v)) {
          ctx.report(
              Finding.of(
                      Target.value(base + "/" + iso),
                      iso
                          + " of a profile should be an ISO-8601 string such as "
                          + "2026-01-31T12:00:00.000Z",
                      "Polpo writes it with Date.toISOString()")
                  .withSeverity(Severity.WARNING));
        }
      }
    }
    for (Map.Entry<String, JsonNode> s : stats(ctx)) {
      for (String field : STATS_TIMES) {
        epochMs(
            ctx,
            s.getValue().path(field),
            PositionIndex.child(PositionIndex.child("/usageStats", s.getKey()), field));
      }
    }
  }

  private static void epochMs(RuleContext ctx, JsonNode v, String pointer) {
    if (v.isMissingNode() || v.isNull()) {
      return;
    }
    String field = PositionIndex.lastToken(pointer);
    if (!v.isNumber()) {
      ctx.report(
          Target.value(pointer),
          field
              + " must be a number of epoch milliseconds"
              + (v.isString()
                  ? " (Polpo compares it with Date.now(), a string never matches)"
                  : ""),
          "write e.g. " + Instant.parse("2026-01-31T12:00:00Z").toEpochMilli());
    } else if (v.asLong() > 0 && v.asLong() < MS_THRESHOLD) {
      ctx.report(
          Finding.of(
                  Target.value(pointer),
                  field
                      + " looks like epoch seconds, not milliseconds: Polpo would read it as a "
                      + "time in January 1970",
                  "multiply by 1000")
              .withSuggestion(Long.toString(v.asLong() * 1000))
              .withSeverity(Severity.WARNING));
    }
  }

  private static boolean isIso(JsonNode v) {
    if (!v.isString()) {
      return false;
    }
    try {
      OffsetDateTime.parse(v.stringValue());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static void expired(RuleContext ctx) {
    long now = ctx.clock().millis();
    for (Map.Entry<String, JsonNode> p : profiles(ctx)) {
      JsonNode expires = p.getValue().path("expires");
      JsonNode refresh = p.getValue().path("refresh");
      boolean canRefresh = refresh.isString() && !refresh.stringValue().isEmpty();
      if (expires.isNumber() && now >= expires.asLong() && !canRefresh) {
        ctx.report(
            Target.value(ptr(p.getKey()) + "/expires"),
            "profile \""
                + p.getKey()
                + "\" expired at "
                + iso(expires.asLong())
                + " and has no refresh token: Polpo skips it",
            "log in again with `polpo auth login " + providerOf(p) + "`, or remove the profile");
      }
    }
  }

  private static void expiring(RuleContext ctx) {
    long now = ctx.clock().millis();
    for (Map.Entry<String, JsonNode> p : profiles(ctx)) {
      JsonNode expires = p.getValue().path("expires");
      if (expires.isNumber() && expires.asLong() > now && expires.asLong() <= now + DAY_MS) {
        JsonNode refresh = p.getValue().path("refresh");
        boolean canRefresh = refresh.isString() && !refresh.stringValue().isEmpty();
        ctx.report(
            Target.value(ptr(p.getKey()) + "/expires"),
            "profile \"" + p.getKey() + "\" expires within 24 hours, at " + iso(expires.asLong()),
            canRefresh
                ? "Polpo refreshes it automatically with its refresh token"
                : "it has no refresh token: log in again before it expires");
      }
    }
  }

  private static void unavailable(RuleContext ctx) {
    long now = ctx.clock().millis();
    for (Map.Entry<String, JsonNode> s : stats(ctx)) {
      String base = PositionIndex.child("/usageStats", s.getKey());
      JsonNode disabled = s.getValue().path("disabledUntil");
      JsonNode cooldown = s.getValue().path("cooldownUntil");
      if (disabled.isNumber() && now < disabled.asLong()) {
        ctx.report(
            Target.value(base + "/disabledUntil"),
            "profile \"" + s.getKey() + "\" is billing-disabled until " + iso(disabled.asLong()),
            "Polpo uses it only as a last resort until then");
      } else if (cooldown.isNumber() && now < cooldown.asLong()) {
        ctx.report(
            Target.value(base + "/cooldownUntil"),
            "profile \"" + s.getKey() + "\" is cooling down until " + iso(cooldown.asLong()),
            "Polpo prefers other profiles until then");
      }
    }
  }

  private static void orphanStats(RuleContext ctx) {
    JsonNode profiles = ctx.root().path("profiles");
    for (Map.Entry<String, JsonNode> s : stats(ctx)) {
      if (!profiles.has(s.getKey())) {
        ctx.report(
            Target.key(PositionIndex.child("/usageStats", s.getKey())),
            "usageStats for \"" + s.getKey() + "\" match no profile",
            "remove the entry (left over from a deleted or renamed profile)");
      }
    }
  }

  private static void fileMode(RuleContext ctx) {
    Path file = ctx.path();
    if (file == null || !Files.exists(file)) {
      return;
    }
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (!EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
          .containsAll(perms)) {
        ctx.report(
            Target.value(""),
            "auth-profiles.json has mode " + mode(perms) + ", looser than 0600",
            "chmod 600 " + file.getFileName());
      }
      Path dir = file.toAbsolutePath().getParent();
      Set<PosixFilePermission> dirPerms = Files.getPosixFilePermissions(dir);
      if (!EnumSet.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE)
          .containsAll(dirPerms)) {
        ctx.report(
            Target.value(""),
            "the directory of auth-profiles.json has mode " + mode(dirPerms) + ", looser than 0700",
            "chmod 700 on the directory");
      }
    } catch (UnsupportedOperationException | IOException notPosix) {
      // Windows and other non-POSIX file systems have no mode bits to check.
      return;
    }
  }

  private static void envShadowsProfiles(RuleContext ctx) {
    if (!ctx.environment().isResolved()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, JsonNode> p : profiles(ctx)) {
      String provider = p.getValue().path("provider").asString("");
      if (!provider.isEmpty()
          && seen.add(provider)
          && ProviderCredentials.hasEnvCredential(ctx.environment(), provider)) {
        ctx.report(
            Target.value(ptr(p.getKey()) + "/provider"),
            "profiles for "
                + provider
                + " are never used while "
                + ProviderCredentials.describe(provider)
                + " is set: Polpo takes the environment "
                + "key first and does not rotate",
            "unset the variable to use (and rotate) the profiles, or remove the profiles");
      }
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> profiles(RuleContext ctx) {
    JsonNode p = ctx.root().path("profiles");
    return p.isObject() ? p.properties() : Set.of();
  }

  private static Iterable<Map.Entry<String, JsonNode>> stats(RuleContext ctx) {
    JsonNode s = ctx.root().path("usageStats");
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    if (s.isObject()) {
      for (Map.Entry<String, JsonNode> e : s.properties()) {
        if (e.getValue().isObject()) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static String providerOf(Map.Entry<String, JsonNode> p) {
    return p.getValue().path("provider").asString("");
  }

  private static String ptr(String profileId) {
    return PositionIndex.child("/profiles", profileId);
  }

  private static String iso(long epochMs) {
    return Instant.ofEpochMilli(epochMs).toString();
  }

  private static String mode(Set<PosixFilePermission> perms) {
    int m = 0;
    for (PosixFilePermission p : perms) {
      m |= 1 << (8 - p.ordinal());
    }
    return String.format("0%o", m);
  }
}
