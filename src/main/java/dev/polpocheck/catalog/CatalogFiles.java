package dev.polpocheck.catalog;

import dev.polpocheck.IoErrors;
import dev.polpocheck.UserInputException;
import dev.polpocheck.cost.Money;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads price catalog files: polpo-check's own format ({@code schemas/prices.schema.json}) and
 * LiteLLM's {@code model_prices_and_context_window.json}.
 *
 * <p>Numbers are read as exact decimals (never through {@code double}), so $0.028/MTok becomes
 * exactly 28,000 picodollars per token. Errors name the file, the line and column of the model
 * object and the field.
 */
final class CatalogFiles {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final BigDecimal PICOS = BigDecimal.valueOf(Money.PICOS_PER_USD);

  /**
   * The highest rate a catalog may state, in USD per million tokens: well above any real price (the
   * dearest list prices are a few hundred), low enough that a rate times a call's tokens stays far
   * from the range of exact arithmetic.
   */
  static final BigDecimal MAX_USD_PER_MILLION = BigDecimal.valueOf(10_000);

  private static final BigDecimal MAX_USD_PER_TOKEN =
      MAX_USD_PER_MILLION.movePointLeft(6).stripTrailingZeros();

  private CatalogFiles() {}

  /** A catalog file of either format, told apart by its {@code schemaVersion} key. */
  static PriceCatalog read(Path file) {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = MAPPER.readTree(in);
    } catch (NoSuchFileException e) {
      throw new UserInputException(file + ": price catalog file not found");
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read price catalog: " + IoErrors.why(e));
    } catch (JacksonException e) {
      throw new UserInputException(
          position(file.toString(), e.getLocation()) + ": invalid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new UserInputException(file + ":1:1: a price catalog must be a JSON object");
    }
    if (root.has("schemaVersion")) {
      try (InputStream in = Files.newInputStream(file)) {
        return readOwnFormat(in, file.toString());
      } catch (IOException e) {
        throw new UserInputException(file + ": cannot read price catalog: " + IoErrors.why(e));
      }
    }
    return readLiteLlm(root, file);
  }

  /** A catalog in polpo-check's own format; {@code where} names it in error messages. */
  static PriceCatalog readOwnFormat(InputStream in, String where) {
    try (JsonParser p = MAPPER.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new UserInputException(
            position(where, p.currentTokenLocation()) + ": a price catalog must be a JSON object");
      }
      String name = null;
      String title = null;
      String source = null;
      String date = null;
      List<PriceEntry> entries = new ArrayList<>();
      TokenStreamLocation start = p.currentTokenLocation();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        TokenStreamLocation at = p.currentTokenLocation();
        switch (field) {
          case "schemaVersion" -> {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getLongValue() != 1) {
              throw new UserInputException(position(where, at) + ": schemaVersion must be 1");
            }
          }
          case "name" -> name = string(p, where, at, field);
          case "title" -> title = string(p, where, at, field);
          case "source" -> source = string(p, where, at, field);
          case "effectiveDate" -> date = string(p, where, at, field);
          case "models" -> {
            if (t != JsonToken.START_ARRAY) {
              throw new UserInputException(position(where, at) + ": models must be an array");
            }
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
              TokenStreamLocation mAt = p.currentTokenLocation();
              JsonNode n = p.readValueAsTree();
              entries.addAll(entries(n, position(where, mAt) + ": models[" + i + "]"));
              i++;
            }
          }
          default -> p.skipChildren();
        }
      }
      String top = position(where, start);
      if (name == null || !NAME.matcher(name).matches()) {
        throw new UserInputException(
            top + ": 'name' is required: lower-case letters, digits, . _ -");
      }
      if (source == null || source.isBlank()) {
        throw new UserInputException(top + ": 'source' is required (where the prices come from)");
      }
      if (date == null || !DATE.matcher(date).matches() || !isDate(date)) {
        throw new UserInputException(
            top + ": 'effectiveDate' is required as a real date, YYYY-MM-DD");
      }
      return new PriceCatalog(name, title, source, date, entries, List.of());
    } catch (JacksonException e) {
      throw new UserInputException(
          position(where, e.getLocation()) + ": invalid JSON: " + e.getOriginalMessage());
    }
  }

  private static String string(JsonParser p, String where, TokenStreamLocation at, String field) {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new UserInputException(position(where, at) + ": '" + field + "' must be a string");
    }
    return p.getString();
  }

  /**
   * The rows of one model object: one per period, split where its fast-mode tier starts, changes or
   * ends, so each row carries the one fast tier in force over it.
   */
  private static List<PriceEntry> entries(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new UserInputException(where + ": a model entry must be an object");
    }
    String provider = text(n, "provider", where);
    String model = text(n, "model", where);
    String w = where + " (" + provider + ":" + model + ")";
    List<Price.LongContext> tiers = tiers(n, w);
    Map<String, Integer> geo = geo(n.get("geo"), w);
    long[] period = period(n, w);
    long from = period[0];
    long until = period[1];
    List<DatedFast> fasts = new ArrayList<>();
    JsonNode fn = n.get("fast");
    if (fn != null && !fn.isNull()) {
      if (fn.isObject()) {
        fasts.add(fast(fn, w + " fast"));
      } else if (fn.isArray()) {
        int i = 0;
        for (JsonNode f : fn) {
          fasts.add(fast(f, w + " fast[" + i++ + "]"));
        }
      } else {
        throw new UserInputException(w + ": fast must be an object or an array of objects");
      }
    }
    Price base =
        new Price(
            provider,
            model,
            rate(n, "input", w, true),
            rate(n, "output", w, true),
            rate(n, "cacheWrite5m", w, true),
            rate(n, "cacheWrite1h", w, true),
            rate(n, "cacheRead", w, true),
            tiers,
            null,
            geo);
    List<String> aliases = new ArrayList<>();
    for (JsonNode a : n.path("aliases")) {
      if (!a.isString()) {
        throw new UserInputException(w + ": aliases must be strings");
      }
      aliases.add(a.stringValue());
    }
    Set<String> derived = new HashSet<>();
    for (JsonNode d : n.path("derived")) {
      derived.add(d.asString());
    }
    List<String> thirdParty = new ArrayList<>();
    for (JsonNode t : n.path("thirdParty")) {
      thirdParty.add(t.asString());
    }
    PriceEntry row =
        new PriceEntry(
            base,
            aliases,
            rate(n, "batchInput", w, false),
            rate(n, "batchOutput", w, false),
            derived,
            from,
            until,
            n.path("source").asString(""),
            thirdParty);
    return split(row, fasts, w);
  }

  /** A fast-mode tier and the period it is offered in. */
  private record DatedFast(Price.Fast fast, long from, long until) {}

  private static DatedFast fast(JsonNode fn, String w) {
    if (!fn.isObject()) {
      throw new UserInputException(w + ": must be an object");
    }
    long[] period = period(fn, w);
    return new DatedFast(
        new Price.Fast(
            rate(fn, "input", w, true),
            rate(fn, "output", w, true),
            rate(fn, "cacheWrite5m", w, true),
            rate(fn, "cacheWrite1h", w, true),
            rate(fn, "cacheRead", w, true),
            tiers(fn, w)),
        period[0],
        period[1]);
  }

  /** The row cut at every fast-period boundary inside it; each piece has the fast tier in force. */
  private static List<PriceEntry> split(PriceEntry row, List<DatedFast> fasts, String w) {
    java.util.TreeSet<Long> cuts = new java.util.TreeSet<>();
    cuts.add(row.fromMillis());
    cuts.add(row.untilMillis());
    for (DatedFast f : fasts) {
      for (long t : new long[] {f.from(), f.until()}) {
        if (t > row.fromMillis() && t < row.untilMillis()) {
          cuts.add(t);
        }
      }
    }
    List<PriceEntry> out = new ArrayList<>();
    Long prev = null;
    for (long t : cuts) {
      if (prev != null) {
        Price.Fast inForce = null;
        for (DatedFast f : fasts) {
          if (prev >= f.from() && prev < f.until()) {
            if (inForce != null) {
              throw new UserInputException(w + ": two fast-mode tiers in force at once");
            }
            inForce = f.fast();
          }
        }
        out.add(row.over(row.price().withFast(inForce), prev, t));
      }
      prev = t;
    }
    return out;
  }

  /**
   * The prompt-length tiers of {@code n}: {@code promptTiers}, or the older {@code longContext}.
   */
  private static List<Price.LongContext> tiers(JsonNode n, String w) {
    List<Price.LongContext> out = new ArrayList<>();
    JsonNode lcn = n.get("longContext");
    if (lcn != null && !lcn.isNull()) {
      out.add(tier(lcn, "thresholdTokens", w + " longContext"));
    }
    JsonNode pt = n.get("promptTiers");
    if (pt != null && !pt.isNull()) {
      if (!pt.isArray()) {
        throw new UserInputException(w + ": promptTiers must be an array");
      }
      int i = 0;
      for (JsonNode t : pt) {
        out.add(tier(t, "aboveTokens", w + " promptTiers[" + i++ + "]"));
      }
    }
    try {
      return Price.sorted(out);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(w + ": " + e.getMessage());
    }
  }

  private static Price.LongContext tier(JsonNode t, String thresholdField, String w) {
    if (!t.isObject()) {
      throw new UserInputException(w + ": must be an object");
    }
    JsonNode th = t.get(thresholdField);
    if (th == null || !th.isIntegralNumber() || th.longValue() < 1) {
      throw new UserInputException(w + ": " + thresholdField + " must be a positive integer");
    }
    return new Price.LongContext(
        th.longValue(),
        rate(t, "input", w, true),
        rate(t, "output", w, true),
        rate(t, "cacheWrite5m", w, true),
        rate(t, "cacheWrite1h", w, true),
        rate(t, "cacheRead", w, true));
  }

  /** Data-residency multipliers ({@code {"us": 1.1}}) in basis points, exact to 1/10000. */
  static Map<String, Integer> geo(JsonNode g, String w) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    if (g == null || g.isNull()) {
      return out;
    }
    if (!g.isObject()) {
      throw new UserInputException(
          w + ": geo must be an object of multipliers, e.g. {\"us\": 1.1}");
    }
    for (Map.Entry<String, JsonNode> e : g.properties()) {
      JsonNode v = e.getValue();
      BigDecimal d = v.isNumber() ? v.decimalValue() : null;
      if (d == null || d.signum() < 0 || d.compareTo(BigDecimal.TEN) > 0) {
        throw new UserInputException(w + ": geo." + e.getKey() + " must be a number from 0 to 10");
      }
      BigDecimal bp = d.movePointRight(4);
      if (bp.stripTrailingZeros().scale() > 0) {
        throw new UserInputException(w + ": geo." + e.getKey() + " has more than 4 decimals");
      }
      out.put(e.getKey().toLowerCase(java.util.Locale.ROOT), bp.intValueExact());
    }
    return out;
  }

  /** The {@code [from, until)} of a row or fast tier, epoch ms; open ends as Long.MIN/MAX. */
  private static long[] period(JsonNode n, String w) {
    long from = instant(n, "from", w, Long.MIN_VALUE);
    long until = instant(n, "until", w, Long.MAX_VALUE);
    if (from >= until) {
      throw new UserInputException(w + ": 'until' must be after 'from'");
    }
    return new long[] {from, until};
  }

  /** An ISO date (start of that day, UTC) or instant; {@code dflt} when absent. */
  private static long instant(JsonNode n, String field, String w, long dflt) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return dflt;
    }
    String s = v.isString() ? v.stringValue() : "";
    try {
      if (DATE.matcher(s).matches()) {
        return LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
      }
      return java.time.Instant.parse(s).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new UserInputException(
          w
              + ": '"
              + field
              + "' must be a date (YYYY-MM-DD, UTC) or an instant (2026-02-17T08:00:00Z)");
    }
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isString() || v.stringValue().isBlank()) {
      throw new UserInputException(where + ": '" + field + "' is required and must be a string");
    }
    return v.stringValue();
  }

  /** Picodollars per token of a USD-per-million field; -1 when optional and absent. */
  private static long rate(JsonNode n, String field, String where, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new UserInputException(
            where + ": '" + field + "' is required (USD per million tokens)");
      }
      return -1;
    }
    if (!v.isNumber() || v.decimalValue().signum() < 0) {
      throw new UserInputException(
          where + ": '" + field + "' must be a number >= 0 (USD per million tokens)");
    }
    if (v.decimalValue().compareTo(MAX_USD_PER_MILLION) > 0) {
      throw new UserInputException(
          where
              + ": '"
              + field
              + "' is above "
              + MAX_USD_PER_MILLION
              + " USD per million tokens; no model is priced like that");
    }
    try {
      return Money.perTokenFromPerMillion(v.decimalValue());
    } catch (ArithmeticException e) {
      throw new UserInputException(
          where
              + ": '"
              + field
              + "' = "
              + v.decimalValue().toPlainString()
              + " has more than 6 decimals (less than a picodollar per token)");
    }
  }

  /**
   * A LiteLLM price table: every chat model with input and output prices. Missing cache prices
   * default as ccusage does (write 1.25 x input, read 0.1 x input); the 1-hour write defaults to 2
   * x input (Anthropic's rule). Rates finer than a picodollar per token are rounded half-even and
   * reported as a warning.
   */
  static PriceCatalog readLiteLlm(JsonNode root, Path file) {
    List<PriceEntry> entries = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, JsonNode> f : root.properties()) {
      JsonNode n = f.getValue();
      if ("sample_spec".equals(f.getKey()) || !n.isObject()) {
        continue;
      }
      String mode = n.path("mode").asString("chat");
      if (!"chat".equals(mode)) {
        continue;
      }
      String bad = badRateField(n);
      if (bad != null) {
        warnings.add(
            file
                + ": "
                + f.getKey()
                + ": "
                + bad
                + " is not a number from 0 to "
                + MAX_USD_PER_TOKEN.toPlainString()
                + " USD per token; model skipped");
        continue;
      }
      if (!n.path("input_cost_per_token").isNumber()
          || !n.path("output_cost_per_token").isNumber()) {
        continue;
      }
      String provider = n.path("litellm_provider").asString("");
      String key = f.getKey();
      String model = key;
      int slash = key.lastIndexOf('/');
      if (slash > 0) {
        model = key.substring(slash + 1);
      }
      if (provider.isEmpty()) {
        provider = slash > 0 ? key.substring(0, key.indexOf('/')) : "unknown";
      }
      String w = file + ": " + key;
      long in = perToken(n, "input_cost_per_token", -1, w, warnings);
      long out = perToken(n, "output_cost_per_token", -1, w, warnings);
      long w5 = perToken(n, "cache_creation_input_token_cost", in * 5 / 4, w, warnings);
      long w1 = perToken(n, "cache_creation_input_token_cost_above_1hr", in * 2, w, warnings);
      long rd = perToken(n, "cache_read_input_token_cost", in / 10, w, warnings);
      List<Price.LongContext> tiers = new ArrayList<>();
      for (String f2 : fieldNames(n)) {
        java.util.regex.Matcher m = ABOVE.matcher(f2);
        if (!m.matches() || !n.get(f2).isNumber()) {
          continue;
        }
        String sfx = "_above_" + m.group(1) + "k_tokens";
        long lin = perToken(n, f2, -1, w, warnings);
        tiers.add(
            new Price.LongContext(
                Long.parseLong(m.group(1)) * 1000,
                lin,
                perToken(n, "output_cost_per_token" + sfx, out, w, warnings),
                perToken(n, "cache_creation_input_token_cost" + sfx, lin * 5 / 4, w, warnings),
                perToken(
                    n, "cache_creation_input_token_cost_above_1hr" + sfx, lin * 2, w, warnings),
                perToken(n, "cache_read_input_token_cost" + sfx, lin / 10, w, warnings)));
      }
      // provider_specific_entry: {"us": 1.1, "fast": 6} - a geography's multiplier on every
      // category, and fast mode as a multiplier on every standard rate (tiers included).
      JsonNode pse = n.path("provider_specific_entry");
      Map<String, Integer> geo = new java.util.TreeMap<>();
      Price.Fast fast = null;
      if (pse.isObject()) {
        for (Map.Entry<String, JsonNode> e : pse.properties()) {
          JsonNode v = e.getValue();
          if (!v.isNumber() || v.decimalValue().signum() <= 0) {
            continue;
          }
          if ("fast".equals(e.getKey())) {
            fast = fastFrom(v.decimalValue(), in, out, w5, w1, rd, tiers, w, warnings);
          } else {
            geo.putAll(geo(mapper().createObjectNode().put(e.getKey(), v.decimalValue()), w));
          }
        }
      }
      List<String> aliases = model.equals(key) ? List.of() : List.of(key);
      entries.add(
          new PriceEntry(
              new Price(provider, model, in, out, w5, w1, rd, tiers, fast, geo),
              aliases,
              perToken(n, "input_cost_per_token_batches", -1, w, warnings),
              perToken(n, "output_cost_per_token_batches", -1, w, warnings),
              Set.of()));
    }
    if (entries.isEmpty()) {
      throw new UserInputException(
          file
              + ": no chat model with input_cost_per_token and output_cost_per_token: neither a"
              + " polpo-check catalog (schemaVersion 1) nor a LiteLLM price table");
    }
    String name = file.getFileName().toString().replaceAll("\\.json$", "").toLowerCase();
    // LiteLLM's table carries no date; "unknown" keeps reports honest and reproducible.
    return new PriceCatalog(
        name, "LiteLLM price table", "LiteLLM file " + file, "unknown", entries, warnings);
  }

  private static final Pattern ABOVE =
      Pattern.compile("input_cost_per_token_above_(\\d{1,6})k_tokens");

  private static JsonMapper mapper() {
    return MAPPER;
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> l = new ArrayList<>();
    n.properties().forEach(e -> l.add(e.getKey()));
    return l;
  }

  /** A fast tier at {@code x} times every standard rate, rounded half-even to a picodollar. */
  private static Price.Fast fastFrom(
      BigDecimal x,
      long in,
      long out,
      long w5,
      long w1,
      long rd,
      List<Price.LongContext> tiers,
      String w,
      List<String> warnings) {
    List<Price.LongContext> ft = new ArrayList<>();
    for (Price.LongContext t : tiers) {
      ft.add(
          new Price.LongContext(
              t.thresholdTokens(),
              times(t.input(), x, w, warnings),
              times(t.output(), x, w, warnings),
              times(t.cacheWrite5m(), x, w, warnings),
              times(t.cacheWrite1h(), x, w, warnings),
              times(t.cacheRead(), x, w, warnings)));
    }
    return new Price.Fast(
        times(in, x, w, warnings),
        times(out, x, w, warnings),
        times(w5, x, w, warnings),
        times(w1, x, w, warnings),
        times(rd, x, w, warnings),
        ft);
  }

  private static long times(long rate, BigDecimal x, String w, List<String> warnings) {
    BigDecimal exact = BigDecimal.valueOf(rate).multiply(x);
    BigDecimal r = exact.setScale(0, RoundingMode.HALF_EVEN);
    if (exact.compareTo(r) != 0) {
      warnings.add(w + ": fast multiplier " + x.toPlainString() + " rounded to a picodollar");
    }
    if (r.compareTo(BigDecimal.valueOf(MAX_USD_PER_MILLION.longValue() * 1_000_000L)) > 0) {
      throw new UserInputException(
          w + ": provider_specific_entry.fast gives a rate above the limit");
    }
    return r.longValueExact();
  }

  /** The first present rate field ({@code *cost*}) that is not a number in range, or null. */
  private static String badRateField(JsonNode n) {
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!e.getKey().contains("cost_per_token") && !e.getKey().contains("token_cost")) {
        continue;
      }
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      if (!v.isNumber()
          || v.decimalValue().signum() < 0
          || v.decimalValue().compareTo(MAX_USD_PER_TOKEN) > 0) {
        return e.getKey();
      }
    }
    return null;
  }

  private static long perToken(
      JsonNode n, String field, long dflt, String where, List<String> warnings) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      return dflt;
    }
    BigDecimal picos = v.decimalValue().multiply(PICOS);
    BigDecimal r = picos.setScale(0, RoundingMode.HALF_EVEN);
    if (picos.compareTo(r) != 0) {
      warnings.add(
          where
              + ": "
              + field
              + " = "
              + v.decimalValue().toPlainString()
              + " USD/token is finer than a picodollar; rounded to "
              + r.toPlainString()
              + " p$/token");
    }
    return r.longValueExact();
  }

  private static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static String position(String where, TokenStreamLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return where;
    }
    return where + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
  }
}
