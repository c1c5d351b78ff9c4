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
              entries.add(entry(n, position(where, mAt) + ": models[" + i + "]"));
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

  private static PriceEntry entry(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new UserInputException(where + ": a model entry must be an object");
    }
    String provider = text(n, "provider", where);
    String model = text(n, "model", where);
    String w = where + " (" + provider + ":" + model + ")";
    Price.LongContext lc = null;
    JsonNode lcn = n.get("longContext");
    if (lcn != null && !lcn.isNull()) {
      JsonNode th = lcn.get("thresholdTokens");
      if (th == null || !th.isIntegralNumber() || th.longValue() < 1) {
        throw new UserInputException(
            w + ": longContext.thresholdTokens must be a positive integer");
      }
      lc =
          new Price.LongContext(
              th.longValue(),
              rate(lcn, "input", w + " longContext", true),
              rate(lcn, "output", w + " longContext", true),
              rate(lcn, "cacheWrite5m", w + " longContext", true),
              rate(lcn, "cacheWrite1h", w + " longContext", true),
              rate(lcn, "cacheRead", w + " longContext", true));
    }
    Price.Fast fast = null;
    JsonNode fn = n.get("fast");
    if (fn != null && !fn.isNull()) {
      if (!fn.isObject()) {
        throw new UserInputException(w + ": fast must be an object");
      }
      fast =
          new Price.Fast(
              rate(fn, "input", w + " fast", true),
              rate(fn, "output", w + " fast", true),
              rate(fn, "cacheWrite5m", w + " fast", true),
              rate(fn, "cacheWrite1h", w + " fast", true),
              rate(fn, "cacheRead", w + " fast", true));
    }
    Price price =
        new Price(
            provider,
            model,
            rate(n, "input", w, true),
            rate(n, "output", w, true),
            rate(n, "cacheWrite5m", w, true),
            rate(n, "cacheWrite1h", w, true),
            rate(n, "cacheRead", w, true),
            lc,
            fast);
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
    return new PriceEntry(
        price, aliases, rate(n, "batchInput", w, false), rate(n, "batchOutput", w, false), derived);
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
      Price.LongContext lc = null;
      if (n.path("input_cost_per_token_above_200k_tokens").isNumber()) {
        long lin = perToken(n, "input_cost_per_token_above_200k_tokens", -1, w, warnings);
        lc =
            new Price.LongContext(
                200_000,
                lin,
                perToken(n, "output_cost_per_token_above_200k_tokens", out, w, warnings),
                perToken(
                    n,
                    "cache_creation_input_token_cost_above_200k_tokens",
                    lin * 5 / 4,
                    w,
                    warnings),
                perToken(
                    n,
                    "cache_creation_input_token_cost_above_1hr_above_200k_tokens",
                    lin * 2,
                    w,
                    warnings),
                perToken(
                    n, "cache_read_input_token_cost_above_200k_tokens", lin / 10, w, warnings));
      }
      List<String> aliases = model.equals(key) ? List.of() : List.of(key);
      entries.add(
          new PriceEntry(
              new Price(provider, model, in, out, w5, w1, rd, lc),
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
