package dev.polpocheck.forecast;

import dev.polpocheck.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns scenario files into the setups a forecast replays.
 *
 * <p>The cost-only setup understands three keys of a scenario and ignores the rest (they belong
 * to the replay simulator): {@code name}, {@code modelRemap} (recorded model id to the model it is
 * billed as) and {@code assumed1hShare} (0..1, share of unsplit cache writes billed as 1-hour).
 */
public final class Setups {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Setups() {}

  /** The default setup: calls billed as recorded at list price. */
  public static WorkloadSimulator defaults() {
    return new CostOnlySimulator("as recorded", PriceLookup.builtIn(), Map.of(), 10_000);
  }

  /** The setup a scenario file describes. */
  public static WorkloadSimulator load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString(), file.getFileName().toString());
    } catch (NoSuchFileException e) {
      throw new UserInputException(file + ": no such file");
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read: " + e.getMessage());
    }
  }

  /** The sample scenario that ships with the sample workload. */
  public static WorkloadSimulator sample() {
    try (InputStream in = Setups.class.getResourceAsStream(SampleWorkload.SCENARIO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + SampleWorkload.SCENARIO_RESOURCE);
      }
      return parse(in, SampleWorkload.SCENARIO_RESOURCE, "sample scenario");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static WorkloadSimulator parse(InputStream in, String source, String defaultName)
      throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      int col = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
      throw new UserInputException(source + ":" + line + ":" + col + ": not valid JSON: "
          + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new UserInputException(source + ":1:1: a scenario must be a JSON object");
    }
    String name = root.path("name").isString() ? root.path("name").asString() : defaultName;
    Map<String, String> remap = new TreeMap<>();
    JsonNode r = root.path("modelRemap");
    if (!r.isMissingNode()) {
      if (!r.isObject()) {
        throw new UserInputException(source + ": 'modelRemap' must be an object of model ids");
      }
      Iterator<Map.Entry<String, JsonNode>> it = r.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isString()) {
          throw new UserInputException(source + ": 'modelRemap." + e.getKey() + "' must be a string");
        }
        remap.put(e.getKey(), e.getValue().asString());
      }
    }
    int share = 10_000;
    JsonNode s = root.path("assumed1hShare");
    if (!s.isMissingNode()) {
      if (!s.isNumber() || s.asDouble() < 0 || s.asDouble() > 1) {
        throw new UserInputException(source + ": 'assumed1hShare' must be a number in 0..1");
      }
      share = (int) Math.round(s.asDouble() * 10_000);
    }
    PriceLookup prices = PriceLookup.builtIn();
    for (String to : remap.values()) {
      try {
        prices.priceOf("anthropic", to);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(source + ": modelRemap target: " + e.getMessage());
      }
    }
    return new CostOnlySimulator(name, prices, remap, share);
  }
}
