package dev.polpocheck.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallColumns;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The pre-pass gives the same facts whether it walks every call or reads the calls' per-session
 * view (a forecast's drawn sessions): first start, calls per session, agents, and the estimated
 * shared system prefix per agent.
 */
class PrepassTest {
  // In time order; sessions numbered by first appearance: s0 = 0, s1 = 1, s2 = 2, s3 = 3, s4 = 4.
  // s0's second call comes from agent b, which starts no session.
  private static final List<Call> CALLS =
      List.of(
          call(1_000, "s0", "a", 700, 300),
          call(2_000, "s1", "a", 300, 500),
          call(3_000, "s0", "b", 50, 0),
          call(4_000, "s2", "c", 400, 0),
          call(5_000, "s3", "d", 900, 0),
          call(6_000, "s4", "d", 600, 0));
  /** Agent d's calls are remapped with a token factor of 0.5. */
  private static final ToDoubleFunction<Call> FACTOR = c -> c.agent().equals("d") ? 0.5 : 1.0;

  @Test
  void scan_overEveryCall_givesTheHandDerivedFacts() {
    assertFacts(Prepass.scan(NumberedCalls.cursor(CALLS), FACTOR));
  }

  @Test
  void of_perSessionView_givesTheSameFactsWithoutAPass() {
    assertFacts(Prepass.of(new Columns(CALLS), FACTOR));
  }

  private static void assertFacts(Prepass p) {
    assertEquals(1_000, p.start(), "the first call's start");
    // s0 has 2 calls, the others one each
    assertEquals(List.of(2, 1, 1, 1, 1), List.of(p.callsOf(0), p.callsOf(1), p.callsOf(2),
        p.callsOf(3), p.callsOf(4)));
    assertEquals(4, p.agentCount());
    assertEquals(List.of("a", "b", "c", "d"), List.of(p.agentName(0), p.agentName(1),
        p.agentName(2), p.agentName(3)), "every calling agent, sorted");
    // a: first calls read 300 and 500 -> lower median 300
    assertEquals(300, p.estimatedSystemPrefix(0));
    // b: starts no session -> 0; c: one session, no read -> 0
    assertEquals(0, p.estimatedSystemPrefix(1));
    assertEquals(0, p.estimatedSystemPrefix(2));
    // d: two sessions without reads -> shortest first prompt, 600 tokens x 0.5 = 300
    assertEquals(300, p.estimatedSystemPrefix(3));
  }

  private static Call call(long ts, String session, String agent, long in, long read) {
    return new Call(ts, session, agent, CallerRole.AGENT, "anthropic", "claude-sonnet-4-5", in,
        10, read, 0, 0, 0, null, CallStatus.OK, -1, -1, false);
  }

  /** Calls with a per-session view built by hand from the list (sessions by first appearance). */
  private static final class Columns implements CallColumns {
    private final List<Call> calls;
    private final Map<String, List<Call>> bySession = new LinkedHashMap<>();

    Columns(List<Call> calls) {
      this.calls = calls;
      for (Call c : calls) {
        bySession.computeIfAbsent(c.session(), s -> new ArrayList<>()).add(c);
      }
    }

    @Override
    public Cursor cursor() {
      return NumberedCalls.cursor(calls);
    }

    @Override
    public Iterator<Call> iterator() {
      return calls.iterator();
    }

    @Override
    public Sessions sessions() {
      List<List<Call>> sessions = new ArrayList<>(bySession.values());
      return new Sessions() {
        @Override
        public int count() {
          return sessions.size() + 1; // a number without calls, as a cut-off session has
        }

        @Override
        public int callCount(int s) {
          return s < sessions.size() ? sessions.get(s).size() : 0;
        }

        @Override
        public Call first(int s) {
          return sessions.get(s).get(0);
        }

        @Override
        public List<String> agents(int s) {
          return sessions.get(s).stream().map(Call::agent).distinct().toList();
        }
      };
    }
  }
}
