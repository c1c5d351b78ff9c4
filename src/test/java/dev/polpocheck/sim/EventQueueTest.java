package dev.polpocheck.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The replay's event order: by time, ties by insertion order (runs are deterministic), each event
 * delivered once with its own fields, whatever the interleaving of pushes and removals.
 */
class EventQueueTest {

  @Test
  void equalTimes_comeOutInInsertionOrder_earlierTimesFirst() {
    EventQueue q = new EventQueue();
    q.push(50, EventQueue.SEND, null);
    q.pushRefund(20, 7, 900, 100);
    q.push(50, EventQueue.START, null);
    q.push(20, EventQueue.START, null);
    // 20 ms: the refund was pushed before the start; 50 ms: the send before the start
    assertEquals(20, q.headTime());
    assertEquals(EventQueue.REFUND, q.headKind());
    assertEquals(7, q.headKey());
    assertEquals(900, q.headAmount());
    assertEquals(100, q.headActual());
    q.removeHead();
    assertEquals(20, q.headTime());
    assertEquals(EventQueue.START, q.headKind());
    q.removeHead();
    assertEquals(50, q.headTime());
    assertEquals(EventQueue.SEND, q.headKind());
    q.removeHead();
    assertEquals(EventQueue.START, q.headKind());
    q.removeHead();
    assertTrue(q.isEmpty());
  }

  @Test
  void randomPushesAndRemovals_deliverEveryEventOnceInTimeThenInsertionOrder() {
    // the expected order is computed independently: a list kept sorted by (time, push number)
    SplittableRandom rnd = new SplittableRandom(5);
    EventQueue q = new EventQueue();
    List<long[]> pending = new ArrayList<>(); // {time, push number}
    int pushed = 0;
    int removed = 0;
    for (int step = 0; step < 20_000; step++) {
      if (pending.isEmpty() || rnd.nextInt(3) > 0) {
        long t = rnd.nextInt(200); // few distinct times: many ties
        q.pushRefund(t, pushed, 0, 0); // the key carries the push number
        int at = 0;
        while (at < pending.size() && pending.get(at)[0] <= t) {
          at++;
        }
        pending.add(at, new long[] {t, pushed});
        pushed++;
      } else {
        long[] expected = pending.remove(0);
        assertEquals(expected[0], q.headTime());
        assertEquals(expected[1], q.headKey());
        q.removeHead();
        removed++;
      }
    }
    assertTrue(pushed > 10_000 && removed > 5_000, pushed + " pushed, " + removed + " removed");
  }
}
