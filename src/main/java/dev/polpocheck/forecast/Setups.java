package dev.polpocheck.forecast;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.sim.Scenario;
import dev.polpocheck.sim.ScenarioFiles;
import dev.polpocheck.sim.SimOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Turns scenario files ({@code scenario.schema.json}, the simulator's format) into the setups a
 * forecast or capacity search replays.
 */
public final class Setups {
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

  /** A setup for {@code scenario} with the price catalog it names ("bundled": the default). */
  public static SimulatorSetup of(String name, Scenario scenario) {
    PriceCatalog catalog = "bundled".equals(scenario.prices())
        ? PriceCatalog.defaultCatalog() : PriceCatalog.resolve(scenario.prices());
    SimOptions options = SimOptions.withPrices((p, m) -> catalog.find(p, m).orElse(null));
    return new SimulatorSetup(name, scenario, options);
  }
}
