package dev.polpocheck.redact;

import dev.polpocheck.config.SecretScanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The masker every byte of output passes through: credential-shaped text is cut to its public
 * prefix ({@code sk-ant-api03-…}, see {@link SecretScanner#redactOutput}), and every value this
 * run has learnt is secret — a resolved {@code ${VAR}}, an {@code --env} or env-file value, an
 * auth-profile token — becomes {@value #MASK}, whatever its shape.
 *
 * <p>One instance lives for one run of the command line; the commands register secrets as they
 * read them ({@link #addSecret}), before anything that could quote them is written. A known value
 * is also looked for in the escaped forms the output formats give it (JSON, XML/HTML, Mustache's
 * HTML, GitHub workflow commands), so escaping cannot carry it past the masker. Values shorter
 * than {@value #MIN_KNOWN_LENGTH} characters are not registered: masking every "true" or "8080"
 * in the output would garble it and protect nothing.
 *
 * <p>The mask and the shape masks are made only of characters no output format treats as syntax,
 * so masked JSON, CSV, SARIF, XML and HTML stay valid.
 */
public final class Redactor {
  /** What a known secret value is replaced with. */
  public static final String MASK = "[secret]";

  /** The shortest value {@link #addSecret} registers. */
  public static final int MIN_KNOWN_LENGTH = 6;

  // Longest first, so a secret that contains another is masked whole.
  private final Set<String> known = new LinkedHashSet<>();
  private volatile List<String> ordered = List.of();

  private Redactor() {}

  /** Returns a masker for one run, knowing no secret value yet. */
  public static Redactor forRun() {
    return new Redactor();
  }

  /**
   * Registers a secret value: from now on it, each of its lines and its escaped forms are masked
   * wherever they appear. Null, blank and short values are ignored.
   */
  public void addSecret(String value) {
    if (value == null) {
      return;
    }
    List<String> forms = new ArrayList<>();
    forms.add(value);
    for (String line : value.split("\\R")) {
      forms.add(line.strip());
    }
    synchronized (known) {
      boolean changed = false;
      for (String form : forms) {
        if (form.strip().length() < MIN_KNOWN_LENGTH) {
          continue;
        }
        for (String escaped : Escapes.of(form)) {
          changed |= known.add(escaped);
        }
      }
      if (changed) {
        List<String> next = new ArrayList<>(known);
        next.sort(Comparator.comparingInt(String::length).reversed());
        ordered = List.copyOf(next);
      }
    }
  }

  /** Registers each value (see {@link #addSecret}). */
  public void addSecrets(Iterable<String> values) {
    for (String v : values) {
      addSecret(v);
    }
  }

  /** Returns {@code text} with every known secret and every credential-shaped region masked. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : ordered) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return SecretScanner.redactOutput(out);
  }
}
