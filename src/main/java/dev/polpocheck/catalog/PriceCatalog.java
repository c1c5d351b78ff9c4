package dev.polpocheck.catalog;

import dev.polpocheck.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named, dated list of model prices: the built-in catalogs ({@code anthropic}, {@code
 * polpo-docs}, {@code pi-ai}, {@code deepseek}, and the default {@code list}), a catalog file in
 * polpo-check's own format ({@code schemas/prices.schema.json}) or a LiteLLM {@code
 * model_prices_and_context_window.json}.
 *
 * <p>Lookup is by provider and model id; a model id also matches through its aliases, a provider
 * prefix ({@code anthropic/claude-...}, {@code anthropic:claude-...}) is ignored, and a dated
 * snapshot id ({@code claude-sonnet-4-5-20250929}) falls back to its undated name when only that is
 * listed. When the caller does not know the provider, a model id that only one provider lists
 * matches.
 */
public final class PriceCatalog {
  /** The name of the default catalog: Anthropic's list prices, then DeepSeek's. */
  public static final String DEFAULT = "list";

  private static final List<String> BUILTIN =
      List.of("anthropic", "polpo-docs", "pi-ai", "deepseek");
  private static final Pattern DATE_SUFFIX = Pattern.compile("-(\\d{8}|latest)$");

  private final String name;
  private final String title;
  private final String source;
  private final String effectiveDate;
  private final List<PriceEntry> entries;
  private final List<String> warnings;
  private final List<PriceCatalog> parts;
  private final Map<String, PriceEntry> byKey = new HashMap<>();
  private final Map<String, List<PriceEntry>> byModel = new HashMap<>();

  PriceCatalog(
      String name,
      String title,
      String source,
      String effectiveDate,
      List<PriceEntry> entries,
      List<String> loadWarnings) {
    this(name, title, source, effectiveDate, entries, loadWarnings, List.of());
  }

  private PriceCatalog(
      String name,
      String title,
      String source,
      String effectiveDate,
      List<PriceEntry> entries,
      List<String> loadWarnings,
      List<PriceCatalog> parts) {
    this.parts = List.copyOf(parts);
    this.name = Objects.requireNonNull(name);
    this.title = title == null ? "" : title;
    this.source = Objects.requireNonNull(source);
    this.effectiveDate = Objects.requireNonNull(effectiveDate);
    this.entries = List.copyOf(entries);
    List<String> w = new ArrayList<>(loadWarnings);
    for (PriceEntry e : this.entries) {
      w.addAll(AnthropicInvariants.check(e));
      index(e, e.model());
      for (String a : e.aliases()) {
        index(e, a);
      }
    }
    this.warnings = List.copyOf(w);
  }

  private void index(PriceEntry e, String id) {
    String m = id.toLowerCase(Locale.ROOT);
    byKey.putIfAbsent(key(e.provider(), m), e);
    List<PriceEntry> l = byModel.computeIfAbsent(m, k -> new ArrayList<>());
    if (!l.contains(e)) {
      l.add(e);
    }
  }

  private static String key(String provider, String model) {
    return provider.toLowerCase(Locale.ROOT) + '\u0000' + model;
  }

  /** Short name shown in every report ("anthropic", "list", or the file's name). */
  public String name() {
    return name;
  }

  /** One-line description of the catalog. */
  public String title() {
    return title;
  }

  /** Where the prices come from. */
  public String source() {
    return source;
  }

  /**
   * ISO date as of which the prices are stated; for a catalog composed of others ({@code list}),
   * the oldest of their dates, so the date never claims more currency than the stalest part has.
   */
  public String effectiveDate() {
    return effectiveDate;
  }

  /** The catalogs this one looks prices up in, in order; empty for a single catalog. */
  public List<PriceCatalog> parts() {
    return parts;
  }

  /**
   * The dates to print: {@code "effective 2026-04-01"} for a single catalog, each part's date for a
   * composed one ({@code "anthropic effective 2026-11-25, deepseek effective 2026-04-01"}).
   */
  public String describeDates() {
    if (parts.isEmpty()) {
      return "effective " + effectiveDate;
    }
    StringBuilder sb = new StringBuilder();
    for (PriceCatalog p : parts) {
      sb.append(sb.length() == 0 ? "" : ", ")
          .append(p.name())
          .append(" effective ")
          .append(p.effectiveDate());
    }
    return sb.toString();
  }

  /** Every row, in catalog order. */
  public List<PriceEntry> list() {
    return entries;
  }

  /** Broken Anthropic invariants and load notes, one sentence each. */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The price of {@code model} at {@code provider}.
   *
   * @param provider provider id, or null / "" when unknown
   * @param model model id, possibly with a provider prefix or a date suffix
   */
  public Optional<Price> find(String provider, String model) {
    return findEntry(provider, model).map(PriceEntry::price);
  }

  /** The catalog row for {@code model} at {@code provider} (see {@link #find}). */
  public Optional<PriceEntry> findEntry(String provider, String model) {
    if (model == null || model.isEmpty()) {
      return Optional.empty();
    }
    String m = model.toLowerCase(Locale.ROOT);
    String p = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
    int sep = Math.max(m.indexOf('/'), m.indexOf(':'));
    if (sep > 0) {
      String prefix = m.substring(0, sep);
      m = m.substring(sep + 1);
      if (p.isEmpty()) {
        p = prefix;
      }
    }
    for (String id : new String[] {m, DATE_SUFFIX.matcher(m).replaceFirst("")}) {
      if (!p.isEmpty()) {
        PriceEntry e = byKey.get(key(p, id));
        if (e != null) {
          return Optional.of(e);
        }
      } else {
        List<PriceEntry> l = byModel.get(id);
        if (l != null && l.size() == 1) {
          return Optional.of(l.get(0));
        }
      }
    }
    return Optional.empty();
  }

  /** Names of the built-in catalogs, the default first. */
  public static List<String> builtinNames() {
    List<String> l = new ArrayList<>();
    l.add(DEFAULT);
    l.addAll(BUILTIN);
    return l;
  }

  /**
   * Whether {@code nameOrPath} is a built-in catalog's name or refers to a file (an existing one,
   * or one written as a path: with a slash or ending in {@code .json}). Anything else is an unknown
   * name, which a command reports as a usage error.
   */
  public static boolean isNameOrFile(String nameOrPath) {
    if (builtinNames().contains(nameOrPath)
        || nameOrPath.contains("/")
        || nameOrPath.endsWith(".json")) {
      return true;
    }
    try {
      return Files.exists(Path.of(nameOrPath));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** The message for a catalog name that is neither built in nor a file; it lists the names. */
  public static String unknownNameMessage(String name) {
    return "unknown price catalog '"
        + name
        + "'; built-in catalogs: "
        + String.join(", ", builtinNames())
        + " (or give a catalog file path)";
  }

  /** The default catalog: Anthropic's list prices for Claude, DeepSeek's for DeepSeek models. */
  public static PriceCatalog defaultCatalog() {
    return builtin(DEFAULT);
  }

  /**
   * A built-in catalog by name.
   *
   * @throws UserInputException when there is no such catalog (the message lists the names)
   */
  public static PriceCatalog builtin(String name) {
    if (DEFAULT.equals(name)) {
      return compose(
          DEFAULT,
          "Published list prices: Anthropic for Claude models, DeepSeek for DeepSeek",
          List.of(builtin("anthropic"), builtin("deepseek")));
    }
    if (!BUILTIN.contains(name)) {
      throw new UserInputException(unknownNameMessage(name));
    }
    String res = "/dev/polpocheck/catalog/prices/" + name + ".json";
    try (InputStream in = PriceCatalog.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("built-in catalog missing from the jar: " + res);
      }
      return CatalogFiles.readOwnFormat(in, "builtin:" + name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in catalog " + res, e);
    }
  }

  /**
   * A built-in catalog by name, or a catalog file (polpo-check format or LiteLLM) by path.
   *
   * @throws UserInputException when the name is unknown or the file is missing or invalid
   */
  public static PriceCatalog resolve(String nameOrPath) {
    if (builtinNames().contains(nameOrPath)) {
      return builtin(nameOrPath);
    }
    Path p = Path.of(nameOrPath);
    if (Files.isRegularFile(p)) {
      return CatalogFiles.read(p);
    }
    if (nameOrPath.contains("/") || nameOrPath.endsWith(".json")) {
      throw new UserInputException(nameOrPath + ": price catalog file not found");
    }
    return builtin(nameOrPath);
  }

  /** A catalog that looks a model up in each part in turn; the first part listing it wins. */
  static PriceCatalog compose(String name, String title, List<PriceCatalog> parts) {
    List<PriceEntry> all = new ArrayList<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    StringBuilder src = new StringBuilder();
    String date = null;
    for (PriceCatalog c : parts) {
      for (PriceEntry e : c.list()) {
        if (seen.putIfAbsent(key(e.provider(), e.model().toLowerCase(Locale.ROOT)), true) == null) {
          all.add(e);
        }
      }
      if (src.length() > 0) {
        src.append("; ");
      }
      src.append(c.name()).append(" (").append(c.effectiveDate()).append("): ").append(c.source());
      if (date == null || c.effectiveDate().compareTo(date) < 0) {
        date = c.effectiveDate();
      }
    }
    return new PriceCatalog(name, title, src.toString(), date, all, List.of(), parts);
  }
}
