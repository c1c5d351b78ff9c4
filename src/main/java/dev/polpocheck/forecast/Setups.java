package dev.polpocheck.forecast;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.sim.PriceLookup;
import dev.polpocheck.sim.Scenario;
import dev.polpocheck.sim.ScenarioFiles;
import dev.polpocheck.sim.SimOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * Turns scenario files ({@code scenario.schema.json}, the simulator's format) into the setups a
 * forecast or capacity search replays.
 */
public final class Setups {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Setups() {}

  /** The simulator's shipped default scenario. */
  public static SimulatorSetup defaults() {
    return of("default scenario", ScenarioFiles.defaults());
  }

  /**
   * The setup a scenario file describes, named after the file.
   *
   * @throws dev.polpocheck.UserInputException naming {@code file:line:col} for a bad file
   */
  public static SimulatorSetup load(Path file) {
    return of(file.getFileName().toString(), ScenarioFiles.load(file));
  }

  /**
   * A what-if setup: the scenario file laid over {@code base}'s effective scenario (objects merge
   * key by key, arrays and values replace, as files merge over the defaults), so a file holding
   * only {@code {"rotation": "sticky"}} means "the baseline, with sticky rotation". A complete
   * scenario file replaces every key and stands on its own.
   *
   * @throws dev.polpocheck.UserInputException naming {@code file:line:col} for a bad file
   */
  public static SimulatorSetup loadOver(SimulatorSetup base, Path file) {
    ScenarioFiles.load(file); // validates the file itself, with its own positions
    JsonNode over;
    try {
      over = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode merged = merge(ScenarioFiles.toJson(base.scenario()), over);
    return of(file.getFileName().toString(),
        ScenarioFiles.parse(file.toString(), JSON.writeValueAsString(merged)));
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

  /** The sample scenario that ships with the sample workload. */
  public static SimulatorSetup sample() {
    try (InputStream in = Setups.class.getResourceAsStream(SampleWorkload.SCENARIO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + SampleWorkload.SCENARIO_RESOURCE);
      }
      return of("sample scenario", ScenarioFiles.parse("sample-scenario.json",
          new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The price catalog a scenario names ("bundled": the default). */
  public static PriceCatalog catalogOf(Scenario scenario) {
    return "bundled".equals(scenario.prices())
        ? PriceCatalog.defaultCatalog() : PriceCatalog.resolve(scenario.prices());
  }

  /** A setup for {@code scenario} with the price catalog it names ("bundled": the default). */
  public static SimulatorSetup of(String name, Scenario scenario) {
    PriceCatalog catalog = catalogOf(scenario);
    SimOptions options = SimOptions.withPrices(PriceLookup.of(catalog));
    return new SimulatorSetup(name, scenario, options);
  }
}
