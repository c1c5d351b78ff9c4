package dev.polpocheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.polpocheck.config.SecretScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The properties every parser fuzz target checks, shared by the Jazzer fuzz tests ({@code
 * *FuzzTest}, coverage-guided when run with {@code JAZZER_FUZZ=1}) and their bounded jqwik twins
 * that run in every {@code mvn test}: a parser given any bytes either returns or throws one of the
 * project's documented user-input exceptions, in bounded time, and no message it produces shows a
 * secret that was in its input.
 *
 * <p>The input is planted with {@link #CANARY}, an Anthropic-API-key-shaped string (the shape
 * {@code sk-ant-api03-} + 20 or more token characters that {@link SecretScanner} recognises), at a
 * position the fuzzer chooses, so the "no secret echoed" property is exercised on every input and
 * not only when a fuzzer happens to spell a key. The dictionaries hold a different key (an OpenAI
 * project key shape), so a damaged copy of it cannot be mistaken for the planted one.
 */
public final class Fuzzing {
  /** Shaped like an Anthropic API key: {@code sk-ant-api03-} and 39 token characters. */
  public static final String CANARY = "sk-ant-api03-Fz9canaryQ7mX2kP4vL8tR1wY6bN3cH5dJ0gS";

  /** The canary's secret part, after the public prefix a masked form may show. */
  static final String CANARY_BODY = CANARY.substring("sk-ant-api03-".length());

  /**
   * Whether the input of this thread's current run spelled a part of the canary itself (the
   * fuzzer learns the strings the checks compare with): such text is the user's own, not a secret,
   * and a message may quote it like any other value.
   */
  private static final ThreadLocal<Boolean> SPELLED = ThreadLocal.withInitial(() -> false);

  /** Longest time one input may take (a hang or a quadratic blow-up on a few KiB fails it). */
  public static final Duration PER_INPUT = Duration.ofSeconds(10);

  private Fuzzing() {}

  /**
   * The input a target parses: {@code data} without its first three bytes; when the first byte is
   * odd, the canary inserted at the offset the next two bytes choose.
   */
  public static byte[] planted(byte[] data) {
    if (data.length < 3) {
      SPELLED.set(false);
      return data;
    }
    byte[] rest = java.util.Arrays.copyOfRange(data, 3, data.length);
    SPELLED.set(holdsCanaryPart(new String(rest, StandardCharsets.ISO_8859_1)));
    if ((data[0] & 1) == 0) {
      return rest;
    }
    int at = (((data[1] & 0xff) << 8) | (data[2] & 0xff)) % (rest.length + 1);
    byte[] canary = CANARY.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[rest.length + canary.length];
    System.arraycopy(rest, 0, out, 0, at);
    System.arraycopy(canary, 0, out, at, canary.length);
    System.arraycopy(rest, at, out, at + canary.length, rest.length - at);
    return out;
  }

  /** {@link #planted} decoded as UTF-8, malformed bytes replaced (what a String API receives). */
  public static String plantedText(byte[] data) {
    return new String(planted(data), StandardCharsets.UTF_8);
  }

  /**
   * Runs {@code parse}; passes when it returns or throws {@code documented} (the project's
   * exception for bad input of that kind, exit 3) whose message, as the CLI prints it, shows no
   * secret. Any other throwable propagates and fails the property.
   */
  public static void expectOnly(Class<? extends UserInputException> documented, Runnable parse) {
    try {
      parse.run();
    } catch (UserInputException e) {
      if (!documented.isInstance(e)) {
        throw e;
      }
      assertNoSecret("exception message", e.getMessage());
    }
  }

  /**
   * Fails when {@code shown} (a message as the user would see it, after the redaction every output
   * path applies) holds 8 or more consecutive characters of the planted canary's secret part
   * (unless the input spelled such a part itself), or anything else credential-shaped (a key the
   * fuzzer spelled from the dictionary).
   */
  public static void assertNoSecret(String what, String shown) {
    if (shown == null) {
      return;
    }
    String printed = SecretScanner.redact(shown);
    if (!SPELLED.get()) {
      assertFalse(holdsCanaryPart(printed), what + " shows the planted secret: " + printed);
    }
    assertFalse(SecretScanner.looksSensitive(printed), what + " shows a secret: " + printed);
  }

  private static boolean holdsCanaryPart(String text) {
    for (int i = 0; i + 8 <= CANARY_BODY.length(); i++) {
      if (text.contains(CANARY_BODY.substring(i, i + 8))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code target} on {@code data} in another thread, failing after {@link #PER_INPUT}. */
  public static void bounded(byte[] data, java.util.function.Consumer<byte[]> target) {
    assertTimeoutPreemptively(PER_INPUT, () -> target.accept(data));
  }

  /**
   * Inputs for the bounded run: the Jazzer seed corpus of {@code testClass}'s fuzz test {@code
   * method} (the resource directory {@code <Class>Inputs/<method>/}), each mutated by 1 to 8 random
   * edits of the kinds libFuzzer makes (flip, insert, delete, duplicate, splice, insert a token of
   * the target's dictionary).
   */
  public static Arbitrary<byte[]> mutants(Class<?> testClass, String method, String dictionary) {
    List<byte[]> seeds = seeds(testClass, method);
    List<byte[]> tokens = dictionary(testClass, dictionary);
    return Arbitraries.randomValue(r -> mutate(seeds, tokens, r));
  }

  static byte[] mutate(List<byte[]> seeds, List<byte[]> tokens, Random r) {
    // Three leading control bytes (see planted): half of the inputs get the canary.
    byte[] control = {(byte) r.nextInt(256), (byte) r.nextInt(256), (byte) r.nextInt(256)};
    List<Byte> b = toList(seeds.get(r.nextInt(seeds.size())));
    int edits = 1 + r.nextInt(8);
    for (int e = 0; e < edits; e++) {
      int at = b.isEmpty() ? 0 : r.nextInt(b.size() + 1);
      switch (r.nextInt(6)) {
        case 0:
          if (at < b.size()) {
            b.set(at, (byte) (b.get(at) ^ (1 << r.nextInt(8))));
          }
          break;
        case 1:
          b.add(at, (byte) r.nextInt(256));
          break;
        case 2:
          b.subList(at, Math.min(b.size(), at + 1 + r.nextInt(16))).clear();
          break;
        case 3:
          int end = Math.min(b.size(), at + 1 + r.nextInt(32));
          b.addAll(at, new ArrayList<>(b.subList(at, end)));
          break;
        case 4:
          byte[] other = seeds.get(r.nextInt(seeds.size()));
          int from = r.nextInt(other.length + 1);
          b.addAll(at, toList(java.util.Arrays.copyOfRange(other, from, other.length)));
          break;
        default:
          b.addAll(at, toList(tokens.get(r.nextInt(tokens.size()))));
          break;
      }
    }
    byte[] out = new byte[3 + b.size()];
    System.arraycopy(control, 0, out, 0, 3);
    for (int i = 0; i < b.size(); i++) {
      out[3 + i] = b.get(i);
    }
    return out;
  }

  private static List<Byte> toList(byte[] bytes) {
    List<Byte> l = new ArrayList<>(bytes.length + 64);
    for (byte x : bytes) {
      l.add(x);
    }
    return l;
  }

  /** The seed files of a fuzz test (each starts with the three control bytes of planted). */
  static List<byte[]> seeds(Class<?> testClass, String method) {
    Path dir = resource(testClass, testClass.getSimpleName() + "Inputs/" + method);
    try (Stream<Path> files = Files.list(dir)) {
      List<byte[]> out = new ArrayList<>();
      for (Path f : files.sorted().toList()) {
        out.add(Files.readAllBytes(f));
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("no seeds in " + dir);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A libFuzzer dictionary: one {@code "token"} a line, {@code \\}, {@code \"}, {@code \xNN}. */
  static List<byte[]> dictionary(Class<?> testClass, String name) {
    try {
      List<byte[]> out = new ArrayList<>();
      for (String line : Files.readAllLines(resource(testClass, name))) {
        int open = line.indexOf('"');
        int close = line.lastIndexOf('"');
        if (line.startsWith("#") || open < 0 || close <= open) {
          continue;
        }
        out.add(unescape(line.substring(open + 1, close)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] unescape(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        if (n == 'x' && i + 2 < s.length()) {
          out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        } else {
          out.write(n);
        }
      } else {
        byte[] enc = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(enc, 0, enc.length);
      }
    }
    return out.toByteArray();
  }

  private static Path resource(Class<?> testClass, String name) {
    URL url = testClass.getResource(name);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + name + " beside " + testClass);
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
