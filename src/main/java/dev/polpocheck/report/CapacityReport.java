package dev.polpocheck.report;

import dev.polpocheck.forecast.CapacitySearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Presents a capacity search: report directory, {@code result.json} and terminal summary.
 *
 * <p>{@code result.json} shape (version 1): {@code {schemaVersion, kind:"capacity", settings:
 * {start, horizonDays, targetSessionsPerDay, runs, seed, tiers, maxOrganisations,
 * profilesPerOrganisation, maxProfilesPerOrganisation}, objective:{maxP95DelayMs, max429Rate,
 * maxFailed}, chosen:{label, organisations, tier, profilesPerOrganisation} | null, candidates:[{label, ..., atTarget,
 * ceilingSessionsPerDay, ceilingOpen, curve:[{loadFactor, sessionsPerDay, p95DelayMs, rate429,
 * failed, meets}]}], warnings}}.
 */
public final class CapacityReport {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CapacityReport() {}

  /**
   * What the report shows.
   *
   * @param result the search
   * @param source what the workload came from
   */
  public record Input(CapacitySearch.Result result, String source) {}

  /** Writes the report directory and returns the files written. */
  public static List<Path> write(Path dir, Input in, String version) {
    return ReportWriter.write(dir, page(in), json(in, version), version);
  }

  /** The {@code result.json} document. */
  public static ObjectNode json(Input in, String version) {
    CapacitySearch.Result r = in.result();
    CapacitySearch.Settings s = r.settings();
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("kind", "capacity");
    root.put("toolVersion", version);
    ObjectNode st = root.putObject("settings");
    st.put("start", java.time.Instant.ofEpochMilli(s.horizon().startMillis()).toString());
    st.put("horizonDays", s.horizon().days());
    st.put("targetSessionsPerDay", s.targetSessionsPerDay());
    st.put("runs", s.runs());
    st.put("seed", s.seed());
    ArrayNode tiers = st.putArray("tiers");
    s.tiers().forEach(tiers::add);
    st.put("maxOrganisations", s.maxOrganisations());
    st.put("profilesPerOrganisation", s.profilesPerOrganisation());
    st.put("maxProfilesPerOrganisation", s.maxProfilesPerOrganisation());
    st.put("source", in.source());
    ObjectNode o = root.putObject("objective");
    o.put("maxP95DelayMs", s.objective().maxP95DelayMillis());
    o.put("max429Rate", s.objective().max429Rate());
    o.put("maxFailed", s.objective().maxFailed());
    if (r.chosen() == null) {
      root.putNull("chosen");
    } else {
      candidate(root.putObject("chosen"), r.chosen());
    }
    ArrayNode cs = root.putArray("candidates");
    for (CapacitySearch.Evaluated e : r.evaluated()) {
      evaluated(cs.addObject(), e, s);
    }
    if (r.next() == null) {
      root.putNull("next");
    } else {
      evaluated(root.putObject("next"), r.next(), s);
    }
    ArrayNode w = root.putArray("warnings");
    r.warnings().forEach(w::add);
    return root;
  }

  private static void evaluated(ObjectNode c, CapacitySearch.Evaluated e,
      CapacitySearch.Settings s) {
    candidate(c, e.candidate());
    c.set("atTarget", measure(e.atTarget()));
    c.put("ceilingSessionsPerDay", e.ceilingSessionsPerDay());
    c.put("ceilingOpen", e.ceilingOpen());
    if (e.ceilingSessionsPerDay() >= s.targetSessionsPerDay()) {
      c.put("headroom", java.math.BigDecimal.valueOf(
          e.ceilingSessionsPerDay() / s.targetSessionsPerDay() - 1)
          .setScale(6, java.math.RoundingMode.HALF_EVEN).doubleValue());
    } else {
      c.putNull("headroom");
    }
    ArrayNode curve = c.putArray("curve");
    e.curve().forEach(m -> curve.add(measure(m)));
  }

  private static void candidate(ObjectNode o, CapacitySearch.Candidate c) {
    o.put("label", c.label());
    o.put("organisations", c.organisations());
    o.put("tier", c.tier());
    o.put("profilesPerOrganisation", c.profilesPerOrganisation());
  }

  private static ObjectNode measure(CapacitySearch.Measure m) {
    ObjectNode o = JSON.createObjectNode();
    o.put("loadFactor", m.loadFactor());
    o.put("sessionsPerDay", m.sessionsPerDay());
    o.put("p95DelayMs", m.p95DelayMillis());
    o.put("rate429", java.math.BigDecimal.valueOf(m.rate429())
        .setScale(6, java.math.RoundingMode.HALF_EVEN).doubleValue());
    o.put("failed", m.failed());
    o.put("meets", m.meets());
    return o;
  }

  /** The page every format renders. */
  static Page page(Input in) {
    CapacitySearch.Result r = in.result();
    CapacitySearch.Settings s = r.settings();
    CapacitySearch.Objective ob = s.objective();
    String objective = String.format(Locale.ROOT,
        "P95 added delay <= %s, 429s <= %s of calls, failed calls <= %d",
        Fmt.seconds(ob.maxP95DelayMillis()), Fmt.percent(ob.max429Rate()), ob.maxFailed());
    Page.Verdict verdict = r.chosen() == null
        ? new Page.Verdict(false, "No candidate meets the objective",
            "Up to " + s.maxOrganisations() + " organisations at " + String.join(", ", s.tiers())
                + " none meets " + objective + " at " + fmtRate(s.targetSessionsPerDay())
                + " sessions/day.")
        : new Page.Verdict(true, "Smallest setup: " + r.chosen().label(),
            "It meets " + objective + " at " + fmtRate(s.targetSessionsPerDay())
                + " sessions/day in every run.");
    List<Page.Figure> head = new ArrayList<>();
    head.add(new Page.Figure("target load", fmtRate(s.targetSessionsPerDay()) + " sessions/day",
        s.horizon().days() + " day(s) from " + Fmt.date(s.horizon().startMillis())));
    head.add(new Page.Figure("candidates tried", Integer.toString(r.evaluated().size()),
        s.runs() + " runs each, worst run counts"));
    if (r.chosen() != null) {
      CapacitySearch.Evaluated e = r.evaluated().get(r.evaluated().size() - 1);
      head.add(new Page.Figure("chosen setup", r.chosen().label(),
          "P95 added delay " + Fmt.seconds(e.atTarget().p95DelayMillis()) + ", 429 rate "
              + Fmt.percent(e.atTarget().rate429()) + " at the target"));
      head.add(new Page.Figure("its headroom", headroom(e, s), "carries " + ceiling(e)
          + " within the objective"));
      if (r.next() != null) {
        head.add(new Page.Figure("next candidate: " + r.next().candidate().label(),
            headroom(r.next(), s), (r.next().atTarget().meets() ? "" : "fails at the target; ")
                + "carries " + ceiling(r.next())));
      }
    }
    List<CapacitySearch.Evaluated> shown = new ArrayList<>(r.evaluated());
    if (r.next() != null) {
      shown.add(r.next());
    }
    List<Page.Row> rows = new ArrayList<>();
    List<Page.Row> csv = new ArrayList<>();
    for (CapacitySearch.Evaluated e : shown) {
      CapacitySearch.Measure m = e.atTarget();
      String role = e == r.next() ? "next candidate" : e.candidate().equals(r.chosen()) ? "chosen"
          : "too small";
      rows.add(Page.Row.of(e.candidate().label(), role, Fmt.seconds(m.p95DelayMillis()),
          Fmt.percent(m.rate429()), Fmt.count(m.failed()), m.meets() ? "yes" : "no", ceiling(e),
          headroom(e, s)));
      csv.add(Page.Row.of(e.candidate().label(), role, Integer.toString(e.candidate()
              .organisations()), e.candidate().tier(), Integer.toString(e.candidate()
              .profilesPerOrganisation()), Long.toString(m.p95DelayMillis()),
          Fmt.csvRatio(m.rate429()), Long.toString(m.failed()), Boolean.toString(m.meets()),
          plain(e.ceilingSessionsPerDay()), Boolean.toString(e.ceilingOpen()),
          e.ceilingSessionsPerDay() == 0 ? "" : Fmt.csvRatio(
              e.ceilingSessionsPerDay() / s.targetSessionsPerDay() - 1)));
    }
    List<Page.Table> tables = List.of(new Page.Table("candidates",
        "Candidates at the target load (worst of " + s.runs() + " runs)",
        List.of("setup", "role", "P95 added delay", "429 rate", "failed", "meets",
            "throughput ceiling", "headroom"), rows,
        new Page.Csv(List.of("setup", "role", "organisations", "tier", "profiles_per_organisation",
            "p95_added_delay_ms", "rate_429_ratio", "failed_calls", "meets",
            "ceiling_sessions_per_day", "ceiling_open", "headroom_ratio"), csv)));
    Map<String, double[][]> delay = new LinkedHashMap<>();
    Map<String, double[][]> rate = new LinkedHashMap<>();
    List<Page.Row> curveRows = new ArrayList<>();
    for (CapacitySearch.Evaluated e : shown) {
      int n = e.curve().size();
      double[] x = new double[n];
      double[] d = new double[n];
      double[] q = new double[n];
      for (int i = 0; i < n; i++) {
        CapacitySearch.Measure m = e.curve().get(i);
        x[i] = m.sessionsPerDay();
        d[i] = m.p95DelayMillis() / 1000.0;
        q[i] = m.rate429() * 100;
        curveRows.add(Page.Row.of(e.candidate().label(), fmtRate(m.sessionsPerDay()),
            Fmt.seconds(m.p95DelayMillis()), Fmt.percent(m.rate429()), m.meets() ? "yes" : "no"));
      }
      delay.put(e.candidate().label(), new double[][] {x, d});
      rate.put(e.candidate().label(), new double[][] {x, q});
    }
    Page.Table curveValues = new Page.Table("capacity-curves", "", List.of("setup",
        "sessions/day", "P95 added delay", "429 rate", "meets"), curveRows);
    List<Charts.Rendered> charts = List.of(
        Charts.render("capacity-delay", Charts.lines("Load vs P95 added delay per candidate",
            "sessions per day", "P95 added delay (s)", delay), curveValues),
        Charts.render("capacity-429", Charts.lines("Load vs 429 rate per candidate",
            "sessions per day", "429 responses per 100 calls", rate), curveValues));
    String subtitle = String.format(Locale.ROOT,
        "Workload: %s at %s sessions/day; objective: %s; tiers %s, up to %d organisations of %s"
            + " key(s); seed %d", in.source(), fmtRate(s.targetSessionsPerDay()), objective,
        String.join(", ", s.tiers()), s.maxOrganisations(),
        s.profilesPerOrganisation() == s.maxProfilesPerOrganisation()
            ? String.valueOf(s.profilesPerOrganisation())
            : s.profilesPerOrganisation() + "-" + s.maxProfilesPerOrganisation(), s.seed());
    return new Page("polpo-check capacity", subtitle, verdict, r.warnings(), List.of(), head,
        charts, tables,
        "Each candidate replays the same sampled workloads (common random numbers).");
  }

  private static String ceiling(CapacitySearch.Evaluated e) {
    if (e.ceilingSessionsPerDay() == 0) {
      return "below " + fmtRate(e.curve().get(0).sessionsPerDay()) + "/day";
    }
    return (e.ceilingOpen() ? "≥ " : "") + fmtRate(e.ceilingSessionsPerDay()) + "/day";
  }

  /** Load above the target the setup still carries: "+37.5%", "≥ +300.0%", "none" (fails). */
  private static String headroom(CapacitySearch.Evaluated e, CapacitySearch.Settings s) {
    if (e.ceilingSessionsPerDay() == 0 || e.ceilingSessionsPerDay() < s.targetSessionsPerDay()) {
      return "none";
    }
    double h = e.ceilingSessionsPerDay() / s.targetSessionsPerDay() - 1;
    return (e.ceilingOpen() ? "≥ " : "") + String.format(Locale.ROOT, "+%.1f%%", h * 100);
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String fmtRate(double r) {
    return String.format(Locale.ROOT, r == Math.rint(r) ? "%,.0f" : "%,.1f", r);
  }

  /** The compact summary printed at the end of a search. */
  public static String terminalSummary(Input in) {
    CapacitySearch.Result r = in.result();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "capacity: %s sessions/day over %d day(s), %d runs per"
            + " candidate, seed %d%n", fmtRate(r.settings().targetSessionsPerDay()),
        r.settings().horizon().days(), r.settings().runs(), r.settings().seed()));
    for (String w : r.warnings()) {
      b.append("warning: ").append(w).append('\n');
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"setup", "P95 delay", "429 rate", "failed", "meets", "ceiling"});
    for (CapacitySearch.Evaluated e : r.evaluated()) {
      CapacitySearch.Measure m = e.atTarget();
      rows.add(new String[] {e.candidate().label(), Fmt.seconds(m.p95DelayMillis()),
          Fmt.percent(m.rate429()), Fmt.count(m.failed()), m.meets() ? "yes" : "no", ceiling(e)});
    }
    b.append(ForecastReport.table(rows));
    if (r.chosen() == null) {
      b.append("no candidate meets the objective\n");
    } else {
      CapacitySearch.Evaluated e = r.evaluated().get(r.evaluated().size() - 1);
      b.append("smallest setup meeting the objective: ").append(r.chosen().label())
          .append(", headroom ").append(headroom(e, r.settings())).append('\n');
      if (r.next() != null) {
        b.append("next candidate in the search order, ").append(r.next().candidate().label())
            .append(": headroom ")
            .append(headroom(r.next(), r.settings())).append('\n');
      }
    }
    return b.toString();
  }
}
