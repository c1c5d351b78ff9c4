package dev.polpocheck.sim.limits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's rate limits as token buckets: one RPM, one ITPM and one OTPM bucket per
 * (organisation, model class), refilled continuously (anthropic-and-peers.md §4.4).
 *
 * <p>A request needs 1 request, its counted input (uncached input + cache writes, + cache reads on
 * dagger models) and {@code max_tokens} of output, all at once; the output reservation is refunded
 * down to the real output when the response ends. A request that does not fit gets a 429 whose
 * {@code retry-after} is the longest wait over the three buckets, rounded up to whole seconds and
 * at least one second.
 *
 * <p>How Anthropic treats a request whose need exceeds a whole bucket (say {@code max_tokens}
 * 64,000 against an 8,000 OTPM tier) is not published. Waiting for it would loop forever, so such a
 * need is clamped to the bucket's capacity (admitted when the bucket is full) and counted in {@link
 * #oversizedRequests()} for the report to flag.
 */
public final class RateLimiter {
  private static final long MINUTE = 60_000L;

  private final Map<String, Integer> keys = new HashMap<>();
  private final List<TokenBucket[]> buckets = new ArrayList<>();
  private final long start;
  private long oversized;

  /** Limiter whose buckets start full at {@code start} (epoch ms). */
  public RateLimiter(long start) {
    this.start = start;
  }

  /**
   * The key of the buckets of one organisation and model class, created on first use.
   *
   * @return a small int to pass to {@link #tryAdmit} and {@link #refundOutput}
   */
  public int key(String organisation, String modelClass, LimitSpec spec) {
    String k = organisation + '\u0000' + modelClass;
    Integer existing = keys.get(k);
    if (existing != null) {
      return existing;
    }
    int id = buckets.size();
    buckets.add(
        new TokenBucket[] {
          spec.rpm() == 0 ? null : new TokenBucket(spec.rpm(), MINUTE, start),
          spec.itpm() == 0 ? null : new TokenBucket(spec.itpm(), MINUTE, start),
          spec.otpm() == 0 ? null : new TokenBucket(spec.otpm(), MINUTE, start)
        });
    keys.put(k, id);
    return id;
  }

  /**
   * Admits a request at {@code now} or tells how long to wait.
   *
   * @param key from {@link #key}
   * @param inputNeed counted input tokens
   * @param outputNeed the output reservation ({@code max_tokens})
   * @return 0 when admitted (the buckets are charged), else the retry-after in ms (a whole number
   *     of seconds, at least 1,000)
   */
  public long tryAdmit(int key, long inputNeed, long outputNeed, long now) {
    TokenBucket[] b = buckets.get(key);
    long req = clamp(b[0], 1);
    long in = clamp(b[1], inputNeed);
    long out = clamp(b[2], outputNeed);
    long wait = 0;
    if (b[0] != null) {
      wait = Math.max(wait, b[0].waitMillis(req, now));
    }
    if (b[1] != null) {
      wait = Math.max(wait, b[1].waitMillis(in, now));
    }
    if (b[2] != null) {
      wait = Math.max(wait, b[2].waitMillis(out, now));
    }
    if (wait > 0) {
      return Math.max(1_000L, (wait + 999) / 1_000 * 1_000);
    }
    if (in < inputNeed || out < outputNeed) {
      oversized++;
    }
    if (b[0] != null) {
      b[0].take(req, now);
    }
    if (b[1] != null) {
      b[1].take(in, now);
    }
    if (b[2] != null) {
      b[2].take(out, now);
    }
    return 0;
  }

  /**
   * Gives back the unused part of an output reservation when the response ends: what was taken for
   * {@code reserved} (clamped to the bucket) minus the {@code actual} output.
   */
  public void refundOutput(int key, long reserved, long actual, long now) {
    TokenBucket otpm = buckets.get(key)[2];
    if (otpm != null) {
      long taken = Math.min(reserved, otpm.capacity());
      long back = taken - Math.min(actual, taken);
      if (back > 0) {
        otpm.refund(back, now);
      }
    }
  }

  /** Requests admitted with a need larger than a whole bucket (clamped; see the class comment). */
  public long oversizedRequests() {
    return oversized;
  }

  private static long clamp(TokenBucket b, long need) {
    return b == null ? need : Math.min(need, b.capacity());
  }
}
