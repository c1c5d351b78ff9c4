package dev.polpocheck.sim;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import dev.polpocheck.UserInputException;
import dev.polpocheck.catalog.RateLimitClass;
import dev.polpocheck.cost.Money;
import dev.polpocheck.json.JsonDocument;
import dev.polpocheck.json.JsonReader;
import dev.polpocheck.json.Span;
import dev.polpocheck.sim.limits.BatchLimits;
import dev.polpocheck.sim.limits.LimitSpec;
import dev.polpocheck.sim.limits.TierLimits;
import dev.polpocheck.sim.rotation.CooldownSchedule;
import dev.polpocheck.sim.rotation.PinKind;
import dev.polpocheck.sim.rotation.ProfileType;
import dev.polpocheck.sim.rotation.RotationPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads scenario files: validates them against {@code scenario.schema.json} (problems reported as
 * {@code file:line:col}), lays them over the shipped default scenario (objects merge key by key;
 * arrays and values replace) and builds the {@link Scenario}. Also writes a scenario back as JSON
 * (through {@link ScenarioJson}), so every result can carry the effective scenario.
 */
public final class ScenarioFiles {
  private static final String DEFAULTS = "default-scenario.json";
  private static final String SCHEMA_ID = "https://polpo-check.dev/schema/v1/scenario.schema.json";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final long HOUR = 3_600_000L;

  private ScenarioFiles() {}

  /** The shipped default scenario. */
  public static Scenario defaults() {
    return build(defaultsTree(), null);
  }

  /**
   * Reads, validates and builds a scenario file.
   *
   * @throws UserInputException naming {@code file:line:col} for the first problem
   */
  public static Scenario load(Path file) {
    String name = file.toString();
    return build(name, JsonReader.read(file, name), file.toAbsolutePath().getParent());
  }

  /**
   * Validates and builds a scenario given as text (e.g. a resource); a relative {@code prices} path
   * stays relative to the working directory.
   *
   * @param displayName how to name the source in messages
   * @throws UserInputException naming {@code displayName:line:col} for the first problem
   */
  public static Scenario parse(String displayName, String json) {
    return build(displayName, JsonReader.parse(displayName, json), null);
  }

  private static Scenario build(String name, JsonDocument doc, Path baseDir) {
    List<Error> errors = schema().validate(doc.root());
    if (!errors.isEmpty()) {
      Error first = errors.get(0);
      String pointer = pointer(first.getInstanceLocation());
      Span at = doc.positions().valueSpan(pointer).orElse(Span.fileStart());
      String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
      throw new UserInputException(
          name
              + ":"
              + at.line()
              + ":"
              + at.column()
              + ": "
              + message(first, pointer)
              + " (at "
              + (pointer.isEmpty() ? "/" : pointer)
              + ")"
              + more);
    }
    JsonNode merged = merge(defaultsTree(), doc.root());
    try {
      return build(merged, baseDir);
    } catch (Invalid e) {
      Span at = doc.positions().valueSpan(e.pointer).orElse(Span.fileStart());
      throw new UserInputException(
          name
              + ":"
              + at.line()
              + ":"
              + at.column()
              + ": "
              + e.getMessage()
              + " (at "
              + e.pointer
              + ")");
    } catch (IllegalArgumentException e) {
      throw new UserInputException(name + ": " + e.getMessage());
    }
  }

  /** A rule the schema cannot express, broken at a JSON pointer of the user's file. */
  private static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final String pointer;

    Invalid(String pointer, String message) {
      super(message);
      this.pointer = pointer;
    }
  }

  /** The effective scenario as JSON in the scenario-file format (for results). */
  public static ObjectNode toJson(Scenario s) {
    return ScenarioJson.write(s);
  }

  private static Scenario build(JsonNode n, Path baseDir) {
    List<Scenario.Profile> profiles = new ArrayList<>();
    Map<String, Scenario.Plan> plans = plans(n.get("plans"));
    Set<String> ids = new HashSet<>();
    int index = 0;
    for (JsonNode p : n.get("profiles")) {
      String id = p.get("id").asString();
      if (!ids.add(id)) {
        throw new Invalid("/profiles/" + index + "/id", "profile id \"" + id + "\" appears twice");
      }
      String plan = p.has("plan") ? p.get("plan").asString() : null;
      if (plan != null && !plans.containsKey(plan)) {
        throw new Invalid(
            "/profiles/" + index + "/plan",
            "profile \"" + id + "\" uses plan \"" + plan + "\", which \"plans\" does not define");
      }
      index++;
      profiles.add(
          new Scenario.Profile(
              id,
              p.get("provider").asString(),
              "oauth".equals(p.get("type").asString()) ? ProfileType.OAUTH : ProfileType.API_KEY,
              p.has("organisation") ? p.get("organisation").asString() : id,
              p.has("tier") ? p.get("tier").asString() : "tier4",
              plan,
              cap(p.get("monthlySpendCapUsd")),
              millis(p.path("tokenLifetimeMinutes").asDouble(0), 60_000L),
              p.path("refreshFailureRate").asDouble(0),
              p.has("workspace")
                  ? p.get("workspace").asString()
                  : Scenario.Profile.DEFAULT_WORKSPACE));
    }
    Scenario.Pin pin = null;
    JsonNode pinNode = n.get("pin");
    if (pinNode != null && pinNode.isObject()) {
      String profile = pinNode.get("profile").asString();
      if (!ids.contains(profile)) {
        throw new Invalid(
            "/pin/profile", "pin names profile \"" + profile + "\", which is not in \"profiles\"");
      }
      pin =
          new Scenario.Pin(
              profile, "user".equals(pinNode.get("kind").asString()) ? PinKind.USER : PinKind.AUTO);
    }
    Map<String, Scenario.Credential> env = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.get("envKeys").properties()) {
      JsonNode c = e.getValue();
      env.put(
          e.getKey(),
          new Scenario.Credential(
              c.has("organisation") ? c.get("organisation").asString() : "env",
              c.has("tier") ? c.get("tier").asString() : "tier4",
              cap(c.get("monthlySpendCapUsd"))));
    }
    List<Long> steps = new ArrayList<>();
    for (JsonNode m : n.get("cooldownMinutes")) {
      steps.add(millis(m.asDouble(), 60_000L));
    }
    JsonNode b = n.get("billing");
    JsonNode r = n.get("retry");
    List<String> fallbacks = new ArrayList<>();
    for (JsonNode f : n.get("fallbacks")) {
      fallbacks.add(f.asString());
    }
    JsonNode c = n.get("cache");
    Map<String, Scenario.Automatic> automatic = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : c.get("automatic").properties()) {
      JsonNode a = e.getValue();
      automatic.put(
          e.getKey(),
          new Scenario.Automatic(
              a.get("minTokens").asLong(),
              a.get("unitTokens").asLong(),
              millis(a.get("ttlMinutes").asDouble(), 60_000L)));
    }
    JsonNode sp = c.get("systemPrefixTokens");
    List<Scenario.Remap> remaps = new ArrayList<>();
    for (JsonNode m : n.get("remap")) {
      String to = m.get("to").asString();
      int colon = to.indexOf(':');
      remaps.add(
          new Scenario.Remap(
              m.get("from").asString(),
              to.substring(0, colon),
              to.substring(colon + 1),
              m.path("tokenFactor").asDouble(1)));
    }
    JsonNode t = n.get("timing");
    JsonNode rep = n.get("report");
    String prices = n.get("prices").asString();
    if (!"bundled".equals(prices) && baseDir != null) {
      prices = baseDir.resolve(prices).normalize().toString();
    }
    return new Scenario(
        Variant.of(n.get("variant").asString()),
        RotationPolicy.valueOf(n.get("rotation").asString().toUpperCase(Locale.ROOT)),
        pin,
        profiles,
        env,
        plans,
        new CooldownSchedule(steps.stream().mapToLong(Long::longValue).toArray()),
        new Scenario.Billing(
            millis(b.get("backoffHours").asDouble(), HOUR),
            millis(b.get("maxHours").asDouble(), HOUR),
            millis(b.get("windowHours").asDouble(), HOUR),
            b.get("windowRule").asString()),
        new Scenario.Retry(
            r.get("sdkMaxRetries").asInt(),
            r.get("initialDelayMs").asLong(),
            r.get("maxDelayMs").asLong(),
            r.get("orchestratorMaxRetries").asInt(),
            r.get("orchestratorMaxRetriesWithFallbacks").asInt()),
        fallbacks,
        new Scenario.Cache(
            "as-recorded".equals(c.get("mode").asString()),
            c.get("retention").asString(),
            sp.isNumber() ? sp.asLong() : -1,
            c.get("oauthPreambleTokens").asLong(),
            c.get("defaultMinCacheableTokens").asLong(),
            automatic),
        remaps,
        new Scenario.Timing(
            t.get("compression").asDouble(),
            millis(t.get("defaultLatencySeconds").asDouble(), 1_000L),
            millis(t.get("firstTokenSeconds").asDouble(), 1_000L),
            millis(t.get("batchCompletionMinutes").asDouble(), 60_000L)),
        prices,
        new Scenario.Report(
            rep.get("seriesBucketMinutes").asLong() * 60_000L,
            rep.get("maxEvents").asInt(),
            rep.get("compareSticky").asBoolean()),
        new Scenario.Errors(
            n.get("errors").get("overloadedRate").asDouble(),
            n.get("errors").get("serverErrorRate").asDouble(),
            n.get("errors").get("timeoutRate").asDouble(),
            n.get("errors").get("midStreamErrorRate").asDouble()),
        settings(n.get("settings")),
        organisations(n.get("organisations")),
        tierLimits(n.path("tierLimits")));
  }

  /**
   * The scenario's own limits by tier name: per model class all three of RPM / ITPM / OTPM (a
   * tier's table is complete, unlike a workspace's partial overrides), and optionally the Batch
   * API's {@code rpm} and {@code queue}.
   */
  private static Map<String, TierLimits> tierLimits(JsonNode n) {
    Map<String, TierLimits> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> t : n.properties()) {
      Map<RateLimitClass, LimitSpec> limits = new EnumMap<>(RateLimitClass.class);
      BatchLimits batch = null;
      for (Map.Entry<String, JsonNode> c : t.getValue().properties()) {
        JsonNode v = c.getValue();
        if ("batch".equals(c.getKey())) {
          batch = new BatchLimits(v.get("rpm").asLong(), v.get("queue").asLong());
          continue;
        }
        RateLimitClass cls = RateLimitClass.valueOf(c.getKey()); // the schema names the classes
        limits.put(
            cls,
            new LimitSpec(
                v.get("rpm").asLong(),
                v.get("itpm").asLong(),
                v.get("otpm").asLong(),
                cls.cacheReadsCountTowardItpm()));
      }
      out.put(t.getKey(), new TierLimits(limits, batch));
    }
    return out;
  }

  private static Scenario.Settings settings(JsonNode n) {
    Map<String, Integer> perAgent = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.get("agentMaxConcurrency").properties()) {
      perAgent.put(e.getKey(), e.getValue().asInt());
    }
    JsonNode max = n.get("maxConcurrency");
    return new Scenario.Settings(
        n.get("reasoning").asString(), max.isNull() ? 0 : max.asInt(), perAgent);
  }

  /**
   * The scenario's plans, with Max's two tiers derived from a {@code pro} plan the file defines
   * and they do not: "Max plan offers two usage tiers: 5x Pro usage ($100/month) or 20x Pro usage
   * ($200/month)" (https://support.anthropic.com/en/articles/11145838-using-claude-code-with-your-max-plan).
   * Anthropic publishes the ratio, not Pro's budget, so Pro's windows stay the user's.
   */
  private static Map<String, Scenario.Plan> plans(JsonNode n) {
    Map<String, Scenario.Plan> plans = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      List<Scenario.Window> windows = new ArrayList<>();
      for (JsonNode w : e.getValue().get("windows")) {
        windows.add(
            new Scenario.Window(millis(w.get("hours").asDouble(), HOUR), w.get("tokens").asLong()));
      }
      plans.put(e.getKey(), new Scenario.Plan(windows));
    }
    Scenario.Plan pro = plans.get("pro");
    if (pro != null) {
      plans.putIfAbsent("max-5x", scaled(pro, 5));
      plans.putIfAbsent("max-20x", scaled(pro, 20));
    }
    return plans;
  }

  private static Scenario.Plan scaled(Scenario.Plan plan, long factor) {
    List<Scenario.Window> windows = new ArrayList<>();
    for (Scenario.Window w : plan.windows()) {
      windows.add(new Scenario.Window(w.millis(), Math.multiplyExact(w.tokens(), factor)));
    }
    return new Scenario.Plan(windows);
  }

  private static Map<String, Scenario.Organisation> organisations(JsonNode n) {
    Map<String, Scenario.Organisation> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      Map<String, Long> workspaces = new TreeMap<>();
      Map<String, Map<RateLimitClass, LimitSpec>> rateLimits = new TreeMap<>();
      JsonNode ws = e.getValue().get("workspaces");
      if (ws != null) {
        for (Map.Entry<String, JsonNode> w : ws.properties()) {
          long limit = cap(w.getValue().get("monthlySpendLimitUsd"));
          if (limit >= 0) {
            workspaces.put(w.getKey(), limit);
          }
          JsonNode rl = w.getValue().get("rateLimits");
          if (rl != null && !rl.isEmpty()) {
            rateLimits.put(w.getKey(), workspaceRateLimits(rl));
          }
        }
      }
      out.put(
          e.getKey(),
          new Scenario.Organisation(
              cap(e.getValue().get("monthlySpendLimitUsd")),
              cap(e.getValue().get("prepaidCreditUsd")),
              cap(e.getValue().get("tierSpendCapUsd")),
              workspaces,
              rateLimits));
    }
    return out;
  }

  /**
   * A workspace's rate-limit overrides by model class: a limiter type left out keeps the
   * organisation's value (0 here), as in Anthropic's "Set Workspace Rate Limits" ("Types not named
   * keep their current value":
   * https://platform.claude.com/docs/en/api/java/organization/workspaces/rate_limits/update).
   */
  private static Map<RateLimitClass, LimitSpec> workspaceRateLimits(JsonNode n) {
    Map<RateLimitClass, LimitSpec> out = new EnumMap<>(RateLimitClass.class);
    for (Map.Entry<String, JsonNode> c : n.properties()) {
      RateLimitClass cls = RateLimitClass.valueOf(c.getKey()); // the schema names the classes
      JsonNode v = c.getValue();
      out.put(
          cls,
          new LimitSpec(
              v.path("rpm").asLong(0),
              v.path("itpm").asLong(0),
              v.path("otpm").asLong(0),
              cls.cacheReadsCountTowardItpm()));
    }
    return out;
  }

  private static long cap(JsonNode usd) {
    if (usd == null || usd.isNull()) {
      return -1;
    }
    return Money.fromUsd(usd.decimalValue().setScale(12, RoundingMode.HALF_EVEN));
  }

  private static long millis(double amount, long unit) {
    return Math.round(amount * unit);
  }

  private static JsonNode merge(JsonNode base, JsonNode over) {
    if (base == null || !base.isObject() || !over.isObject()) {
      return over.deepCopy();
    }
    ObjectNode out = ((ObjectNode) base).deepCopy();
    for (Map.Entry<String, JsonNode> e : over.properties()) {
      out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
    }
    return out;
  }

  private static JsonNode defaultsTree() {
    try (InputStream in = ScenarioFiles.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULTS);
      }
      return MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Holder idiom: the schema is compiled once, on first use; networknt schemas are immutable. */
  private static final class Compiled {
    static final Schema SCHEMA = compile();

    private static Schema compile() {
      SchemaRegistryConfig config = SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build();
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              Dialects.getDraft7(),
              b ->
                  b.schemaRegistryConfig(config)
                      .schemaIdResolvers(
                          r ->
                              r.mapPrefix(
                                  "https://polpo-check.dev/schema/v1/", "classpath:schemas/")));
      return registry.getSchema(SchemaLocation.of(SCHEMA_ID));
    }
  }

  private static Schema schema() {
    return Compiled.SCHEMA;
  }

  private static String pointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object el = path.getElement(i);
      sb.append('/').append(el.toString().replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  private static String message(Error e, String pointer) {
    String m = e.getMessage();
    // networknt prefixes its message with the instance path; the location already says where
    int colon = m.indexOf(": ");
    return colon >= 0 && m.startsWith("$") ? m.substring(colon + 2) : m;
  }
}
