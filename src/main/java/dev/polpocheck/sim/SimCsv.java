package dev.polpocheck.sim;

import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.cost.Money;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The CSV form of a {@link SimResult}: one row per group and a total row. */
final class SimCsv {
  private final SimResult r;

  SimCsv(SimResult r) {
    this.r = r;
  }

  /** One CSV row per group (agent, model, profile, organisation) and a total row. */
  String csv() {
    StringWriter out = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setRecordSeparator("\n")
                .setHeader(
                    "group",
                    "key",
                    "calls",
                    "input",
                    "output",
                    "cache_read",
                    "cache_write_5m",
                    "cache_write_1h",
                    "cost_input_usd",
                    "cost_output_usd",
                    "cost_write_5m_usd",
                    "cost_write_1h_usd",
                    "cost_read_usd",
                    "cost_usd")
                .get())) {
      row(p, "total", "", new SimResult.Part(r.counts().ok(), r.tokens(), r.cost()));
      for (Map.Entry<String, Map<String, SimResult.Part>> g :
          List.of(
              Map.entry("agent", r.byAgent()), Map.entry("model", r.byModel()),
              Map.entry("profile", r.byProfile()), Map.entry("organisation", r.byOrganisation()))) {
        for (Map.Entry<String, SimResult.Part> e : g.getValue().entrySet()) {
          row(p, g.getKey(), e.getKey(), e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void row(CSVPrinter p, String group, String key, SimResult.Part part)
      throws IOException {
    SimResult.Tokens t = part.tokens();
    CostBreakdown c = part.cost();
    p.printRecord(
        group,
        key,
        part.calls(),
        t.input(),
        t.output(),
        t.cacheRead(),
        t.cacheWrite5m(),
        t.cacheWrite1h(),
        usd(c.input()),
        usd(c.output()),
        usd(c.cacheWrite5m()),
        usd(c.cacheWrite1h()),
        usd(c.cacheRead()),
        usd(c.total()));
  }

  private static String usd(long picos) {
    return Money.toUsd(picos).toPlainString();
  }
}
