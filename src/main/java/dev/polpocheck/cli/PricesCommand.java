package dev.polpocheck.cli;

import dev.polpocheck.UserInputException;
import dev.polpocheck.catalog.Price;
import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.catalog.PriceEntry;
import dev.polpocheck.cost.Money;
import dev.polpocheck.cost.ResultEnvelope;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code polpo-check prices}: shows and compares price catalogs. */
@Command(
    name = "prices",
    mixinStandardHelpOptions = true,
    description = "Show and compare price catalogs (USD per million tokens).",
    subcommands = {
      PricesCommand.ListCommand.class,
      PricesCommand.ShowCommand.class,
      PricesCommand.DiffCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  polpo-check prices list",
      "  polpo-check prices list --prices pi-ai",
      "  polpo-check prices show claude-sonnet-4-5-20250929",
      "  polpo-check prices diff polpo-docs anthropic"
    })
public final class PricesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: list, show or diff");
  }

  private static final String[] RATE_HEAD = {
    "input",
    "output",
    "write 5m",
    "write 1h",
    "read",
    "batch in",
    "batch out",
    "prompt tiers (> tokens: in/out/w5m/w1h/read)"
  };

  static String[] rates(PriceEntry e) {
    Price p = e.price();
    return new String[] {
      m(p.input()),
      m(p.output()),
      m(p.cacheWrite5m()),
      m(p.cacheWrite1h()),
      m(p.cacheRead()),
      e.batchInput() < 0 ? "-" : m(e.batchInput()),
      e.batchOutput() < 0 ? "-" : m(e.batchOutput()),
      tiers(p.promptTiers())
    };
  }

  private static String tiers(List<Price.LongContext> tiers) {
    if (tiers.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder();
    for (Price.LongContext lc : tiers) {
      sb.append(sb.length() == 0 ? "" : "; ")
          .append("> ")
          .append(lc.thresholdTokens())
          .append(": ")
          .append(m(lc.input()))
          .append('/')
          .append(m(lc.output()))
          .append('/')
          .append(m(lc.cacheWrite5m()))
          .append('/')
          .append(m(lc.cacheWrite1h()))
          .append('/')
          .append(m(lc.cacheRead()));
    }
    return sb.toString();
  }

  /** The fast tier as one cell: "in/out/w5m/w1h/read" plus its prompt tiers, or "-". */
  private static String fastCell(Price.Fast f) {
    if (f == null) {
      return "-";
    }
    String t = tiers(f.promptTiers());
    return m(f.input())
        + "/"
        + m(f.output())
        + "/"
        + m(f.cacheWrite5m())
        + "/"
        + m(f.cacheWrite1h())
        + "/"
        + m(f.cacheRead())
        + ("-".equals(t) ? "" : " (" + t + ")");
  }

  private static String m(long picosPerToken) {
    return Money.perMillionFromPerToken(picosPerToken).toPlainString();
  }

  static void table(PrintWriter out, List<String[]> rows) {
    int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] w = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        sb.append(i == 0 ? "" : "  ").append(r[i]).append(" ".repeat(w[i] - r[i].length()));
      }
      out.println(sb.toString().stripTrailing());
    }
  }

  static ObjectNode entryJson(ObjectNode o, PriceEntry e) {
    Price p = e.price();
    o.put("provider", p.provider());
    o.put("model", p.model());
    ArrayNode al = o.putArray("aliases");
    e.aliases().forEach(al::add);
    putRates(o, p.input(), p.output(), p.cacheWrite5m(), p.cacheWrite1h(), p.cacheRead());
    if (e.batchInput() >= 0) {
      o.put("batchInput", Money.perMillionFromPerToken(e.batchInput()));
    }
    if (e.batchOutput() >= 0) {
      o.put("batchOutput", Money.perMillionFromPerToken(e.batchOutput()));
    }
    ArrayNode tiers = o.putArray("promptTiers");
    for (Price.LongContext lc : p.promptTiers()) {
      tierJson(tiers.addObject(), lc);
    }
    Price.Fast fast = p.fast();
    if (fast != null) {
      ObjectNode f = o.putObject("fast");
      putRates(
          f,
          fast.input(),
          fast.output(),
          fast.cacheWrite5m(),
          fast.cacheWrite1h(),
          fast.cacheRead());
      ArrayNode ft = f.putArray("promptTiers");
      for (Price.LongContext lc : fast.promptTiers()) {
        tierJson(ft.addObject(), lc);
      }
    }
    ObjectNode geo = o.putObject("geo");
    p.geoBasisPoints()
        .forEach((k, bp) -> geo.put(k, BigDecimal.valueOf(bp, 4).stripTrailingZeros()));
    o.put("period", e.describePeriod());
    if (!e.source().isEmpty()) {
      o.put("source", e.source());
    }
    ArrayNode tp = o.putArray("thirdParty");
    e.thirdParty().forEach(tp::add);
    return o;
  }

  private static void tierJson(ObjectNode l, Price.LongContext lc) {
    l.put("aboveTokens", lc.thresholdTokens());
    putRates(l, lc.input(), lc.output(), lc.cacheWrite5m(), lc.cacheWrite1h(), lc.cacheRead());
  }

  /** The five per-token rates a price and its prompt tiers share, in USD per million. */
  private static void putRates(
      ObjectNode o, long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead) {
    o.put("input", Money.perMillionFromPerToken(input));
    o.put("output", Money.perMillionFromPerToken(output));
    o.put("cacheWrite5m", Money.perMillionFromPerToken(cacheWrite5m));
    o.put("cacheWrite1h", Money.perMillionFromPerToken(cacheWrite1h));
    o.put("cacheRead", Money.perMillionFromPerToken(cacheRead));
  }

  /** A table row: the leading cells, then the rate cells (or {@link #RATE_HEAD}). */
  private static String[] withRates(String[] rates, String... first) {
    String[] row = Arrays.copyOf(first, first.length + rates.length);
    System.arraycopy(rates, 0, row, first.length, rates.length);
    return row;
  }

  /** How tables and lists name a catalog entry: {@code provider:model}. */
  private static String id(PriceEntry e) {
    return e.provider() + ":" + e.model();
  }

  /** Prints a JSON value on one line, as every {@code --format json} of prices does. */
  private static void printJson(PrintWriter out, JsonNode node) {
    out.print(ResultEnvelope.MAPPER.writeValueAsString(node) + System.lineSeparator());
  }

  /** The built-in catalogs, in their listing order. */
  private static List<PriceCatalog> builtins() {
    List<PriceCatalog> cats = new ArrayList<>();
    for (String n : PriceCatalog.builtinNames()) {
      cats.add(PriceCatalog.builtin(n));
    }
    return cats;
  }

  static ObjectNode catalogJson(ObjectNode o, PriceCatalog c) {
    o.put("name", c.name());
    o.put("title", c.title());
    o.put("source", c.source());
    o.put("effectiveDate", c.effectiveDate());
    ArrayNode w = o.putArray("warnings");
    c.warnings().forEach(w::add);
    return o;
  }

  /** {@code prices list}: the catalogs, or one catalog's models. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the built-in catalogs, or the models of one catalog (--prices).")
  static final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--prices",
        paramLabel = "NAME|FILE",
        description = "List this catalog's models.")
    String prices;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    OutputFormat format;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<PriceCatalog> cats =
          prices == null ? builtins() : List.of(CostCommand.catalog(spec.commandLine(), prices));
      if (format == OutputFormat.json) {
        ArrayNode arr = ResultEnvelope.MAPPER.createArrayNode();
        for (PriceCatalog c : cats) {
          ObjectNode o = catalogJson(arr.addObject(), c);
          if (prices != null) {
            ArrayNode ms = o.putArray("models");
            c.list().forEach(e -> entryJson(ms.addObject(), e));
          } else {
            o.put("models", c.list().size());
          }
        }
        printJson(out, arr);
      } else if (prices == null) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"catalog", "effective", "models", "warnings", "title"});
        for (PriceCatalog c : cats) {
          rows.add(
              new String[] {
                c.name() + (PriceCatalog.DEFAULT.equals(c.name()) ? " (default)" : ""),
                c.effectiveDate(),
                String.valueOf(c.list().size()),
                String.valueOf(c.warnings().size()),
                c.title()
              });
        }
        table(out, rows);
      } else {
        PriceCatalog c = cats.get(0);
        out.println(c.name() + " (" + c.describeDates() + "): " + c.title());
        out.println("source: " + c.source());
        out.println("USD per million tokens");
        List<String[]> rows = new ArrayList<>();
        rows.add(withRates(RATE_HEAD, "provider:model"));
        for (PriceEntry e : c.list()) {
          rows.add(withRates(rates(e), id(e)));
        }
        table(out, rows);
        for (String w : c.warnings()) {
          out.println("warning: " + w);
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code prices show MODEL}: one model in every catalog. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show one model's prices in every built-in catalog (and --prices FILE).")
  static final class ShowCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "MODEL",
        description = "Model id, e.g. claude-sonnet-4-5-20250929 or anthropic/claude-opus-4-6.")
    String model;

    @Option(
        names = "--provider",
        paramLabel = "ID",
        description = "Provider id when the model id does not imply it.")
    String provider;

    @Option(
        names = "--prices",
        paramLabel = "NAME|FILE",
        description = "Also look in this catalog.")
    String prices;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    OutputFormat format;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Map<String, PriceCatalog> cats = new LinkedHashMap<>();
      for (PriceCatalog c : builtins()) {
        cats.put(c.name(), c);
      }
      if (prices != null) {
        PriceCatalog c = CostCommand.catalog(spec.commandLine(), prices);
        cats.put(c.name(), c);
      }
      // Without --provider, a model id that one provider lists in a catalog matches there.
      String prov = provider;
      List<String[]> rows = new ArrayList<>();
      rows.add(withRates(RATE_HEAD, "catalog", "effective", "listed as"));
      ArrayNode arr = ResultEnvelope.MAPPER.createArrayNode();
      for (PriceCatalog c : cats.values()) {
        Optional<PriceEntry> e = c.findEntry(prov, model);
        if (e.isEmpty()) {
          continue;
        }
        rows.add(withRates(rates(e.get()), c.name(), c.effectiveDate(), id(e.get())));
        ObjectNode o = arr.addObject();
        o.put("catalog", c.name());
        o.put("effectiveDate", c.effectiveDate());
        entryJson(o.putObject("price"), e.get());
      }
      if (rows.size() == 1) {
        throw new UserInputException(
            "no catalog has a price for '"
                + model
                + "'; see 'polpo-check prices list --prices NAME' for the model ids");
      }
      if (format == OutputFormat.json) {
        printJson(out, arr);
      } else {
        out.println(model + " (USD per million tokens)");
        table(out, rows);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /**
   * {@code prices diff A B}: where two catalogs disagree; {@code prices diff A}: what changed when.
   */
  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = {
        "Compare two catalogs model by model; exit 0 even when they differ.",
        "With one catalog: what changed when, every dated change of its rows (price cuts,"
            + " promotions, fast modes added or removed)."
      })
  static final class DiffCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "Catalog name or file.")
    String a;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "B",
        description = "Catalog name or file; without it, A's history.")
    String b;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PriceCatalog ca = CostCommand.catalog(spec.commandLine(), a);
      if (b == null) {
        history(out, ca);
        out.flush();
        return ExitCodes.OK;
      }
      PriceCatalog cb = CostCommand.catalog(spec.commandLine(), b);
      out.println(
          "A = "
              + ca.name()
              + " ("
              + ca.describeDates()
              + "), B = "
              + cb.name()
              + " ("
              + cb.describeDates()
              + "); USD per million tokens");
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"provider:model", "rate", "A", "B", "B - A"});
      List<String> onlyA = new ArrayList<>();
      int same = 0;
      for (PriceEntry ea : ca.list()) {
        Optional<PriceEntry> eb = counterpart(cb, ea);
        if (eb.isEmpty()) {
          onlyA.add(id(ea));
          continue;
        }
        String[] ra = rates(ea);
        String[] rb = rates(eb.get());
        boolean differs = false;
        for (int i = 0; i < ra.length; i++) {
          if (!ra[i].equals(rb[i])) {
            differs = true;
            rows.add(
                new String[] {
                  id(ea), RATE_HEAD[i].split(" \\(")[0], ra[i], rb[i], delta(ra[i], rb[i])
                });
          }
        }
        if (!differs) {
          same++;
        }
      }
      List<String> onlyB = new ArrayList<>();
      for (PriceEntry eb : cb.list()) {
        if (counterpart(ca, eb).isEmpty()) {
          onlyB.add(id(eb));
        }
      }
      if (rows.size() > 1) {
        table(out, rows);
      }
      out.println(same + " model(s) priced the same, " + (rows.size() - 1) + " rate(s) differ");
      if (!onlyA.isEmpty()) {
        out.println("only in A: " + String.join(", ", onlyA));
      }
      if (!onlyB.isEmpty()) {
        out.println("only in B: " + String.join(", ", onlyB));
      }
      out.flush();
      return ExitCodes.OK;
    }

    /**
     * Each model listed over more than one period: the rates of every period, then the rates that
     * changed from one period to the next, with the date of the change.
     */
    private static void history(PrintWriter out, PriceCatalog c) {
      out.println(
          c.name()
              + " ("
              + c.describeDates()
              + "): dated changes; USD per million tokens, fast = in/out/w5m/w1h/read");
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"provider:model", "from", "rate", "before", "after"});
      Map<String, PriceEntry> last = new LinkedHashMap<>();
      for (PriceEntry e : c.history()) {
        PriceEntry prev = last.put(id(e), e);
        if (prev == null) {
          continue;
        }
        String[] ra = withRates(rates(prev), fastCell(prev.price().fast()));
        String[] rb = withRates(rates(e), fastCell(e.price().fast()));
        String[] names = withRates(RATE_HEAD, "fast");
        String when = e.describePeriod().replaceFirst("^from ", "").replaceFirst(" until .*", "");
        for (int i = 0; i < ra.length; i++) {
          if (!ra[i].equals(rb[i])) {
            rows.add(new String[] {id(e), when, names[i].split(" \\(")[0], ra[i], rb[i]});
          }
        }
      }
      if (rows.size() == 1) {
        out.println("no dated changes: every model has one price over the catalog's life");
      } else {
        table(out, rows);
      }
    }

    /**
     * The row of {@code other} for the model of {@code e}: by its id, then by each of its aliases,
     * so an undated row ({@code claude-3-7-sonnet}) pairs with a catalog that lists only the dated
     * id.
     */
    private static Optional<PriceEntry> counterpart(PriceCatalog other, PriceEntry e) {
      Optional<PriceEntry> found = other.findEntry(e.provider(), e.model());
      for (int i = 0; found.isEmpty() && i < e.aliases().size(); i++) {
        found = other.findEntry(e.provider(), e.aliases().get(i));
      }
      return found;
    }

    private static String delta(String x, String y) {
      try {
        return new BigDecimal(y).subtract(new BigDecimal(x)).toPlainString();
      } catch (NumberFormatException e) {
        return "";
      }
    }
  }
}
