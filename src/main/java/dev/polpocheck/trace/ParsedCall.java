package dev.polpocheck.trace;

/**
 * A call as a reader parsed it, with what deduplication needs.
 *
 * @param call the call
 * @param line where it was found
 * @param key hash of (message id, request id), or 0 when the record has no id (never deduplicated)
 * @param idKey hash of the message id alone (sidechain fallback), or 0
 * @param sidechain true for Claude Code sidechain records (side questions, replays)
 * @param speed true when the record carries a {@code speed} field (ccusage's last tie-break)
 */
record ParsedCall(Call call, long line, long key, long idKey, boolean sidechain, boolean speed) {

  /** Total tokens: the "most complete" measure among duplicates. */
  long totalTokens() {
    return call.inputTokens()
        + call.outputTokens()
        + call.cacheReadTokens()
        + call.cacheWriteTokens();
  }

  /**
   * True when this record should replace {@code other} as the survivor of a duplicate group:
   * non-sidechain over sidechain, then more tokens, then higher recorded cost, then the one that
   * carries {@code speed} (ccusage's order); on a full tie the earlier record stays.
   */
  boolean beats(ParsedCall other) {
    if (sidechain != other.sidechain) {
      return !sidechain;
    }
    if (totalTokens() != other.totalTokens()) {
      return totalTokens() > other.totalTokens();
    }
    if (call.recordedCostPicos() != other.call.recordedCostPicos()) {
      return call.recordedCostPicos() > other.call.recordedCostPicos();
    }
    return speed && !other.speed;
  }
}
