package dev.polpocheck.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scanner for {@code ${NAME}} environment references and their near-misses in one string value,
 * following the places and rules Polpo 0.3.x actually applies (polpo-semantics.md §6,
 * validation-ux.md §10.2).
 *
 * <p>Grammar: {@code reference = "${" name "}"}, {@code name = 1*(ALPHA / DIGIT / "_")} (Polpo's
 * {@code \w+}; a leading digit is allowed by Polpo but not portable). How a reference is treated
 * depends on the {@link FieldClass} of the field holding it. Offsets are indexes into the decoded
 * string ({@code [start, end)}, {@code start} at the {@code $}), so a diagnostic can point at the
 * {@code ${}.
 */
public final class EnvReferences {

  /** How Polpo treats {@code ${…}} in a field. */
  public enum FieldClass {
    /** Vault credential values: any number of references anywhere ({@code "p-${A}-${B}"}). */
    INLINE,
    /**
     * Notification channel secrets and URLs (and the documented provider key forms): expanded only
     * when the whole value starts with {@code ${} and ends with {@code }}; the text between is used
     * verbatim as the variable name.
     */
    WHOLE_VALUE,
    /** Every other field: nothing is expanded. */
    NONE
  }

  /** What is wrong with one piece of a value. */
  public enum Kind {
    /** A well-formed reference in a field Polpo never expands: used literally. */
    NOT_EXPANDED,
    /** A well-formed reference inside a longer whole-value field: used literally. */
    INLINE_IN_WHOLE_VALUE,
    /** {@code $NAME} without braces. */
    DOLLAR_NAME,
    /** {@code ${NAME:-default}}. */
    DEFAULT_IF_EMPTY,
    /** {@code ${NAME-default}}. */
    DEFAULT_IF_UNSET,
    /** {@code ${NAME:?message}}. */
    ERROR_IF_EMPTY,
    /** {@code ${NAME?message}}. */
    ERROR_IF_UNSET,
    /** {@code ${NAME:+alternative}} or {@code ${NAME+alternative}}. */
    ALTERNATE,
    /** {@code ${ NAME }}: blanks inside the braces. */
    SPACES,
    /** {@code ${env:NAME}} (OpenTelemetry / Collector style). */
    ENV_PREFIX,
    /** {@code os.environ/NAME} (LiteLLM style). */
    OS_ENVIRON,
    /** {@code $${…}}: not an escape in Polpo. */
    DOUBLE_DOLLAR,
    /** {@code ${} without a closing brace. */
    UNTERMINATED,
    /** {@code ${…}} whose content is no variable name at all ({@code ${}}, {@code ${A.B}}). */
    INVALID_NAME,
    /** A reference whose name starts with a digit: Polpo accepts it, shells and Compose do not. */
    NON_PORTABLE_NAME;

    /** Returns whether this kind is unsupported syntax (as opposed to a misplaced reference). */
    public boolean isUnsupportedSyntax() {
      return this != NOT_EXPANDED && this != INLINE_IN_WHOLE_VALUE && this != NON_PORTABLE_NAME;
    }
  }

  /**
   * A reference Polpo expands.
   *
   * @param name the variable name
   * @param start index of the {@code $}
   * @param end index just after the {@code }}
   */
  public record Reference(String name, int start, int end) {}

  /**
   * A near-miss or misplaced reference.
   *
   * @param kind what is wrong
   * @param name the variable name it seems to mean, possibly empty
   * @param start index of the first character ({@code $} or {@code o} of {@code os.environ})
   * @param end index just after the last character
   * @param becomesEmpty true in a whole-value field whose value starts with {@code ${} and ends
   *     with {@code }} but is not one plain reference: Polpo then looks up the whole inner text as
   *     a variable name, finds nothing, and uses the empty string
   */
  public record Issue(Kind kind, String name, int start, int end, boolean becomesEmpty) {
    /** Requires a kind and a name. */
    public Issue {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * The result of scanning one value.
   *
   * @param references references Polpo expands, in order
   * @param issues near-misses and misplaced references, in order
   */
  public record Scan(List<Reference> references, List<Issue> issues) {
    /** Copies both lists. */
    public Scan {
      references = List.copyOf(references);
      issues = List.copyOf(issues);
    }

    /** Returns whether the value holds nothing reference-like. */
    public boolean isEmpty() {
      return references.isEmpty() && issues.isEmpty();
    }
  }

  private static final Pattern ASCII_NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern SHELL_OP =
      Pattern.compile("([A-Za-z0-9_]+)(:-|-|:\\?|\\?|:\\+|\\+).*", Pattern.DOTALL);
  private static final Pattern LEADING_NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final String OS_ENVIRON = "os.environ/";

  private EnvReferences() {}

  /** Returns whether {@code name} is a portable variable name (does not start with a digit). */
  public static boolean isPortable(String name) {
    return !name.isEmpty() && !Character.isDigit(name.charAt(0));
  }

  /** Scans one string value of a field of class {@code fieldClass}. */
  public static Scan scan(String value, FieldClass fieldClass) {
    List<Reference> refs = new ArrayList<>();
    List<Issue> issues = new ArrayList<>();
    boolean becomesEmpty = false;
    if (fieldClass == FieldClass.WHOLE_VALUE
        && value.length() >= 3
        && value.startsWith("${")
        && value.endsWith("}")) {
      String inner = value.substring(2, value.length() - 1);
      if (isName(inner)) {
        refs.add(new Reference(inner, 0, value.length()));
        if (!isPortable(inner)) {
          issues.add(new Issue(Kind.NON_PORTABLE_NAME, inner, 0, value.length(), false));
        }
        return new Scan(refs, issues);
      }
      becomesEmpty = true;
    }
    int i = 0;
    int n = value.length();
    while (i < n) {
      char c = value.charAt(i);
      if (c == '$' && value.startsWith("${", i + 1)) {
        int close = value.indexOf('}', i + 3);
        if (close < 0) {
          issues.add(
              new Issue(
                  Kind.UNTERMINATED, leadingName(value.substring(i + 3)), i, n, becomesEmpty));
          break;
        }
        String inner = value.substring(i + 3, close);
        issues.add(new Issue(Kind.DOUBLE_DOLLAR, leadingName(inner), i, close + 1, becomesEmpty));
        if (fieldClass == FieldClass.INLINE && isName(inner)) {
          refs.add(new Reference(inner, i + 1, close + 1));
        }
        i = close + 1;
      } else if (c == '$' && value.startsWith("{", i + 1)) {
        int close = value.indexOf('}', i + 2);
        if (close < 0) {
          issues.add(
              new Issue(
                  Kind.UNTERMINATED, leadingName(value.substring(i + 2)), i, n, becomesEmpty));
          break;
        }
        braced(value.substring(i + 2, close), i, close + 1, fieldClass, becomesEmpty, refs, issues);
        i = close + 1;
      } else if (c == '$' && i + 1 < n && isNameStart(value.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && isNameChar(value.charAt(end))) {
          end++;
        }
        issues.add(new Issue(Kind.DOLLAR_NAME, value.substring(i + 1, end), i, end, becomesEmpty));
        i = end;
      } else if (c == 'o' && value.startsWith(OS_ENVIRON, i)) {
        int start = i + OS_ENVIRON.length();
        int end = start;
        while (end < n && isNameChar(value.charAt(end))) {
          end++;
        }
        if (end > start) {
          issues.add(new Issue(Kind.OS_ENVIRON, value.substring(start, end), i, end, becomesEmpty));
          i = end;
        } else {
          i++;
        }
      } else {
        i++;
      }
    }
    issues.sort(Comparator.comparingInt(Issue::start));
    return new Scan(refs, issues);
  }

  private static void braced(
      String inner,
      int start,
      int end,
      FieldClass fieldClass,
      boolean becomesEmpty,
      List<Reference> refs,
      List<Issue> issues) {
    if (isName(inner)) {
      switch (fieldClass) {
        case INLINE:
          refs.add(new Reference(inner, start, end));
          if (!isPortable(inner)) {
            issues.add(new Issue(Kind.NON_PORTABLE_NAME, inner, start, end, false));
          }
          return;
        case WHOLE_VALUE:
          issues.add(new Issue(Kind.INLINE_IN_WHOLE_VALUE, inner, start, end, becomesEmpty));
          return;
        default:
          issues.add(new Issue(Kind.NOT_EXPANDED, inner, start, end, false));
          return;
      }
    }
    String trimmed = inner.strip();
    if (!trimmed.equals(inner) && isName(trimmed)) {
      issues.add(new Issue(Kind.SPACES, trimmed, start, end, becomesEmpty));
      return;
    }
    if (inner.startsWith("env:")) {
      issues.add(
          new Issue(Kind.ENV_PREFIX, leadingName(inner.substring(4)), start, end, becomesEmpty));
      return;
    }
    Matcher op = SHELL_OP.matcher(inner);
    if (op.matches()) {
      Kind kind;
      switch (op.group(2)) {
        case ":-":
          kind = Kind.DEFAULT_IF_EMPTY;
          break;
        case "-":
          kind = Kind.DEFAULT_IF_UNSET;
          break;
        case ":?":
          kind = Kind.ERROR_IF_EMPTY;
          break;
        case "?":
          kind = Kind.ERROR_IF_UNSET;
          break;
        default:
          kind = Kind.ALTERNATE;
          break;
      }
      issues.add(new Issue(kind, op.group(1), start, end, becomesEmpty));
      return;
    }
    issues.add(new Issue(Kind.INVALID_NAME, leadingName(inner), start, end, becomesEmpty));
  }

  // Polpo's \w is JavaScript's: ASCII letters, digits and underscore only.
  private static boolean isName(String s) {
    return ASCII_NAME.matcher(s).matches();
  }

  private static String leadingName(String s) {
    Matcher m = LEADING_NAME.matcher(s);
    return m.lookingAt() ? m.group() : "";
  }

  private static boolean isNameStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
