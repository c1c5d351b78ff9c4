package dev.polpocheck.config;

import dev.polpocheck.IoErrors;
import dev.polpocheck.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code .polpo/.env} file read exactly like Polpo's {@code loadEnvFile} (polpo-semantics.md
 * §2.2), including its quirks.
 *
 * <ul>
 *   <li>Lines are split on {@code \n} only and trimmed with JavaScript's {@code trim()} (so CRLF
 *       works, and a byte-order mark or no-break space at either end disappears).
 *   <li>Blank lines, lines starting with {@code #} and lines without {@code =} are skipped.
 *   <li>Key = text before the first {@code =}, trimmed; value = the rest, trimmed, then one leading
 *       and one trailing quote ({@code '} or {@code "}) removed independently ({@code "abc'} →
 *       {@code abc}).
 *   <li>No {@code export} prefix ({@code export FOO=1} names a variable {@code export FOO}), no
 *       expansion, no escapes, no multi-line values, no inline comments ({@code A=1 # x} → {@code 1
 *       # x}).
 * </ul>
 *
 * <p>An entry with an empty key ({@code =x}) cannot name a variable; it is kept out of {@link
 * #entries()} and counted in {@link #skippedEmptyKeys()} rather than silently lost.
 *
 * @param source the file name, for messages
 * @param entries the assignments in file order (a key may repeat; see {@link Environment} for which
 *     one wins)
 * @param skippedEmptyKeys lines of the form {@code =value}, which set nothing
 */
public record EnvFile(String source, List<Entry> entries, int skippedEmptyKeys) {

  /**
   * One {@code KEY=VALUE} line.
   *
   * @param key variable name (may contain any character but {@code =})
   * @param value the value after trimming and quote removal; never printed by polpo-check
   * @param line 1-based line number
   */
  public record Entry(String key, String value, int line) {
    /** Requires key and value. */
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    /** Returns the entry without its value, so it can be logged safely. */
    @Override
    public String toString() {
      return "Entry[key=" + key + ", line=" + line + ", value=<" + value.length() + " chars>]";
    }
  }

  /** Copies the entries. */
  public EnvFile {
    Objects.requireNonNull(source, "source");
    entries = List.copyOf(entries);
  }

  /** Parses file content as Polpo's loader does. */
  public static EnvFile parse(String source, String content) {
    List<Entry> entries = new ArrayList<>();
    int skipped = 0;
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = jsTrim(lines[i]);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = jsTrim(line.substring(0, eq));
      String value = stripQuotes(jsTrim(line.substring(eq + 1)));
      if (key.isEmpty()) {
        skipped++;
        continue;
      }
      entries.add(new Entry(key, value, i + 1));
    }
    return new EnvFile(source, entries, skipped);
  }

  /**
   * Reads and parses a file given with {@code --env-file}. Unlike Polpo, which ignores read errors,
   * a file the user named explicitly must exist: a missing or unreadable file is a {@link
   * UserInputException} (exit 3). Bytes that are not UTF-8 are an error too, since Node would
   * replace them silently and the values would differ.
   */
  public static EnvFile read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UserInputException(
          file + ": cannot read env file: " + IoErrors.why(e));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new UserInputException(file + ": env file is not valid UTF-8");
    }
    return parse(file.toString(), text);
  }

  /** Returns the file without values, so it can be logged safely. */
  @Override
  public String toString() {
    return "EnvFile[" + source + ", " + entries.size() + " entries]";
  }

  // One leading and one trailing quote, removed independently of each other.
  private static String stripQuotes(String v) {
    String out = v;
    if (!out.isEmpty() && isQuote(out.charAt(0))) {
      out = out.substring(1);
    }
    if (!out.isEmpty() && isQuote(out.charAt(out.length() - 1))) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }

  /** JavaScript's {@code String.prototype.trim}: WhiteSpace and LineTerminator code points. */
  static String jsTrim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isJsWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isJsWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isJsWhitespace(char c) {
    switch (c) {
      case '\t':
      case '\n':
      case '\u000B':
      case '\f':
      case '\r':
      case ' ':
      case '\u00A0':
      case '\u2028':
      case '\u2029':
      case '\uFEFF':
        return true;
      default:
        return Character.getType(c) == Character.SPACE_SEPARATOR;
    }
  }
}
