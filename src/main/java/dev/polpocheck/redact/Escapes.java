package dev.polpocheck.redact;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The forms a string takes in each output format polpo-check writes: as it is, JSON-escaped
 * (Jackson: backslash, quote and control characters), XML/HTML-escaped (the SARIF/JUnit writers
 * and Mustache, which also escapes {@code =} and {@code `}) and as a GitHub workflow-command
 * property ({@code %}, CR, LF, {@code :} and {@code ,} percent-encoded).
 */
final class Escapes {
  private Escapes() {}

  /** Returns the distinct forms of {@code s}, {@code s} itself first. */
  static Set<String> of(String s) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(s);
    forms.add(json(s));
    forms.add(markup(s, false));
    forms.add(markup(s, true));
    forms.add(github(s));
    return forms;
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** XML escaping; {@code mustache} adds the numeric forms Mustache's HtmlEscaper uses. */
  private static String markup(String s, boolean mustache) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append(mustache ? "&#39;" : "&apos;");
          break;
        case '=':
          sb.append(mustache ? "&#61;" : "=");
          break;
        case '`':
          sb.append(mustache ? "&#96;" : "`");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String github(String s) {
    return s.replace("%", "%25")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace(":", "%3A")
        .replace(",", "%2C");
  }
}
