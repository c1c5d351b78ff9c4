package dev.polpocheck.sim;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.cost.Money;
import dev.polpocheck.cost.ResultEnvelope;
import dev.polpocheck.trace.ReadSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link SimResult}: the result envelope of {@code schemas/result.schema.json}
 * with the replay's assumptions and a {@code simulate} object.
 */
final class SimJson {
  private final SimResult r;
  private final ReadSummary read;
  private final PriceCatalog catalog;
  private final List<String> paths;
  private final int assumed1hShareBasisPoints;

  SimJson(
      SimResult r,
      ReadSummary read,
      PriceCatalog catalog,
      List<String> paths,
      int assumed1hShareBasisPoints) {
    this.r = r;
    this.read = read;
    this.catalog = catalog;
    this.paths = paths;
    this.assumed1hShareBasisPoints = assumed1hShareBasisPoints;
  }

  /** The JSON document. */
  String json(String toolVersion) {
    ObjectNode root =
        ResultEnvelope.create(
            "simulate",
            toolVersion,
            paths,
            read,
            r.counts().callsIn() - r.counts().unpricedRecords(),
            r.counts().unpricedRecords(),
            0,
            catalog);
    ObjectNode assumptions = root.putObject("assumptions");
    assumptions.put("assumed1hShare", BigDecimal.valueOf(assumed1hShareBasisPoints, 4));
    assumptions(assumptions.putArray("replay"));
    ObjectNode s = root.putObject("simulate");
    s.put("seed", r.seed());
    s.put("selector", r.selector());
    s.set("scenario", ScenarioFiles.toJson(r.scenario()));
    ObjectNode c = s.putObject("calls");
    SimResult.Counts n = r.counts();
    c.put("in", n.callsIn());
    c.put("ok", n.ok());
    c.put("failed", n.failed());
    c.put("notRun", n.notRun());
    c.put("attempts", n.attempts());
    c.put("rateLimited", n.rateLimited());
    c.put("sdkRetries", n.sdkRetries());
    c.put("polpoRetries", n.polpoRetries());
    c.put("rotationsOnError", n.rotationsOnError());
    c.put("fallbacks", n.fallbacks());
    c.put("billingRejections", n.billingRejections());
    c.put("noCredential", n.noCredential());
    c.put("oversizedRequests", n.oversizedRequests());
    c.put("unpriced", n.unpricedCalls());
    c.put("overloaded", n.overloaded());
    c.put("serverErrors", n.serverErrors());
    c.put("timeouts", n.timeouts());
    c.put("midStreamErrors", n.midStreamErrors());
    tokens(s.putObject("tokens"), r.tokens());
    cost(s.putObject("cost"), r.cost());
    s.put("polpoRecordedCostUsd", Money.toUsd(r.polpoCostPicos()));
    s.put("costWithoutCacheUsd", Money.toUsd(r.costWithoutCachePicos()));
    s.put("cacheSavingsUsd", Money.toUsd(r.cacheSavingsPicos()));
    if (r.rotation() == null) {
      s.putNull("rotationCacheCost");
    } else {
      ObjectNode rc = s.putObject("rotationCacheCost");
      rc.put("stickyCostUsd", Money.toUsd(r.rotation().stickyCostPicos()));
      rc.put("differenceUsd", Money.toUsd(r.rotation().differencePicos()));
      rc.put("stickyCacheReadTokens", r.rotation().stickyCacheReadTokens());
      rc.put("stickyCacheWriteTokens", r.rotation().stickyCacheWriteTokens());
      rc.put("stickyOkCalls", r.rotation().stickyOkCalls());
    }
    groups(s.putObject("byAgent"), r.byAgent());
    groups(s.putObject("byModel"), r.byModel());
    groups(s.putObject("byProfile"), r.byProfile());
    groups(s.putObject("byOrganisation"), r.byOrganisation());
    ObjectNode d = s.putObject("delays");
    d.put("p50Ms", r.delays().p50Millis());
    d.put("p95Ms", r.delays().p95Millis());
    d.put("p99Ms", r.delays().p99Millis());
    d.put("maxMs", r.delays().maxMillis());
    d.put("totalMs", r.delays().totalMillis());
    d.put("delayedCalls", r.delays().delayedCalls());
    d.put("noUsableProfileMs", r.delays().noUsableProfileMillis());
    ArrayNode ev = s.putArray("events");
    for (SimResult.Event e : r.events()) {
      ObjectNode o = ev.addObject();
      o.put("time", Instant.ofEpochMilli(e.timeMillis()).toString());
      o.put("kind", e.kind());
      o.put("subject", e.subject());
      o.put("reason", e.reason());
      o.put("until", Instant.ofEpochMilli(e.untilMillis()).toString());
    }
    s.put("eventCount", r.eventCount());
    ArrayNode prof = s.putArray("profiles");
    for (SimResult.ProfileUse p : r.profiles()) {
      ObjectNode o = prof.addObject();
      o.put("id", p.id());
      o.put("provider", p.provider());
      o.put("organisation", p.organisation());
      o.put("calls", p.calls());
      o.put("shareOfProvider", SimOutput.share(p.shareOfProvider()));
      o.put("rateLimited", p.rateLimited());
      o.put("cooldowns", p.cooldowns());
      o.put("billingDisables", p.billingDisables());
      o.put("costUsd", Money.toUsd(p.cost().total()));
    }
    ArrayNode series = s.putArray("series");
    for (SimResult.Bucket b : r.series()) {
      ObjectNode o = series.addObject();
      o.put("start", Instant.ofEpochMilli(b.startMillis()).toString());
      o.put("calls", b.calls());
      o.put("costUsd", Money.toUsd(b.costPicos()));
      o.put("cacheReadTokens", b.cacheReadTokens());
      o.put("cacheWriteTokens", b.cacheWriteTokens());
      o.put("rateLimited", b.rateLimited());
    }
    if (r.fidelity() == null) {
      s.putNull("fidelity");
    } else {
      ObjectNode f = s.putObject("fidelity");
      f.put("callsCompared", r.fidelity().callsCompared());
      f.put("recordedReadTokens", r.fidelity().recordedReadTokens());
      f.put("simulatedReadTokens", r.fidelity().simulatedReadTokens());
      f.put("absoluteErrorTokens", r.fidelity().absoluteErrorTokens());
      f.put("relativeError", SimOutput.share(r.fidelity().relativeError()));
      f.put("recordedWriteTokens", r.fidelity().recordedWriteTokens());
      f.put("simulatedWriteTokens", r.fidelity().simulatedWriteTokens());
    }
    ObjectNode sp = s.putObject("systemPrefixTokens");
    r.systemPrefixTokens().forEach(sp::put);
    ArrayNode notes = s.putArray("notes");
    r.notes().forEach(notes::add);
    return ResultEnvelope.toJson(root);
  }

  private void assumptions(ArrayNode a) {
    a.add(
        "calls replayed in recorded start order, a session's calls one after another, each"
            + " session shifted by the delay it accumulated; arrival times compressed "
            + r.scenario().timing().compression()
            + "x");
    a.add(
        "Polpo sends max_tokens = the model's output limit: that much OTPM is reserved per"
            + " request and the unused part returned when the response ends");
    a.add("a cache entry is readable by requests starting after the request that wrote it");
    a.add(
        "a call's prompt extends the previous call's prompt in its session; the shared system"
            + " prefix per agent is "
            + (r.scenario().cache().systemPrefixTokens() < 0
                ? "estimated from the traces (median first-call cache read)"
                : "set by the scenario"));
    a.add("a 429 or billing error costs nothing; a failed call's tokens are not priced");
  }

  private static void tokens(ObjectNode o, SimResult.Tokens t) {
    o.put("input", t.input());
    o.put("output", t.output());
    o.put("cacheRead", t.cacheRead());
    o.put("cacheWrite5m", t.cacheWrite5m());
    o.put("cacheWrite1h", t.cacheWrite1h());
  }

  private static void cost(ObjectNode o, CostBreakdown b) {
    o.put("input", Money.toUsd(b.input()));
    o.put("output", Money.toUsd(b.output()));
    o.put("cacheWrite5m", Money.toUsd(b.cacheWrite5m()));
    o.put("cacheWrite1h", Money.toUsd(b.cacheWrite1h()));
    o.put("cacheRead", Money.toUsd(b.cacheRead()));
    o.put("total", Money.toUsd(b.total()));
  }

  private static void groups(ObjectNode o, Map<String, SimResult.Part> parts) {
    for (Map.Entry<String, SimResult.Part> e : parts.entrySet()) {
      ObjectNode g = o.putObject(e.getKey());
      g.put("calls", e.getValue().calls());
      tokens(g.putObject("tokens"), e.getValue().tokens());
      cost(g.putObject("cost"), e.getValue().cost());
    }
  }
}
