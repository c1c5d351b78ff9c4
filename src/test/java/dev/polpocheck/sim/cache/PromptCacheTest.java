package dev.polpocheck.sim.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Protects the simulated cache reads and writes that decide most of a replay's cost: TTL expiry and
 * refresh, the minimum cacheable length, per-organisation scope, the shared system prefix and
 * automatic (DeepSeek-style) caching.
 */
class PromptCacheTest {
  private static final long MIN = 60_000L;
  // Sonnet 4.5: 1,024-token minimum, 5-minute TTL, explicit writes
  private static final CachePolicy SONNET = new CachePolicy(1_024, 1, 5 * MIN, true);
  private static final CachePolicy DEEPSEEK = new CachePolicy(64, 64, 60 * MIN, false);

  private final PromptCache cache = new PromptCache();
  private final CacheSplit s = new CacheSplit();

  private void call(long t, int scope, long session, long prompt, CachePolicy p) {
    cache.request(t, 1, scope, 0, session, -1, 0, -1, 0, prompt, p, s, true);
  }

  private void assertSplit(long read, long write, long input) {
    assertEquals(read, s.read(), "read");
    assertEquals(write, s.write(), "write");
    assertEquals(input, s.input(), "input");
  }

  @Test
  void ttl_oneMillisecondBeforeFiveMinutes_readsPreviousPrompt() {
    call(0, 0, 1, 2_000, SONNET);
    assertSplit(0, 2_000, 0);
    call(5 * MIN - 1, 0, 1, 2_500, SONNET);
    assertSplit(2_000, 500, 0); // 2,500 = 2,000 read + 500 new content written
  }

  @Test
  void ttl_exactlyFiveMinutes_entryIsGone() {
    call(0, 0, 1, 2_000, SONNET);
    call(5 * MIN, 0, 1, 2_500, SONNET);
    assertSplit(0, 2_500, 0);
  }

  @Test
  void ttl_hitRefreshesEntry_aliveEightMinutesAfterWrite() {
    call(0, 0, 1, 2_000, SONNET);
    call(4 * MIN, 0, 1, 2_000, SONNET); // same prompt: a pure hit, refreshes to 9:00
    assertSplit(2_000, 0, 0);
    call(8 * MIN, 0, 1, 2_100, SONNET);
    assertSplit(2_000, 100, 0);
  }

  @Test
  void minCacheable_oneTokenShort_nothingCachedOrWritten() {
    call(0, 0, 1, 1_023, SONNET);
    assertSplit(0, 0, 1_023);
    call(1_000, 0, 1, 1_023, SONNET);
    assertSplit(0, 0, 1_023);
  }

  @Test
  void minCacheable_exactlyMinimum_isWritten() {
    call(0, 0, 1, 1_024, SONNET);
    assertSplit(0, 1_024, 0);
  }

  @Test
  void scope_otherOrganisation_rewritesWholePrompt() {
    call(0, 0, 1, 3_000, SONNET);
    call(1_000, 1, 1, 3_200, SONNET); // rotated to a profile in another organisation
    assertSplit(0, 3_200, 0);
    call(2_000, 0, 1, 3_400, SONNET); // back in the first one: its entry is still alive
    assertSplit(3_000, 400, 0);
  }

  @Test
  void systemPrefix_sharedAcrossSessions_readByNewSession() {
    // agent chain 100, S = 1,500; sessions 1 and 2 start in the same millisecond: both write
    cache.request(0, 1, 0, 0, 1, 100, 1_500, -1, 0, 2_000, SONNET, s, true);
    assertSplit(0, 2_000, 0);
    cache.request(0, 1, 0, 0, 2, 100, 1_500, -1, 0, 2_000, SONNET, s, true);
    assertSplit(0, 2_000, 0);
    // a third session 1 ms later reads the system prefix and writes only its own 700 tokens
    cache.request(1, 1, 0, 0, 3, 100, 1_500, -1, 0, 2_200, SONNET, s, true);
    assertSplit(1_500, 700, 0);
  }

  @Test
  void conversation_promptShrinks_readsOnlySystemPrefix() {
    cache.request(0, 1, 0, 0, 1, 100, 1_500, -1, 0, 9_000, SONNET, s, true);
    cache.request(1_000, 1, 0, 0, 1, 100, 1_500, -1, 0, 4_000, SONNET, s, true); // compacted
    assertSplit(1_500, 2_500, 0);
  }

  @Test
  void automatic_readsWhole64TokenUnitsAndNeverBillsWrites() {
    call(0, 0, 1, 1_000, DEEPSEEK);
    assertSplit(0, 0, 1_000);
    call(1_000, 0, 1, 1_500, DEEPSEEK);
    // 1,000 tokens cached as 15 units of 64 = 960; the other 540 are plain input
    assertSplit(960, 0, 540);
  }

  @Test
  void peek_withoutCommit_leavesCacheUnchanged() {
    cache.request(0, 1, 0, 0, 1, -1, 0, -1, 0, 2_000, SONNET, s, false);
    assertSplit(0, 2_000, 0);
    call(1_000, 0, 1, 2_000, SONNET); // nothing was stored by the peek: written again
    assertSplit(0, 2_000, 0);
  }

  @Test
  void entry_isReadableOnlyOnceItsWritersResponseBegins() {
    // session 1 writes the 1,500-token system prefix at 0; its first token comes at 2,000 ms
    cache.request(0, 2_000, 0, 0, 1, 100, 1_500, -1, 0, 2_000, SONNET, s, true);
    cache.request(1_999, 1, 0, 0, 2, 100, 1_500, -1, 0, 2_000, SONNET, s, true);
    assertSplit(0, 2_000, 0); // 1 ms before: not readable yet, written again
    cache.request(2_000, 1, 0, 0, 3, 100, 1_500, -1, 0, 2_000, SONNET, s, true);
    assertSplit(1_500, 500, 0); // at 2,000 ms: read
  }

  @Test
  void sweep_keepsEveryLiveEntry() {
    // 600 sessions write at 0 (dead at 5:00); one writes at 5:00.001 (alive until 10:00.001);
    // from 10:00 new sessions write until the table reaches 1,024 entries and is swept at 10:00.
    // The sweep must drop the 600 dead entries and keep every live one: afterwards, each live
    // session reads its whole 2,000-token entry.
    for (int i = 0; i < 600; i++) {
      call(0, 0, i, 2_000, SONNET);
    }
    call(5 * MIN + 1, 0, 10_000, 2_000, SONNET);
    for (int i = 600; i < 1_200; i++) {
      call(10 * MIN, 0, i, 2_000, SONNET);
    }
    assertEquals(true, cache.size() < 1_024, "swept: " + cache.size());
    call(10 * MIN, 0, 10_000, 2_100, SONNET);
    assertSplit(2_000, 100, 0);
    long read = 0;
    for (int i = 600; i < 1_200; i++) {
      call(11 * MIN, 0, i, 2_100, SONNET);
      read += s.read();
    }
    assertEquals(600 * 2_000L, read);
    call(11 * MIN, 0, 0, 2_100, SONNET); // a dead one: written again
    assertSplit(0, 2_100, 0);
  }

  @Test
  void expiredEntries_areSweptSoMemoryStaysBounded() {
    for (int i = 0; i < 5_000; i++) {
      call(i * 10 * MIN, 0, i, 2_000, SONNET); // each session's entry is dead before the next
    }
    assertEquals(true, cache.size() < 2_100, "size " + cache.size());
  }

  @Test
  void oauthPreamble_isItsOwnBreakpoint_readByAnotherSession() {
    // preamble chain 200 of 1,100 tokens, no system prefix: session 1 writes its 3,000-token
    // prompt and the 1,100 preamble entry; session 2, a second later, reads the preamble only
    cache.request(0, 1, 0, 0, 1, -1, 0, 200, 1_100, 3_000, SONNET, s, true);
    assertSplit(0, 3_000, 0);
    cache.request(1_000, 1, 0, 0, 2, -1, 0, 200, 1_100, 3_500, SONNET, s, true);
    assertSplit(1_100, 2_400, 0);
    // a preamble below the 1,024 minimum is never an entry of its own
    cache.request(2_000, 1, 0, 0, 3, -1, 0, 201, 1_000, 3_000, SONNET, s, true);
    cache.request(3_000, 1, 0, 0, 4, -1, 0, 201, 1_000, 3_000, SONNET, s, true);
    assertSplit(0, 3_000, 0);
  }

  @Test
  void preambleHit_isRefreshed_andAPreambleAsLongAsThePromptIsIgnored() {
    cache.request(0, 1, 0, 0, 1, -1, 0, 200, 1_100, 3_000, SONNET, s, true);
    cache.request(4 * MIN, 1, 0, 0, 2, -1, 0, 200, 1_100, 3_000, SONNET, s, true); // hit: to 9:00
    assertSplit(1_100, 1_900, 0);
    cache.request(8 * MIN, 1, 0, 0, 3, -1, 0, 200, 1_100, 3_000, SONNET, s, true);
    assertSplit(1_100, 1_900, 0);
    // preamble not below T: no breakpoint there
    cache.request(0, 1, 1, 0, 4, -1, 0, 202, 3_000, 3_000, SONNET, s, true);
    cache.request(1_000, 1, 1, 0, 5, -1, 0, 202, 3_000, 3_000, SONNET, s, true);
    assertSplit(0, 3_000, 0);
  }

  @Test
  void systemPrefix_hitIsRefreshed_andAPrefixAsLongAsThePromptIsIgnored() {
    cache.request(0, 1, 0, 0, 1, 100, 1_500, -1, 0, 2_000, SONNET, s, true);
    cache.request(4 * MIN, 1, 0, 0, 2, 100, 1_500, -1, 0, 2_000, SONNET, s, true); // to 9:00
    cache.request(8 * MIN, 1, 0, 0, 3, 100, 1_500, -1, 0, 2_000, SONNET, s, true);
    assertSplit(1_500, 500, 0);
    // S = T: no system breakpoint, so a new session cannot read it
    cache.request(0, 1, 1, 0, 4, 101, 2_000, -1, 0, 2_000, SONNET, s, true);
    cache.request(1_000, 1, 1, 0, 5, 101, 2_000, -1, 0, 2_000, SONNET, s, true);
    assertSplit(0, 2_000, 0);
    // a system prefix of another length than the entry is not a hit
    cache.request(2_000, 1, 0, 0, 6, 100, 1_600, -1, 0, 2_000, SONNET, s, true);
    assertSplit(0, 2_000, 0);
  }

  @Test
  void systemPrefix_belowMinimum_isNeverWritten() {
    cache.request(0, 1, 0, 0, 1, 100, 1_000, -1, 0, 2_000, SONNET, s, true);
    cache.request(1_000, 1, 0, 0, 2, 100, 1_000, -1, 0, 2_000, SONNET, s, true);
    assertSplit(0, 2_000, 0);
  }

  @Test
  void models_areSeparateCaches() {
    cache.request(0, 1, 0, 0, 1, -1, 0, -1, 0, 2_000, SONNET, s, true);
    cache.request(1_000, 1, 0, 1, 1, -1, 0, -1, 0, 2_500, SONNET, s, true); // other model
    assertSplit(0, 2_500, 0);
  }

  @Test
  void keys_outsideTheirRanges_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> call(0, -1, 1, 2_000, SONNET));
    assertThrows(IllegalArgumentException.class, () -> call(0, 0x1_0000, 1, 2_000, SONNET));
    assertThrows(IllegalArgumentException.class, () -> call(0, 0, -1, 2_000, SONNET));
    assertThrows(IllegalArgumentException.class, () -> call(0, 0, 0x1_0000_0000L, 2_000, SONNET));
    assertThrows(
        IllegalArgumentException.class,
        () -> cache.request(0, 1, 0, -1, 1, -1, 0, -1, 0, 2_000, SONNET, s, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> cache.request(0, 1, 0, 0x1_0000, 1, -1, 0, -1, 0, 2_000, SONNET, s, true));
    // the largest values are keys of their own
    call(0, 0xFFFF, 0xFFFF_FFFFL, 2_000, SONNET);
    call(1_000, 0xFFFF, 0xFFFF_FFFFL, 2_000, SONNET);
    assertSplit(2_000, 0, 0);
    cache.request(2_000, 1, 0, 0xFFFF, 0, -1, 0, -1, 0, 2_000, SONNET, s, true);
    assertSplit(0, 2_000, 0);
  }

  @Test
  void cachePolicy_rejectsImpossibleValues() {
    assertThrows(IllegalArgumentException.class, () -> new CachePolicy(-1, 1, MIN, true));
    assertThrows(IllegalArgumentException.class, () -> new CachePolicy(0, 0, MIN, true));
    assertThrows(IllegalArgumentException.class, () -> new CachePolicy(0, 1, 0, true));
    assertEquals(0, new CachePolicy(0, 1, 1, false).minCacheableTokens());
  }

  @Test
  void manyLiveEntries_growTheTableAndStayFindable() {
    for (int i = 0; i < 300; i++) {
      call(0, 0, i, 2_000 + i, SONNET);
    }
    long read = 0;
    for (int i = 0; i < 300; i++) {
      call(1_000, 0, i, 2_000 + i, SONNET);
      read += s.read();
    }
    // sum of 2,000 + i for i < 300 = 600,000 + 44,850
    assertEquals(644_850, read);
  }

  @Test
  void chainIdZero_isAValidSystemAndPreambleChain() {
    // system chain 0 (S = 1,500) and, on model 1, preamble chain 0 (P = 1,100)
    cache.request(0, 1, 0, 0, 1, 0, 1_500, -1, 0, 2_000, SONNET, s, true);
    cache.request(1_000, 1, 0, 0, 2, 0, 1_500, -1, 0, 2_000, SONNET, s, true);
    assertSplit(1_500, 500, 0);
    cache.request(0, 1, 0, 1, 1, -1, 0, 0, 1_100, 2_000, SONNET, s, true);
    cache.request(1_000, 1, 0, 1, 2, -1, 0, 0, 1_100, 2_000, SONNET, s, true);
    assertSplit(1_100, 900, 0);
  }

  @Test
  void breakpointAtTheWholePrompt_isNotASharedEntry() {
    // S = T = 2,000 writes no system entry: a later session with S = 2,000 < T = 2,500 cannot
    // read one
    cache.request(0, 1, 0, 0, 1, 100, 2_000, -1, 0, 2_000, SONNET, s, true);
    cache.request(1_000, 1, 0, 0, 2, 100, 2_000, -1, 0, 2_500, SONNET, s, true);
    assertSplit(0, 2_500, 0);
    // now the entry exists (written by session 2); S = T = 2,000 still does not look it up
    cache.request(2_000, 1, 0, 0, 3, 100, 2_000, -1, 0, 2_000, SONNET, s, true);
    assertSplit(0, 2_000, 0);
    // the same for the preamble (model 1)
    cache.request(0, 1, 0, 1, 1, -1, 0, 200, 2_000, 2_000, SONNET, s, true);
    cache.request(1_000, 1, 0, 1, 2, -1, 0, 200, 2_000, 2_500, SONNET, s, true);
    assertSplit(0, 2_500, 0);
    cache.request(2_000, 1, 0, 1, 3, -1, 0, 200, 2_000, 2_000, SONNET, s, true);
    assertSplit(0, 2_000, 0);
  }

  @Test
  void entriesOfExactlyTheMinimum_areWrittenAndRead() {
    call(0, 0, 1, 1_024, SONNET);
    call(1_000, 0, 1, 1_100, SONNET);
    assertSplit(1_024, 76, 0);
    cache.request(0, 1, 0, 1, 1, 100, 1_024, -1, 0, 2_000, SONNET, s, true);
    cache.request(1_000, 1, 0, 1, 2, 100, 1_024, -1, 0, 2_000, SONNET, s, true);
    assertSplit(1_024, 976, 0);
    cache.request(0, 1, 0, 2, 1, -1, 0, 200, 1_024, 2_000, SONNET, s, true);
    cache.request(1_000, 1, 0, 2, 2, -1, 0, 200, 1_024, 2_000, SONNET, s, true);
    assertSplit(1_024, 976, 0);
  }

  @Test
  void pureHit_keepsTheEntryReadable_itIsNotWrittenAgain() {
    // first token after 2 s: the entry is readable from 2,000 ms. A pure hit at 5,000 ms
    // refreshes its TTL but writes nothing, so it stays readable at 6,000 ms.
    cache.request(0, 2_000, 0, 0, 1, -1, 0, -1, 0, 2_000, SONNET, s, true);
    cache.request(5_000, 2_000, 0, 0, 1, -1, 0, -1, 0, 2_000, SONNET, s, true);
    assertSplit(2_000, 0, 0);
    cache.request(6_000, 2_000, 0, 0, 1, -1, 0, -1, 0, 2_000, SONNET, s, true);
    assertSplit(2_000, 0, 0);
  }

  @Test
  void size_countsOneEntryPerPrefix() {
    assertEquals(0, cache.size());
    cache.request(0, 1, 0, 0, 1, 100, 1_500, -1, 0, 2_000, SONNET, s, true); // session + system
    call(0, 0, 2, 2_000, SONNET);
    assertEquals(3, cache.size());
  }

  @Test
  void sweep_runsWhenTheTableReaches1024Entries_notBefore() {
    // The documented memory bound: expired entries stay counted until the table reaches the
    // sweep mark (1,024 at first). 1,000 sessions write at 0:00 (dead at 5:00); at 10:00, 23 more
    // make 1,023 entries, no sweep yet; the 24th makes 1,024, the sweep runs and leaves the 24
    // live ones.
    for (int i = 0; i < 1_000; i++) {
      call(0, 0, i, 2_000, SONNET);
    }
    for (int i = 1_000; i < 1_023; i++) {
      call(10 * MIN, 0, i, 2_000, SONNET);
    }
    assertEquals(1_023, cache.size());
    call(10 * MIN, 0, 1_023, 2_000, SONNET);
    assertEquals(24, cache.size());
  }

  @Test
  void sweep_nextMarkIsTwiceTheEntriesLeft() {
    // 1,024 live sessions at 0:00: the sweep at 1,024 keeps them all, so the next mark is 2,048.
    // At 10:00 (all dead) new sessions are added: 1,025 to 2,047 entries without a sweep, and at
    // 2,048 the sweep leaves only the 1,024 written at 10:00.
    for (int i = 0; i < 1_024; i++) {
      call(0, 0, i, 2_000, SONNET);
    }
    assertEquals(1_024, cache.size());
    call(10 * MIN, 0, 5_000, 2_000, SONNET);
    assertEquals(1_025, cache.size());
    for (int i = 5_001; i < 6_023; i++) {
      call(10 * MIN, 0, i, 2_000, SONNET);
    }
    assertEquals(2_047, cache.size());
    call(10 * MIN, 0, 6_023, 2_000, SONNET);
    assertEquals(1_024, cache.size());
  }

  @Test
  void prefixRoundedDownToNothing_isNeverAnEntry() {
    // automatic caching in 64-token units with no minimum: a 10-token system prefix (or preamble)
    // rounds down to 0 tokens, which is not a prefix worth an entry; the 2,000-token prompt is
    // one entry of 1,984 tokens (31 units of 64).
    CachePolicy units = new CachePolicy(0, 64, 60 * MIN, false);
    cache.request(0, 1, 0, 0, 1, 100, 10, -1, 0, 2_000, units, s, true);
    assertEquals(1, cache.size());
    cache.request(0, 1, 0, 1, 1, -1, 0, 200, 10, 2_000, units, s, true);
    assertEquals(2, cache.size());
    cache.request(1_000, 1, 0, 0, 1, 100, 10, -1, 0, 2_000, units, s, true);
    assertSplit(1_984, 0, 16);
  }

  @Test
  void table_removeExpired_dropsAnEntryExpiringExactlyNow() {
    // "alive while now < expiresAt": an entry expiring at 1,000 is gone in a sweep at 1,000; one
    // expiring at 1,001 stays with its four values.
    EntryTable table = new EntryTable();
    int a = table.insert(7);
    table.expiresAt[a] = 1_000;
    int b = table.insert(8);
    table.length[b] = 3_000;
    table.readableAt[b] = 5;
    table.expiresAt[b] = 1_001;
    table.ttl[b] = 300_000;
    table.removeExpired(1_000);
    assertEquals(1, table.size());
    assertEquals(-1, table.find(7));
    int kept = table.find(8);
    assertEquals(3_000, table.length[kept]);
    assertEquals(5, table.readableAt[kept]);
    assertEquals(1_001, table.expiresAt[kept]);
    assertEquals(300_000, table.ttl[kept]);
  }
}
