package dev.polpocheck.catalog;

import dev.polpocheck.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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

  /** Claude Code's context-window marker ({@code claude-opus-4-6[1m]}): same model, same price. */
  private static final Pattern WINDOW_SUFFIX = Pattern.compile("\\[\\d+[km]\\]$");

  private final String name;
  private final String title;
  private final String source;
  private final String effectiveDate;
  private final List<PriceEntry> entries;
  private final List<PriceEntry> current;
  private final List<String> warnings;
  private final List<PriceCatalog> parts;
  private final Map<String, List<PriceEntry>> byKey = new HashMap<>();
  private final Map<String, List<String>> providersByModel = new HashMap<>();

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
    Map<String, String> owner = new HashMap<>();
    for (PriceEntry e : this.entries) {
      w.addAll(AnthropicInvariants.check(e));
      String rowKey = key(e.provider(), e.model().toLowerCase(Locale.ROOT));
      index(e, e.model(), rowKey, owner);
      for (String a : e.aliases()) {
        index(e, a, rowKey, owner);
      }
    }
    for (List<PriceEntry> l : byKey.values()) {
      l.sort(Comparator.comparingLong(PriceEntry::fromMillis));
      for (int i = 1; i < l.size(); i++) {
        if (l.get(i).fromMillis() < l.get(i - 1).untilMillis()) {
          throw new UserInputException(
              source
                  + ": "
                  + l.get(i).provider()
                  + ":"
                  + l.get(i).model()
                  + " has two prices in force at once ("
                  + l.get(i - 1).describePeriod()
                  + " and "
                  + l.get(i).describePeriod()
                  + ")");
        }
      }
    }
    this.current = this.entries.stream().filter(PriceEntry::current).toList();
    this.warnings = List.copyOf(w);
  }

  /**
   * Indexes {@code e} under {@code id}. An id belongs to the first row (provider and model) that
   * claims it; later periods of that same row join its list, another row's alias does not.
   */
  private void index(PriceEntry e, String id, String rowKey, Map<String, String> owner) {
    String m = id.toLowerCase(Locale.ROOT);
    String k = key(e.provider(), m);
    if (!owner.computeIfAbsent(k, x -> rowKey).equals(rowKey)) {
      return;
    }
    List<PriceEntry> l = byKey.computeIfAbsent(k, x -> new ArrayList<>());
    if (!l.contains(e)) {
      l.add(e);
    }
    List<String> provs = providersByModel.computeIfAbsent(m, x -> new ArrayList<>());
    String prov = e.provider().toLowerCase(Locale.ROOT);
    if (!provs.contains(prov)) {
      provs.add(prov);
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

  /** The rows in force today (one per model), in catalog order. */
  public List<PriceEntry> list() {
    return current;
  }

  /** Every row of every period, in catalog order: what {@code prices diff} dates. */
  public List<PriceEntry> history() {
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

  /**
   * The price of {@code model} at {@code provider} in force at {@code atMillis} (epoch ms): a call
   * is priced at the prices of its own time. A time before the model's first row takes that first
   * row (a clock a little ahead of a launch is not a reason to leave a call unpriced).
   */
  public Optional<Price> find(String provider, String model, long atMillis) {
    return findEntry(provider, model, atMillis).map(PriceEntry::price);
  }

  /** The catalog row for {@code model} at {@code provider} as it stands today. */
  public Optional<PriceEntry> findEntry(String provider, String model) {
    return findEntry(provider, model, Long.MAX_VALUE - 1);
  }

  /** The catalog row for {@code model} at {@code provider} in force at {@code atMillis}. */
  public Optional<PriceEntry> findEntry(String provider, String model, long atMillis) {
    return rows(provider, model).map(l -> inForce(l, atMillis));
  }

  /**
   * Every period's row for {@code model} at {@code provider}, oldest first (empty when the catalog
   * has none): a caller pricing many calls resolves each period once.
   */
  public List<PriceEntry> periods(String provider, String model) {
    return rows(provider, model).map(List::copyOf).orElse(List.of());
  }

  private static PriceEntry inForce(List<PriceEntry> rows, long atMillis) {
    for (PriceEntry e : rows) {
      if (e.inForceAt(atMillis)) {
        return e;
      }
    }
    return atMillis < rows.get(0).fromMillis() ? rows.get(0) : rows.get(rows.size() - 1);
  }

  /** Every period's row for {@code model} at {@code provider}, oldest first. */
  private Optional<List<PriceEntry>> rows(String provider, String model) {
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
    m = WINDOW_SUFFIX.matcher(m).replaceFirst("");
    // Only a date (or "-latest") is dropped, never a version: claude-sonnet-5-5-20260928 falls
    // back to claude-sonnet-5-5, and never to claude-sonnet-5.
    for (String id : new String[] {m, DATE_SUFFIX.matcher(m).replaceFirst("")}) {
      String prov = p;
      if (prov.isEmpty()) {
        List<String> provs = providersByModel.get(id);
        if (provs == null || provs.size() != 1) {
          continue;
        }
        prov = provs.get(0);
      }
      List<PriceEntry> l = byKey.get(key(prov, id));
      if (l != null) {
        return Optional.of(l);
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
    Map<String, PriceCatalog> owner = new LinkedHashMap<>();
    StringBuilder src = new StringBuilder();
    String date = null;
    for (PriceCatalog c : parts) {
      for (PriceEntry e : c.history()) {
        String k = key(e.provider(), e.model().toLowerCase(Locale.ROOT));
        if (owner.computeIfAbsent(k, x -> c) == c) {
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
