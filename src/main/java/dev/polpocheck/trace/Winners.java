package dev.polpocheck.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * The election of one copy per billed call across every file of a read: the most complete copy wins
 * wherever it is ({@link ParsedCall.Rank}), not the first file's. A copy without an id is never
 * merged.
 *
 * <p>Groups: a main record belongs to the group of its (message id, request id) key; a sidechain
 * record to the group of its message id alone, which any main record of that message beats (side
 * questions replay parent messages under new request ids). Memory: one small entry per call with an
 * id (about 90 bytes).
 */
final class Winners {
  private record Best(int file, int pos, ParsedCall.Rank rank) {}

  private final Map<Long, Best> main = new HashMap<>();
  private final Map<Long, Best> side = new HashMap<>();
  private final LongHashSet mainIds = new LongHashSet();

  /** Offers the copy at position {@code pos} of file {@code file}; files come in path order. */
  void offer(ParsedCall c, int file, int pos) {
    if (c.key() == 0) {
      return;
    }
    Map<Long, Best> groups = group(c);
    long k = groupKey(c);
    Best b = groups.get(k);
    ParsedCall.Rank r = c.rank();
    if (b == null || r.beats(b.rank())) {
      groups.put(k, new Best(file, pos, r));
    }
    if (!c.sidechain() && c.idKey() != 0) {
      mainIds.add(c.idKey());
    }
  }

  /** True when the copy at {@code (file, pos)} is the one delivered for its call. */
  boolean wins(ParsedCall c, int file, int pos) {
    if (c.key() == 0) {
      return true;
    }
    if (isSide(c) && mainIds.contains(c.idKey())) {
      return false;
    }
    Best b = group(c).get(groupKey(c));
    return b != null && b.file() == file && b.pos() == pos;
  }

  private static boolean isSide(ParsedCall c) {
    return c.sidechain() && c.idKey() != 0;
  }

  private Map<Long, Best> group(ParsedCall c) {
    return isSide(c) ? side : main;
  }

  private static long groupKey(ParsedCall c) {
    return isSide(c) ? c.idKey() : c.key();
  }
}
