package dev.polpocheck.cost;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.trace.ReadSummary;
import dev.polpocheck.trace.TraceFormat;
import dev.polpocheck.trace.TraceProblem;
import java.util.List;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The common envelope of every JSON result ({@code schemas/result.schema.json}): schema version,
 * tool, command, what was read, which prices. The cost, simulate and forecast commands create it
 * here and add their {@code assumptions} and payload, so every result tells how it was made.
 */
public final class ResultEnvelope {
  /** Version of the result shape; bumped on any incompatible change. */
  public static final int SCHEMA_VERSION = 1;

  /** The mapper every result writer uses: indented, decimals written plainly, key order kept. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private ResultEnvelope() {}

  /**
   * A new result object with {@code schemaVersion}, {@code tool}, {@code command}, {@code inputs}
   * and {@code prices} filled in; the caller adds {@code assumptions} and its own payload.
   *
   * @param command the subcommand ("cost", "simulate", ...)
   * @param toolVersion polpo-check's version
   * @param paths the trace paths as given on the command line
   * @param read what the trace reader did
   * @param priced calls priced
   * @param unpriced calls whose model had no price
   * @param outsideRange calls filtered out by since/until
   * @param catalog the prices used
   */
  public static ObjectNode create(
      String command,
      String toolVersion,
      List<String> paths,
      ReadSummary read,
      long priced,
      long unpriced,
      long outsideRange,
      PriceCatalog catalog) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "polpo-check");
    tool.put("version", toolVersion);
    root.put("command", command);
    ObjectNode inputs = root.putObject("inputs");
    ArrayNode ps = inputs.putArray("paths");
    paths.forEach(ps::add);
    inputs.put("files", read.files());
    ObjectNode formats = inputs.putObject("formats");
    for (TraceFormat f : TraceFormat.values()) {
      Long n = read.formats().get(f);
      if (n != null) {
        formats.put(f.id(), n);
      }
    }
    ObjectNode rec = inputs.putObject("records");
    rec.put("read", read.records());
    rec.put("priced", priced);
    rec.put("unpriced", unpriced);
    rec.put("skipped", read.skipped());
    rec.put("deduplicated", read.deduplicated());
    rec.put("withoutUsage", read.withoutUsage());
    rec.put("usageNull", read.nullUsage());
    rec.put("synthetic", read.synthetic());
    rec.put("outsideRange", outsideRange);
    inputs.put("problemCount", read.problemCount());
    ArrayNode probs = inputs.putArray("problems");
    for (TraceProblem p : read.problems()) {
      probs.add(p.toString());
    }
    ObjectNode prices = root.putObject("prices");
    prices.put("catalog", catalog.name());
    prices.put("effectiveDate", catalog.effectiveDate());
    prices.put("source", catalog.source());
    if (!catalog.parts().isEmpty()) {
      ArrayNode parts = prices.putArray("parts");
      for (PriceCatalog part : catalog.parts()) {
        ObjectNode o = parts.addObject();
        o.put("catalog", part.name());
        o.put("effectiveDate", part.effectiveDate());
      }
    }
    ArrayNode w = prices.putArray("warnings");
    catalog.warnings().forEach(w::add);
    return root;
  }

  /** The JSON text of a result, ending with a newline. */
  public static String toJson(ObjectNode result) {
    return MAPPER.writeValueAsString(result) + System.lineSeparator();
  }
}
