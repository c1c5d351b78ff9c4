package dev.polpocheck.sim;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallColumns;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Time-ordered calls read through a {@link CallColumns.Cursor}: sessions are numbered in order of
 * first appearance (one map look-up per call), and each call is its own recorded call. Calls that
 * come as {@link CallColumns} already are read through their own cursor instead.
 */
final class NumberedCalls {
  private NumberedCalls() {}

  /** A cursor over {@code ordered}. */
  static CallColumns.Cursor cursor(Iterable<Call> ordered) {
    if (ordered instanceof CallColumns columns) {
      return columns.cursor();
    }
    Iterator<Call> it = ordered.iterator();
    Map<String, Integer> numbers = new HashMap<>();
    return new CallColumns.Cursor() {
      private Call current;
      private int session;

      @Override
      public boolean advance() {
        if (!it.hasNext()) {
          current = null;
          return false;
        }
        current = it.next();
        Integer n = numbers.get(current.session());
        if (n == null) { // a new session: the only boxing, once per session
          n = numbers.size();
          numbers.put(current.session(), n);
        }
        session = n;
        return true;
      }

      @Override
      public long startMillis() {
        return current.timestampMillis();
      }

      @Override
      public int session() {
        return session;
      }

      @Override
      public Call recorded() {
        return current;
      }
    };
  }
}
