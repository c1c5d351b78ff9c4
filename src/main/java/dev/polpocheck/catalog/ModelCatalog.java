package dev.polpocheck.catalog;

import dev.polpocheck.IoErrors;
import dev.polpocheck.UserInputException;
import dev.polpocheck.json.JsonReadException;
import dev.polpocheck.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The model catalog: which models exist per provider, with their limits, caching minimums,
 * rate-limit pools and lifecycle, loaded from the data file {@code
 * dev/polpocheck/catalog/models.json}.
 *
 * <p>Two provider lists matter and differ: {@link #PI_AI_PROVIDERS} are the providers Polpo 0.3.x
 * can resolve without a {@code providers} entry (pi-ai 0.58.3's catalog), while {@link
 * #providers()} are the providers this catalog has models for (it adds {@code deepseek}, which
 * Polpo reaches only through a custom provider or openrouter). For providers whose catalog is not
 * {@linkplain #isComplete complete}, a miss means "unknown to polpo-check", not "unknown to Polpo".
 */
public final class ModelCatalog {

  /** Classpath location of the bundled data file. */
  public static final String RESOURCE = "/dev/polpocheck/catalog/models.json";

  /** The 23 providers of pi-ai 0.58.3's catalog (polpo-semantics.md §8), sorted. */
  public static final List<String> PI_AI_PROVIDERS =
      List.of(
          "amazon-bedrock",
          "anthropic",
          "azure-openai-responses",
          "cerebras",
          "github-copilot",
          "google",
          "google-antigravity",
          "google-gemini-cli",
          "google-vertex",
          "groq",
          "huggingface",
          "kimi-coding",
          "minimax",
          "minimax-cn",
          "mistral",
          "openai",
          "openai-codex",
          "opencode",
          "opencode-go",
          "openrouter",
          "vercel-ai-gateway",
          "xai",
          "zai");

  private final String version;
  private final Map<String, ModelInfo> byKey;
  private final Map<String, List<ModelInfo>> byProvider;
  private final Set<String> completeProviders;

  private ModelCatalog(String version, List<ModelInfo> models, Set<String> completeProviders) {
    this.version = version;
    Map<String, ModelInfo> keys = new LinkedHashMap<>();
    Map<String, List<ModelInfo>> providers = new LinkedHashMap<>();
    for (ModelInfo m : models) {
      providers.computeIfAbsent(m.provider(), p -> new ArrayList<>()).add(m);
      for (String name : names(m)) {
        ModelInfo previous = keys.put(key(m.provider(), name), m);
        if (previous != null) {
          throw new IllegalArgumentException("duplicate model id " + m.provider() + ":" + name);
        }
      }
    }
    providers.replaceAll((p, list) -> List.copyOf(list));
    this.byKey = Collections.unmodifiableMap(keys);
    this.byProvider = Collections.unmodifiableMap(providers);
    this.completeProviders = Set.copyOf(completeProviders);
  }

  /** Returns the catalog bundled in the jar (parsed once, immutable). */
  public static ModelCatalog bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * Parses a catalog in the {@code models.json} format.
   *
   * @param in the JSON document
   * @param source a name for messages (file name or resource)
   * @throws UserInputException when the document is not valid JSON or misses required fields
   */
  public static ModelCatalog load(InputStream in, String source) {
    JsonNode root;
    try {
      // the project's own reader, not a JsonMapper: building a mapper (annotation introspection,
      // serializer factories) was a fifth of the CPU of a one-file validate run, which reads
      // this catalog (reports/validate-startup.md, third pass)
      root = JsonReader.parseTree(source, in.readAllBytes());
    } catch (JsonReadException e) {
      throw new UserInputException(source + ": not a valid model catalog: " + e.detail()
          + (e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : ""));
    } catch (IOException e) {
      throw new UserInputException(source + ": cannot read the model catalog: " + IoErrors.why(e));
    }
    if (root == null || !root.isObject() || !root.path("models").isArray()) {
      throw new UserInputException(source + ": not a model catalog (no \"models\" array)");
    }
    Set<String> complete = new TreeSet<>();
    for (JsonNode p : root.path("providers")) {
      if (p.path("catalogComplete").booleanValue(false)) {
        complete.add(p.path("id").asString());
      }
    }
    List<ModelInfo> models = new ArrayList<>();
    int index = 0;
    for (JsonNode m : root.path("models")) {
      models.add(parseModel(m, source + ": models[" + index + "]"));
      index++;
    }
    try {
      return new ModelCatalog(
          root.path("catalogVersion").asString("unversioned"), models, complete);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(source + ": " + e.getMessage());
    }
  }

  private static ModelInfo parseModel(JsonNode m, String where) {
    try {
      List<String> aliases = new ArrayList<>();
      for (JsonNode a : m.path("aliases")) {
        aliases.add(a.stringValue());
      }
      JsonNode rate = m.path("rateLimitClass");
      JsonNode min = m.path("minCacheableTokens");
      return new ModelInfo(
          required(m, "provider", where).stringValue(),
          required(m, "id", where).stringValue(),
          aliases,
          m.path("name").asString(""),
          required(m, "contextWindow", where).intValue(),
          required(m, "maxOutputTokens", where).intValue(),
          min.isNumber() ? min.intValue() : 0,
          m.path("minCacheableUnsettled").booleanValue(false),
          rate.isString() ? RateLimitClass.valueOf(rate.stringValue()) : null,
          m.path("reasoning").booleanValue(false),
          ModelStatus.valueOf(required(m, "status", where).stringValue().toUpperCase(Locale.ROOT)),
          m.path("listPrice").booleanValue(false),
          m.path("piAiCatalog").booleanValue(false),
          m.path("recheck").booleanValue(false),
          m.path("note").asString(""));
    } catch (JacksonException | IllegalArgumentException e) {
      throw new UserInputException(where + ": " + e.getMessage());
    }
  }

  private static JsonNode required(JsonNode m, String field, String where) {
    JsonNode v = m.get(field);
    if (v == null || v.isNull()) {
      throw new UserInputException(where + ": missing \"" + field + "\"");
    }
    return v;
  }

  /** Returns the catalog's data version (the date its figures were last reviewed). */
  public String version() {
    return version;
  }

  /**
   * Finds a model by provider and id or alias, matching exactly as pi-ai's {@code getModel} does
   * (case-sensitive).
   */
  public Optional<ModelInfo> find(String provider, String idOrAlias) {
    return Optional.ofNullable(byKey.get(key(provider, idOrAlias)));
  }

  /** Returns the provider's models in catalog order, empty for an unknown provider. */
  public List<ModelInfo> models(String provider) {
    return byProvider.getOrDefault(provider, List.of());
  }

  /** Returns every id and alias of the provider, sorted: the candidates for did-you-mean. */
  public List<String> ids(String provider) {
    TreeSet<String> out = new TreeSet<>();
    for (ModelInfo m : models(provider)) {
      out.addAll(names(m));
    }
    return List.copyOf(out);
  }

  /** Returns the providers this catalog has models for, in catalog order. */
  public List<String> providers() {
    return List.copyOf(byProvider.keySet());
  }

  /**
   * Returns whether the catalog lists every model pi-ai knows for this provider, so that a miss
   * means Polpo cannot resolve the id either.
   */
  public boolean isComplete(String provider) {
    return completeProviders.contains(provider);
  }

  /** Returns whether Polpo 0.3.x resolves this provider without a {@code providers} entry. */
  public static boolean isPiAiProvider(String provider) {
    return PI_AI_PROVIDERS.contains(provider);
  }

  private static List<String> names(ModelInfo m) {
    List<String> names = new ArrayList<>(m.aliases().size() + 1);
    names.add(m.id());
    names.addAll(m.aliases());
    return names;
  }

  private static String key(String provider, String id) {
    return provider + "\u0000" + id;
  }

  /** Holder idiom: the bundled catalog is parsed on first use, once, and never changes. */
  private static final class Bundled {
    static final ModelCatalog INSTANCE = loadBundled();

    private static ModelCatalog loadBundled() {
      try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("bundled model catalog missing: " + RESOURCE);
        }
        return load(in, RESOURCE);
      } catch (IOException e) {
        throw new IllegalStateException("bundled model catalog unreadable: " + RESOURCE, e);
      }
    }
  }
}
