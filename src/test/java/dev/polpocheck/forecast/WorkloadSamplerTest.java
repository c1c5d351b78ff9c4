package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.sim.Scenario;
import dev.polpocheck.sim.ScenarioFiles;
import dev.polpocheck.sim.SimResult;
import dev.polpocheck.sim.Simulation;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallColumns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * Protects the future workload a forecast replays: the bootstrap reproduces the recorded sessions'
 * mean, agents keep their share, sessions keep their gaps, and the calls stream in time order.
 */
class WorkloadSamplerTest {
  private static final long MONDAY = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();

  /** 60 sessions of agent a with 1..60 calls of 100 output tokens; 20 of agent b with 1 call. */
  private static Corpus corpus() {
    List<Call> calls = new ArrayList<>();
    for (int s = 0; s < 60; s++) {
      for (int i = 0; i <= s; i++) {
        calls.add(TestCalls.call(MONDAY + s * 3_600_000L + i * 10_000L, "a" + s, "a",
            "claude-haiku-4-5", 10, 100));
      }
    }
    for (int s = 0; s < 20; s++) {
      calls.add(TestCalls.call(MONDAY + s * 3_600_000L, "b" + s, "b", "claude-haiku-4-5", 10, 100));
    }
    return Corpus.of(calls);
  }

  @Test
  void draw_manySessions_bootstrapMeanIsTheCorpusMeanWithinItsStandardError() {
    Corpus c = corpus();
    SummaryStatistics corpusLengths = new SummaryStatistics();
    c.sessions().forEach(s -> corpusLengths.addValue(s.calls().size()));
    // corpus mean of calls per session: (sum 1..60 + 20) / 80 = (1830 + 20) / 80 = 23.125
    assertEquals(23.125, corpusLengths.getMean(), 1e-12);
    ArrivalProcess a = new ArrivalProcess(200, 0, Corpus.flat(24), Corpus.flat(7));
    WorkloadSampler sampler = new WorkloadSampler(c, a);
    List<WorkloadSampler.Placed> drawn = sampler.draw(MONDAY, 20 * Corpus.DAY, new Well19937c(9));
    SummaryStatistics boot = new SummaryStatistics();
    Map<String, Integer> byAgent = new HashMap<>();
    drawn.forEach(p -> {
      boot.addValue(p.session().calls().size());
      byAgent.merge(p.session().agent(), 1, Integer::sum);
    });
    double se = corpusLengths.getStandardDeviation() / Math.sqrt(drawn.size());
    assertTrue(Math.abs(boot.getMean() - 23.125) <= 3 * se,
        "bootstrap mean " + boot.getMean() + " vs 23.125, se " + se);
    // agent a holds 60 of 80 sessions: share 0.75, binomial sd sqrt(.75 * .25 / n)
    double share = byAgent.get("a") / (double) drawn.size();
    assertTrue(Math.abs(share - 0.75) <= 3 * Math.sqrt(0.75 * 0.25 / drawn.size()), "share " + share);
  }

  @Test
  void calls_mergedWorkload_isInTimeOrderAndKeepsGaps() {
    Corpus c = corpus();
    ArrivalProcess a = new ArrivalProcess(300, 0, Corpus.flat(24), Corpus.flat(7));
    List<WorkloadSampler.Placed> drawn =
        new WorkloadSampler(c, a).draw(MONDAY, Corpus.DAY, new Well19937c(1));
    long previous = Long.MIN_VALUE;
    Map<String, Long> lastBySession = new HashMap<>();
    int n = 0;
    for (Call call : WorkloadSampler.calls(drawn, MONDAY + Corpus.DAY)) {
      assertTrue(call.timestampMillis() >= previous);
      assertTrue(call.timestampMillis() < MONDAY + Corpus.DAY);
      assertNull(call.profile());
      previous = call.timestampMillis();
      Long last = lastBySession.put(call.session(), call.timestampMillis());
      if (last != null) {
        assertEquals(10_000L, call.timestampMillis() - last, "recorded gap kept");
      }
      n++;
    }
    int expected = 0;
    for (WorkloadSampler.Placed p : drawn) {
      for (Call x : p.session().calls()) {
        if (p.startMillis() + x.timestampMillis() - p.session().startMillis() < MONDAY + Corpus.DAY) {
          expected++;
        }
      }
    }
    assertEquals(expected, n, "every call inside the horizon, once");
  }

  @Test
  void calls_sessionRunningPastTheEnd_isCutAtTheEnd() {
    Session s = new Session("x", "a", List.of(
        TestCalls.call(0, "x", "a", "m", 1, 1), TestCalls.call(5_000, "x", "a", "m", 1, 1)));
    List<WorkloadSampler.Placed> placed = List.of(new WorkloadSampler.Placed(0, 1_000, s));
    List<Call> out = new ArrayList<>();
    WorkloadSampler.calls(placed, 4_000).forEach(out::add);
    assertEquals(1, out.size());
    assertEquals("f0:x", out.get(0).session());
  }

  @Test
  void sessions_countOnlyTheCallsBeforeTheEnd_andTheAgentsOfThoseCalls() {
    // x placed at 1 s: agent a at +0, agent b at +2 s, agent c at +5 s; cut at 4 s keeps the
    // calls at 1 s and 3 s (a, b); y placed at 2 s: one call of agent a; z placed at 4 s: none
    Session x = new Session("x", "a", List.of(TestCalls.call(0, "x", "a", "m", 1, 1),
        TestCalls.call(2_000, "x", "b", "m", 2, 1), TestCalls.call(5_000, "x", "c", "m", 3, 1)));
    Session y = new Session("y", "a", List.of(TestCalls.call(0, "y", "a", "m", 4, 1)));
    Session z = new Session("z", "c", List.of(TestCalls.call(0, "z", "c", "m", 5, 1)));
    CallColumns.Sessions sessions = WorkloadSampler.calls(List.of(
        new WorkloadSampler.Placed(0, 1_000, x), new WorkloadSampler.Placed(1, 2_000, y),
        new WorkloadSampler.Placed(2, 4_000, z)), 4_000).sessions();
    assertEquals(3, sessions.count());
    assertEquals(List.of(2, 1, 0), List.of(sessions.callCount(0), sessions.callCount(1),
        sessions.callCount(2)));
    assertEquals(1, sessions.first(0).inputTokens());
    assertEquals(4, sessions.first(1).inputTokens());
    assertEquals(List.of("a", "b"), sessions.agents(0), "c's call is past the end");
    assertEquals(List.of("a"), sessions.agents(1));
  }

  @Test
  void calls_equalTimes_breakTiesByArrivalThenByPositionInSession() {
    // x: calls at +0, +0, +10 s; y: one call at +0; z: calls at +0 and +10 s. x and y start at
    // 1 s, z at 0 s but arrives last (index 2): time first, then the arrival index.
    Session x = new Session("x", "a", List.of(TestCalls.call(0, "x", "a", "m", 1, 1),
        TestCalls.call(0, "x", "a", "m", 2, 1), TestCalls.call(10_000, "x", "a", "m", 3, 1)));
    Session y = new Session("y", "a", List.of(TestCalls.call(0, "y", "a", "m", 4, 1)));
    Session z = new Session("z", "a", List.of(TestCalls.call(0, "z", "a", "m", 5, 1),
        TestCalls.call(10_000, "z", "a", "m", 6, 1)));
    List<WorkloadSampler.Placed> placed = List.of(new WorkloadSampler.Placed(0, 1_000, x),
        new WorkloadSampler.Placed(1, 1_000, y), new WorkloadSampler.Placed(2, 1_000, z));
    List<String> order = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) { // iterable twice, same order each time
      order.clear();
      for (Call c : WorkloadSampler.calls(placed, 60_000)) {
        order.add(c.session() + "@" + c.timestampMillis() + "#" + c.inputTokens());
      }
      assertEquals(List.of("f0:x@1000#1", "f0:x@1000#2", "f1:y@1000#4", "f2:z@1000#5",
          "f0:x@11000#3", "f2:z@11000#6"), order);
    }
  }

  @Test
  void cursor_readsTheSameCallsAsTheIteration_startSessionAndRecordedFields() {
    // x's calls at +0 and +10 s carry 1 and 2 input tokens, y's single call 3; x placed at 1 s,
    // y at 5 s, cut at 20 s: the merged order is x@1000 (1), y@5000 (3), x@11000 (2)
    Session x = new Session("x", "a", List.of(TestCalls.call(0, "x", "a", "m", 1, 10),
        TestCalls.call(10_000, "x", "a", "m", 2, 20)));
    Session y = new Session("y", "b", List.of(TestCalls.call(0, "y", "b", "m", 3, 30)));
    CallColumns columns = WorkloadSampler.calls(
        List.of(new WorkloadSampler.Placed(0, 1_000, x), new WorkloadSampler.Placed(1, 5_000, y)),
        20_000);
    CallColumns.Cursor cursor = columns.cursor();
    List<String> read = new ArrayList<>();
    Map<Integer, String> idOfNumber = new HashMap<>();
    for (Call c : columns) {
      assertTrue(cursor.advance());
      assertEquals(c.timestampMillis(), cursor.startMillis());
      String known = idOfNumber.putIfAbsent(cursor.session(), c.session());
      assertEquals(known == null ? c.session() : known, c.session(), "one id per session number");
      Call r = cursor.recorded();
      assertEquals(c.agent(), r.agent());
      assertEquals(c.model(), r.model());
      assertEquals(c.inputTokens(), r.inputTokens());
      assertEquals(c.outputTokens(), r.outputTokens());
      read.add(c.session() + "@" + cursor.startMillis() + "#" + r.inputTokens());
    }
    assertFalse(cursor.advance(), "the cursor ends with the iteration");
    assertEquals(List.of("f0:x@1000#1", "f1:y@5000#3", "f0:x@11000#2"), read);
    assertEquals(2, idOfNumber.size(), "two sessions, two numbers");
  }

  @Test
  void replay_readThroughTheCursor_equalsTheReplayOfTheSameCallsAsAList() {
    // the simulator reads the sampler's columns through their cursor (no call records) and a
    // list through NumberedCalls: every figure of the result must agree. Tier-1 limits, a
    // concurrency cap and injected 529s make sessions queue, wait for slots and retry.
    Scenario sc = ScenarioFiles.parse("cursor.json", "{\"profiles\": ["
        + "{\"id\": \"a\", \"provider\": \"anthropic\", \"type\": \"api_key\","
        + " \"organisation\": \"org-1\", \"tier\": \"tier1\"},"
        + "{\"id\": \"b\", \"provider\": \"anthropic\", \"type\": \"api_key\","
        + " \"organisation\": \"org-2\", \"tier\": \"tier1\"}],"
        + " \"settings\": {\"maxConcurrency\": 3},"
        + " \"errors\": {\"overloadedRate\": 0.05}}");
    ArrivalProcess a = new ArrivalProcess(300, 0, Corpus.flat(24), Corpus.flat(7));
    List<WorkloadSampler.Placed> drawn =
        new WorkloadSampler(corpus(), a).draw(MONDAY, Corpus.DAY, new Well19937c(3));
    CallColumns columns = WorkloadSampler.calls(drawn, MONDAY + Corpus.DAY);
    List<Call> list = new ArrayList<>();
    columns.forEach(list::add);
    SimResult viaList = Simulation.run(list, sc, 7);
    SimResult viaCursor = Simulation.run(columns, sc, 7);
    assertTrue(viaList.counts().rateLimited() > 0, "the limits bind");
    assertEquals(list.size(), viaCursor.counts().callsIn());
    assertEquals(viaList, viaCursor);
  }
}
