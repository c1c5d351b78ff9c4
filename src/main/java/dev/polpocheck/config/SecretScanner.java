package dev.polpocheck.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credential-shaped text (API keys, OAuth tokens, webhook URLs with embedded tokens) in a
 * string, and describes each match without revealing it: kind, length and a masked form that keeps
 * only the public, kind-identifying prefix.
 *
 * <p>Patterns are checked in order and the first one matching a region wins, so the specific shapes
 * ({@code sk-ant-}, {@code sk-or-}, {@code sk-proj-}) come before the generic OpenAI {@code sk-}.
 * Bodies must be at least 20 characters, so documentation placeholders such as {@code sk-ant-...}
 * do not match.
 */
public final class SecretScanner {

  /**
   * One credential found in a value.
   *
   * @param kind what it looks like, e.g. "Anthropic API key"
   * @param start index of its first character in the value
   * @param end index just after its last character
   * @param masked the public prefix followed by {@code …}, never more of the secret
   */
  public record Match(String kind, int start, int end, String masked) {
    /** Requires kind and masked form. */
    public Match {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(masked, "masked");
    }

    /** Returns the length of the secret in characters. */
    public int length() {
      return end - start;
    }

    /** Returns a safe description, e.g. {@code Anthropic API key (108 chars, sk-ant-api03-…)}. */
    public String describe() {
      return kind + " (" + length() + " chars, " + masked + ")";
    }
  }

  /**
   * One credential shape. Every match of {@code pattern} contains one of {@code literals}, followed
   * somewhere after it by {@code then} when that is not empty, and is at least {@code minLength}
   * characters long: a cheap necessary condition that most configuration strings fail for every
   * shape, so the regular expressions run only on the few strings that could match — the same
   * results, without nineteen regex searches per string of every file.
   */
  private record Shape(
      String kind,
      Pattern pattern,
      String provider,
      List<String> literals,
      int minLength,
      String then) {
    boolean mayMatch(String value) {
      if (value.length() < minLength) {
        return false;
      }
      // An indexed loop: C1, the only compiler of a validate run, has no escape analysis, so an
      // iterator here would be one allocation per shape and string.
      for (int i = 0; i < literals.size(); i++) {
        int at = value.indexOf(literals.get(i));
        if (at >= 0 && (then.isEmpty() || value.indexOf(then, at) >= 0)) {
          return true;
        }
      }
      return false;
    }
  }

  // Group 1 of each pattern is the public prefix shown in the masked form. The literal after it is
  // one that every match of the pattern contains.
  private static final List<Shape> SHAPES =
      List.of(
          shape(
              "Anthropic OAuth token",
              "(sk-ant-oat\\d*-)[A-Za-z0-9_-]{20,}",
              "sk-ant-",
              "anthropic"),
          shape(
              "Anthropic OAuth refresh token",
              "(sk-ant-ort\\d*-)[A-Za-z0-9_-]{20,}",
              "sk-ant-",
              "anthropic"),
          shape(
              "Anthropic admin key",
              "(sk-ant-admin\\d*-)[A-Za-z0-9_-]{20,}",
              "sk-ant-",
              "anthropic"),
          shape(
              "Anthropic API key",
              "(sk-ant-(?:api\\d*-)?)[A-Za-z0-9_-]{20,}",
              "sk-ant-",
              "anthropic"),
          shape("OpenRouter API key", "(sk-or-(?:v1-)?)[A-Za-z0-9_-]{20,}", "sk-or-", "openrouter"),
          shape("OpenAI project key", "(sk-proj-)[A-Za-z0-9_-]{20,}", "sk-proj-", "openai"),
          shape(
              "OpenAI service-account key",
              "(sk-svcacct-)[A-Za-z0-9_-]{20,}",
              "sk-svcacct-",
              "openai"),
          shape("OpenAI API key", "(sk-)[A-Za-z0-9]{20,}", "sk-", "openai"),
          shape("Google API key", "(AIza)[0-9A-Za-z_-]{35}", "AIza", "google"),
          shape("Groq API key", "(gsk_)[A-Za-z0-9]{20,}", "gsk_", "groq"),
          shape("xAI API key", "(xai-)[A-Za-z0-9]{20,}", "xai-", "xai"),
          shape("Hugging Face token", "(hf_)[A-Za-z0-9]{30,}", "hf_", "huggingface"),
          shape("GitHub token", "(gh[pousr]_)[A-Za-z0-9]{36,}", "gh", "github-copilot"),
          shape(
              "GitHub fine-grained token",
              "(github_pat_)[A-Za-z0-9_]{22,}",
              "github_pat_",
              "github-copilot"),
          shape(
              "Slack webhook URL",
              "(https://hooks\\.slack\\.com/services/)T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+",
              "https://hooks.slack.com/services/",
              ""),
          shape("Slack token", "(xox[abprs]-)[A-Za-z0-9-]{10,}", "xox", ""),
          new Shape(
              "AWS access key id",
              Pattern.compile("((?:AKIA|ASIA))[0-9A-Z]{16}"),
              "amazon-bedrock",
              List.of("AKIA", "ASIA"),
              0,
              ""),
          // 8 digits, a colon and 35 token characters at least: a digit right before the colon
          // (model specs such as "anthropic:claude-..." have a letter there).
          new Shape(
              "Telegram bot token",
              Pattern.compile("()\\b\\d{8,10}:[A-Za-z0-9_-]{35}\\b"),
              "",
              List.of("0:", "1:", "2:", "3:", "4:", "5:", "6:", "7:", "8:", "9:"),
              44,
              ""),
          // The scheme separator, then the "@" that ends the password (plain https:// URLs have
          // none).
          new Shape(
              "database URL with a password",
              Pattern.compile("([a-z][a-z0-9+.-]{0,31}://)[^\\s:/@]+:[^\\s@/]+@"),
              "",
              List.of("://"),
              0,
              "@"));

  private SecretScanner() {}

  private static Shape shape(String kind, String regex, String literal, String provider) {
    return new Shape(kind, Pattern.compile(regex), provider, List.of(literal), 0, "");
  }

  /**
   * Returns every credential-shaped region of {@code value}, left to right, non-overlapping.
   * Matches that overlap are merged into one region covering both, named after the one that starts
   * first (the earlier shape on a tie): dropping the later match would leave its tail in clear when
   * two keys are glued together, and a fixed-length shape may end inside the next key's prefix.
   */
  public static List<Match> scan(String value) {
    if (value.length() < MIN_LENGTH) {
      return List.of();
    }
    // Every string of every validated file comes here and almost none holds a credential: the
    // lists are made only once a shape may match (indexed loop: see Shape#mayMatch).
    List<Match> raw = null;
    for (int i = 0; i < SHAPES.size(); i++) {
      Shape s = SHAPES.get(i);
      if (!s.mayMatch(value)) {
        continue;
      }
      if (raw == null) {
        raw = new ArrayList<>();
      }
      Matcher m = s.pattern().matcher(value);
      while (m.find()) {
        raw.add(new Match(s.kind(), m.start(), m.end(), m.group(1) + "…"));
      }
    }
    if (raw == null || raw.isEmpty()) {
      return List.of();
    }
    List<Match> out = new ArrayList<>();
    // A stable sort keeps the shape order among matches that start at the same index.
    raw.sort((a, b) -> Integer.compare(a.start(), b.start()));
    Match current = null;
    for (Match m : raw) {
      if (current != null && m.start() < current.end()) {
        if (m.end() > current.end()) {
          current = new Match(current.kind(), current.start(), m.end(), current.masked());
        }
        continue;
      }
      if (current != null) {
        out.add(current);
      }
      current = m;
    }
    if (current != null) {
      out.add(current);
    }
    return out;
  }

  // The shortest possible match of any shape: "a://b:c@" (a database URL with a password).
  private static final int MIN_LENGTH = 8;

  // Literals every match of LOOSE contains (one per alternative of its prefix group).
  private static final List<String> LOOSE_LITERALS =
      List.of("sk-", "gsk_", "xai-", "AIza", "gh", "github_pat_", "hf_", "xox");

  // Possessive and not followed by "…": an already redacted value ("sk-ant-oat01-…") is not a
  // credential, so redact() is idempotent and a value redacted by a reader is shown as it is.
  private static final Pattern LOOSE =
      Pattern.compile(
          "(sk-|gsk_|xai-|AIza|gh[pousr]_|github_pat_|hf_|xox[abprs]-)[A-Za-z0-9_-]{8,}+(?!…)");

  /**
   * Returns whether a value may hold a credential, by a looser test than {@link #scan} (a known
   * prefix and 8 more token characters): such values are never quoted in any message, even when
   * they are too short to be reported as a secret.
   */
  public static boolean looksSensitive(String value) {
    return looseMatch(value) || !scan(value).isEmpty();
  }

  private static boolean looseMatch(String value) {
    for (String literal : LOOSE_LITERALS) {
      if (value.contains(literal)) {
        return LOOSE.matcher(value).find();
      }
    }
    return false;
  }

  /**
   * Returns {@code text} with every credential-shaped region replaced by its public prefix and
   * {@code …} ({@code sk-ant-oat01-…}): the form in which a string read from a trace or a file may
   * be printed. Text that holds nothing credential-shaped is returned as it is.
   */
  public static String redact(String text) {
    if (text == null || !looksSensitive(text)) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (Match m : scan(text)) {
      sb.append(redactLoose(text.substring(at, m.start()))).append(m.masked());
      at = m.end();
    }
    return sb.append(redactLoose(text.substring(at))).toString();
  }

  /**
   * Returns {@code text}, a piece of finished output (JSON, CSV, SARIF, HTML, Markdown or plain
   * text), with every credential-shaped region masked as by {@link #redact}, in a form that keeps
   * the output's syntax intact: a match that would swallow a double quote, angle bracket, comma,
   * pipe, backslash or backtick (only the database-URL shape can: its user and password are
   * "anything but a separator") runs across several values, not inside one, and is left alone;
   * and a short key-like run must start a word, so "task-runner-agent" stays readable.
   */
  public static String redactOutput(String text) {
    if (text == null || text.length() < MIN_LENGTH) {
      return text;
    }
    StringBuilder sb = null;
    int at = 0;
    for (Match m : scan(text)) {
      if (crossesSyntax(text, m.start(), m.end())) {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(text.length());
      }
      sb.append(redactLooseWord(text.substring(at, m.start()))).append(m.masked());
      at = m.end();
    }
    if (sb == null) {
      return looseMatch(text) ? redactLooseWord(text) : text;
    }
    return sb.append(redactLooseWord(text.substring(at))).toString();
  }

  private static boolean crossesSyntax(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (OUTPUT_SYNTAX.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static final String OUTPUT_SYNTAX = "\"<>`,|\\";

  // LOOSE, but only at the start of a word: in whole output lines "sk-" also ends "task-", "risk-".
  private static final Pattern LOOSE_WORD =
      Pattern.compile("(?<![A-Za-z0-9])" + LOOSE.pattern());

  private static String redactLooseWord(String gap) {
    return LOOSE_WORD.matcher(gap).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "…"));
  }

  /** What only the loose test catches (a short key-like value) keeps just its prefix. */
  private static String redactLoose(String gap) {
    return LOOSE.matcher(gap).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "…"));
  }

  /** Returns the Polpo provider a credential kind belongs to, or "" when none. */
  public static String provider(String kind) {
    for (Shape s : SHAPES) {
      if (s.kind().equals(kind)) {
        return s.provider();
      }
    }
    return "";
  }

  /** Returns a masked form of any secret: its length only ({@code <secret: 40 chars>}). */
  public static String mask(String secret) {
    return "<secret: " + secret.length() + " chars>";
  }
}
