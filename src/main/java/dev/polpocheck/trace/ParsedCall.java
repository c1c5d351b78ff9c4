package dev.polpocheck.trace;

/**
 * A call as a reader parsed it, with what deduplication needs. Public and serializable for
 * readers that elect the surviving copies across files themselves ({@code polpo-check-spark}'s
 * keyed shuffle, with {@link Winners}' rules).
 *
 * @param call the call
 * @param line where it was found
 * @param key hash of (message id, request id), or 0 when the record has no id (never deduplicated)
 * @param idKey hash of the message id alone (sidechain fallback), or 0
 * @param sidechain true for Claude Code sidechain records (side questions, replays)
 * @param speed true when the record carries a {@code speed} field (ccusage's last tie-break)
 */
public record ParsedCall(
    Call call, long line, long key, long idKey, boolean sidechain, boolean speed)
    implements java.io.Serializable {

  /** Total tokens: the "most complete" measure among duplicates. */
  long totalTokens() {
    return call.inputTokens()
        + call.outputTokens()
        + call.cacheReadTokens()
        + call.cacheWriteTokens();
  }

  /**
   * True when this record should replace {@code other} as the survivor of a duplicate group (see
   * {@link Rank#beats}); on a full tie the earlier record stays.
   */
  public boolean beats(ParsedCall other) {
    return rank().beats(other.rank());
  }

  /** What decides which copy of a call survives, without the call itself. */
  Rank rank() {
    boolean split =
        call.cacheWriteUnsplitTokens() == 0
            && call.cacheWrite5mTokens() + call.cacheWrite1hTokens() > 0;
    return new Rank(sidechain, totalTokens(), split, call.recordedCostPicos(), speed);
  }

  /**
   * The completeness of a copy: non-sidechain over sidechain, then more tokens, then a 5m/1h split
   * over writes without one (the split prices exactly, the other needs an assumption), then the
   * higher recorded cost, then the one that carries {@code speed} (ccusage's order, with the split
   * added).
   */
  record Rank(boolean sidechain, long tokens, boolean split, long recorded, boolean speed) {
    boolean beats(Rank o) {
      if (sidechain != o.sidechain) {
        return !sidechain;
      }
      if (tokens != o.tokens) {
        return tokens > o.tokens;
      }
      if (split != o.split) {
        return split;
      }
      if (recorded != o.recorded) {
        return recorded > o.recorded;
      }
      return speed && !o.speed;
    }
  }
}
