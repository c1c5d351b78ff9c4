package dev.polpocheck.sim.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Protects the ordering the fast selector's buckets rest on: {@link RunHeap} and {@link
 * IndexedMinHeap} always yield the smallest (key, item) — the order of Polpo's stable sort — under
 * random inserts (mostly ascending keys, as in a replay, with stragglers and ties), key changes,
 * removals and polls. A {@link TreeSet} of (key, item) pairs is the oracle.
 */
class RunHeapProperties {

  @Property(tries = 200, seed = "20261125")
  void runHeapAndIndexedHeap_randomOperations_yieldSmallestKeyThenItem(
      @ForAll @IntRange(min = 1, max = 300) int capacity, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    RunHeap run = new RunHeap(capacity);
    IndexedMinHeap heap = new IndexedMinHeap(capacity);
    long[] keyOf = new long[capacity];
    TreeSet<long[]> oracle =
        new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long clock = 0;
    for (int step = 0; step < 2_000; step++) {
      int item = random.nextInt(capacity);
      boolean held = run.contains(item);
      assertEquals(held, heap.contains(item));
      clock += random.nextInt(3);
      // Mostly the current clock (ascending, with ties); sometimes an older key.
      long key = random.nextInt(5) == 0 ? clock - random.nextInt(50) : clock;
      int op = random.nextInt(10);
      if (!held && op < 6) {
        run.insert(item, key);
        heap.insert(item, key);
        keyOf[item] = key;
        oracle.add(new long[] {key, item});
      } else if (held && op < 4) {
        run.changeKey(item, key);
        heap.changeKey(item, key);
        oracle.remove(new long[] {keyOf[item], item});
        keyOf[item] = key;
        oracle.add(new long[] {key, item});
      } else if (held && op < 7) {
        run.remove(item);
        heap.remove(item);
        oracle.remove(new long[] {keyOf[item], item});
      } else if (!oracle.isEmpty() && op < 9) {
        long[] smallest = oracle.pollFirst();
        assertEquals(smallest[1], run.poll());
        assertEquals(smallest[1], heap.poll());
      } else if (op == 9 && random.nextInt(20) == 0) {
        run.clear();
        heap.clear();
        oracle.clear();
      }
      assertEquals(oracle.size(), run.size());
      assertEquals(oracle.size(), heap.size());
      if (!oracle.isEmpty()) {
        assertEquals(oracle.first()[1], run.peek());
        assertEquals(oracle.first()[0], run.peekKey());
        assertEquals(oracle.first()[1], heap.peek());
        assertEquals(oracle.first()[0], heap.peekKey());
      }
    }
  }
}
