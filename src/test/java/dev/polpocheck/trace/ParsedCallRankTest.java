package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects which copy of a billed call survives deduplication (README "Deduplication", ccusage's
 * order plus the TTL split): a main copy over a sidechain one, then more tokens (every token
 * kind counts), then a 5m/1h split over unsplit writes, then the higher recorded cost, then the
 * copy that carries {@code speed}; on a full tie neither beats the other, so the earlier stays.
 */
class ParsedCallRankTest {

  /** A copy with the given token counts, recorded cost and flags. */
  private static ParsedCall copy(
      long in, long out, long read, long w5, long w1, long unsplit, long recorded,
      boolean sidechain, boolean speed) {
    Call c =
        new Call(1, "s", "a", CallerRole.AGENT, "anthropic", "claude-opus-4-6", in, out, read, w5,
            w1, unsplit, null, CallStatus.OK, -1, recorded, false);
    return new ParsedCall(c, 1, 42, 43, sidechain, speed);
  }

  private static ParsedCall tokens(long in, long out, long read, long unsplit) {
    return copy(in, out, read, 0, 0, unsplit, -1, false, false);
  }

  private static void strictlyBeats(ParsedCall winner, ParsedCall loser) {
    assertTrue(winner.beats(loser), winner + " should beat " + loser);
    assertFalse(loser.beats(winner), loser + " should not beat " + winner);
  }

  @Test
  void mainCopy_beatsASidechainCopy_evenWithFewerTokens() {
    strictlyBeats(
        copy(1, 1, 0, 0, 0, 0, -1, false, false), copy(100, 100, 0, 0, 0, 0, -1, true, false));
  }

  @Test
  void moreTokens_winsWhateverKindTheyAre() {
    // totals: 10+1+0+0 = 11 against 10+1+0+0 plus 5 of one kind = 16
    ParsedCall base = tokens(10, 1, 0, 0);
    strictlyBeats(tokens(15, 1, 0, 0), base);
    strictlyBeats(tokens(10, 6, 0, 0), base);
    strictlyBeats(tokens(10, 1, 5, 0), base);
    strictlyBeats(tokens(10, 1, 0, 5), base);
    strictlyBeats(copy(10, 1, 0, 0, 5, 0, -1, false, false), base);
    // the streaming line with too few output tokens loses to the final line of the message
    strictlyBeats(tokens(3, 250, 0, 0), tokens(3, 1, 0, 0));
  }

  @Test
  void sameTotal_aSplitOfWritesBeatsUnsplitWrites_eitherTtl() {
    ParsedCall unsplit = copy(1, 1, 0, 0, 0, 20, -1, false, false);
    strictlyBeats(copy(1, 1, 0, 20, 0, 0, -1, false, false), unsplit);
    strictlyBeats(copy(1, 1, 0, 0, 20, 0, -1, false, false), unsplit);
    strictlyBeats(copy(1, 1, 0, 5, 15, 0, -1, false, false), unsplit);
    // No writes at all is no split: same total, nothing else differs -> a tie, neither beats.
    ParsedCall noWrites = copy(21, 1, 0, 0, 0, 0, -1, false, false);
    assertFalse(noWrites.beats(unsplit));
    assertFalse(unsplit.beats(noWrites));
  }

  @Test
  void sameTokensAndSplit_higherRecordedCostThenSpeedWin_aFullTieKeepsTheEarlier() {
    strictlyBeats(
        copy(1, 1, 0, 0, 0, 0, 500, false, false), copy(1, 1, 0, 0, 0, 0, 400, false, false));
    strictlyBeats(
        copy(1, 1, 0, 0, 0, 0, 0, false, false), copy(1, 1, 0, 0, 0, 0, -1, false, false));
    strictlyBeats(
        copy(1, 1, 0, 0, 0, 0, -1, false, true), copy(1, 1, 0, 0, 0, 0, -1, false, false));
    ParsedCall a = copy(1, 1, 0, 0, 0, 0, 7, true, true);
    ParsedCall b = copy(1, 1, 0, 0, 0, 0, 7, true, true);
    assertFalse(a.beats(b));
    assertFalse(b.beats(a));
  }

  @Test
  void acrossFiles_aSidechainCallWithoutAnyMainCopy_isDelivered() {
    // Winners: a sidechain record whose message no main record has is the call itself.
    ParsedCall side = new ParsedCall(tokens(1, 1, 0, 0).call(), 1, 7, 8, true, false);
    ParsedCall main = new ParsedCall(tokens(2, 2, 0, 0).call(), 1, 9, 10, false, false);
    Winners w = new Winners();
    w.offer(side, 0, 0);
    w.offer(main, 1, 0);
    List<Boolean> delivered = new ArrayList<>(List.of(w.wins(side, 0, 0), w.wins(main, 1, 0)));
    assertEquals(List.of(true, true), delivered);
    // its replay as a main record of the same message (idKey 8) in a later file takes its place
    ParsedCall replayedAsMain = new ParsedCall(tokens(1, 1, 0, 0).call(), 1, 11, 8, false, false);
    w.offer(replayedAsMain, 2, 0);
    assertFalse(w.wins(side, 0, 0));
    assertTrue(w.wins(replayedAsMain, 2, 0));
  }
}
