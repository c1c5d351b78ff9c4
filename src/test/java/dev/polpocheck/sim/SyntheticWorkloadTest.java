package dev.polpocheck.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.trace.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Protects the generated workload the throughput benchmark and capacity experiments replay: its
 * shape (sessions side by side, growing prompts, time order) and that iterating it twice gives the
 * same calls.
 */
class SyntheticWorkloadTest {

  private static List<Call> list(Iterable<Call> w) {
    List<Call> out = new ArrayList<>();
    w.forEach(out::add);
    return out;
  }

  @Test
  void workload_twoSessionsOfThreeTurns_interleavesAndGrowsPrompts() {
    List<Call> calls =
        list(new SyntheticWorkload(8, 2, 3, 1_000, 7, "anthropic", "claude-sonnet-4-5"));
    assertEquals(8, calls.size());
    // calls 0..5: sessions w0 and w1 alternate for three turns; then w2 and w3 open
    assertEquals(
        List.of("w0", "w1", "w0", "w1", "w0", "w1", "w2", "w3"),
        calls.stream().map(Call::session).toList());
    for (int i = 1; i < calls.size(); i++) {
      assertEquals(1_000, calls.get(i).timestampMillis() - calls.get(i - 1).timestampMillis());
    }
    assertTrue(calls.get(2).inputTokens() > calls.get(0).inputTokens());
    assertTrue(calls.get(4).inputTokens() > calls.get(2).inputTokens());
    assertTrue(calls.get(0).inputTokens() >= 2_500 && calls.get(0).inputTokens() < 3_524);
  }

  @Test
  void workload_iteratedTwice_givesEqualCalls_andSeedChangesThem() {
    SyntheticWorkload w = new SyntheticWorkload(100, 5, 10, 50, 1, "anthropic", "m");
    assertEquals(list(w), list(w));
    assertTrue(!list(w).equals(list(new SyntheticWorkload(100, 5, 10, 50, 2, "anthropic", "m"))));
  }

  @Test
  void workload_exhausted_throwsAndBadShapeIsRejected() {
    var it = new SyntheticWorkload(0, 1, 1, 0, 1, "p", "m").iterator();
    assertThrows(NoSuchElementException.class, it::next);
    assertThrows(
        IllegalArgumentException.class, () -> new SyntheticWorkload(10, 0, 1, 0, 1, "p", "m"));
  }
}
