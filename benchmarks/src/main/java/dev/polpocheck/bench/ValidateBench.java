package dev.polpocheck.bench;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.polpocheck.validate.FileKind;
import dev.polpocheck.validate.FileResult;
import dev.polpocheck.validate.Schemas;
import dev.polpocheck.validate.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating one {@code .polpo/polpo.json} with a warm JVM — what a long-lived editor or CI process
 * pays per file once start-up is behind it — against the baseline of networknt's bare draft-07
 * validation of the same text with the same published schema.
 *
 * <p>The subject is the whole {@code validate} pipeline on text: parsing with source positions and
 * duplicate-key detection, the schema check with rendered diagnostics, and every lint rule. The
 * baseline is only the library call, so the ratio is what polpo-check's positions, messages and
 * rules cost on top of schema validation. Both reuse their compiled schema.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ValidateBench {

  /** A typical project config: settings, an orchestrator with a fallback, a provider override. */
  static final String POLPO_JSON =
      """
      {
        "$schema": "https://polpo-check.dev/schema/v1/polpo.schema.json",
        "project": "acme-agents",
        "settings": {
          "maxRetries": 3,
          "logLevel": "normal",
          "orchestratorModel": {
            "primary": "anthropic:claude-sonnet-4-6",
            "fallbacks": ["anthropic:claude-haiku-4-5-20251001"]
          },
          "reasoning": "medium",
          "storage": "sqlite",
          "defaultRetryPolicy": { "escalateAfter": 2, "fallbackAgent": "lead" }
        },
        "providers": {
          "anthropic": { "baseUrl": "https://api.anthropic.com" }
        }
      }
      """;

  private Validator validator;
  private Schema schema;

  /**
   * Builds the validator and the bare schema and validates once with each, so both are compiled and
   * both are known to accept the sample (the benchmark measures the clean path).
   */
  @Setup(Level.Trial)
  public void setUp() {
    validator =
        Validator.withDefaults(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    FileResult first = validator.validateText("polpo.json", FileKind.POLPO, POLPO_JSON);
    if (!first.diagnostics().isEmpty()) {
      throw new IllegalStateException("the sample config is not clean: " + first.diagnostics());
    }
    SchemaRegistry registry =
        SchemaRegistry.withDialect(
            Dialects.getDraft7(),
            builder ->
                builder.schemaIdResolvers(
                    resolvers -> resolvers.mapPrefix(Schemas.ID_PREFIX, "classpath:schemas/")));
    schema = registry.getSchema(SchemaLocation.of(Schemas.ID_PREFIX + "polpo.schema.json"));
    List<Error> errors = schema.validate(POLPO_JSON, InputFormat.JSON);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("networknt rejects the sample config: " + errors);
    }
  }

  /** Validates the config with every rule, as {@code polpo-check validate} does. */
  @Benchmark
  public FileResult validate() {
    return validator.validateText("polpo.json", FileKind.POLPO, POLPO_JSON);
  }

  /** Baseline: networknt validates the same text against the same schema, nothing more. */
  @Benchmark
  public List<Error> baselineNetworkntBareValidation() {
    return schema.validate(POLPO_JSON, InputFormat.JSON);
  }
}
