package dev.polpocheck.sim.limits;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Anthropic's rate limits as token buckets: one RPM, one ITPM and one OTPM bucket per
 * (organisation, model class), refilled continuously (anthropic-and-peers.md §4.4), and one more
 * set per (workspace, model class) for a workspace with its own limits.
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

  // Plain arrays, not lists, for what every request reads: one load fewer per look-up.
  /** Bucket sets by scope name (organisation, or organisation + workspace) and model class. */
  private final Map<String, Integer> scopes = new HashMap<>();
  private TokenBucket[][] buckets = new TokenBucket[4][]; // the first scopes.size() are set
  /** Per key: the bucket sets a request must fit, the organisation's first. */
  private final Map<String, Integer> keys = new HashMap<>();
  private int[][] groups = new int[4][]; // the first keys.size() are set
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
    return key(organisation, modelClass, spec, null, LimitSpec.UNLIMITED);
  }

  /**
   * The key of a request from {@code workspace} of {@code organisation}: it must fit both the
   * organisation's buckets ({@code spec}) and, when {@code workspaceSpec} sets any limit, the
   * workspace's own ones. A workspace's limits are overrides set per rate-limit group "alongside"
   * the organisation's: "A value above the organization's own limit is stored, but the
   * organization limit still applies, so the lower of the two is enforced"
   * (https://platform.claude.com/docs/en/api/java/organization/workspaces/rate_limits/update).
   * Keys of one workspace share its buckets; every workspace shares the organisation's.
   */
  public int key(
      String organisation,
      String modelClass,
      LimitSpec spec,
      String workspace,
      LimitSpec workspaceSpec) {
    boolean own = workspace != null && !workspaceSpec.unlimited();
    String k = organisation + '\u0000' + modelClass + (own ? '\u0000' + workspace : "");
    Integer existing = keys.get(k);
    if (existing != null) {
      return existing;
    }
    int org = scope(organisation + '\u0000' + modelClass, spec);
    int[] group = own ? new int[] {org, scope(k + '\u0001', workspaceSpec)} : new int[] {org};
    int id = keys.size();
    if (id == groups.length) {
      groups = Arrays.copyOf(groups, 2 * id);
    }
    groups[id] = group;
    keys.put(k, id);
    return id;
  }

  private int scope(String name, LimitSpec spec) {
    Integer existing = scopes.get(name);
    if (existing != null) {
      return existing;
    }
    int id = scopes.size();
    if (id == buckets.length) {
      buckets = Arrays.copyOf(buckets, 2 * id);
    }
    buckets[id] =
        new TokenBucket[] {
          spec.rpm() == 0 ? null : new TokenBucket(spec.rpm(), MINUTE, start),
          spec.itpm() == 0 ? null : new TokenBucket(spec.itpm(), MINUTE, start),
          spec.otpm() == 0 ? null : new TokenBucket(spec.otpm(), MINUTE, start)
        };
    scopes.put(name, id);
    return id;
  }

  /**
   * Admits a request at {@code now} or tells how long to wait. With a workspace's own limits the
   * request must fit both scopes at once; the wait is the longest over every bucket, so a
   * workspace's 429 is the same as an organisation's (same {@code retry-after} rule).
   *
   * @param key from {@link #key}
   * @param inputNeed counted input tokens
   * @param outputNeed the output reservation ({@code max_tokens})
   * @return 0 when admitted (the buckets are charged), else the retry-after in ms (a whole number
   *     of seconds, at least 1,000)
   */
  public long tryAdmit(int key, long inputNeed, long outputNeed, long now) {
    int[] group = groups[key];
    long wait = 0;
    for (int g : group) {
      wait = Math.max(wait, waitMillis(buckets[g], inputNeed, outputNeed, now));
    }
    if (wait > 0) {
      return Math.max(1_000L, (wait + 999) / 1_000 * 1_000);
    }
    boolean clamped = false;
    for (int g : group) {
      clamped |= take(buckets[g], inputNeed, outputNeed, now);
    }
    if (clamped) {
      oversized++;
    }
    return 0;
  }

  private static long waitMillis(TokenBucket[] b, long inputNeed, long outputNeed, long now) {
    long wait = 0;
    if (b[0] != null) {
      wait = b[0].waitMillis(clamp(b[0], 1), now);
    }
    if (b[1] != null) {
      wait = Math.max(wait, b[1].waitMillis(clamp(b[1], inputNeed), now));
    }
    if (b[2] != null) {
      wait = Math.max(wait, b[2].waitMillis(clamp(b[2], outputNeed), now));
    }
    return wait;
  }

  /** Charges one scope's buckets; true when a need was clamped to a whole bucket. */
  private static boolean take(TokenBucket[] b, long inputNeed, long outputNeed, long now) {
    long in = clamp(b[1], inputNeed);
    long out = clamp(b[2], outputNeed);
    if (b[0] != null) {
      b[0].take(clamp(b[0], 1), now);
    }
    if (b[1] != null) {
      b[1].take(in, now);
    }
    if (b[2] != null) {
      b[2].take(out, now);
    }
    return in < inputNeed || out < outputNeed;
  }

  /**
   * Gives back the unused part of an output reservation when the response ends: what was taken for
   * {@code reserved} (clamped to the bucket) minus the {@code actual} output.
   */
  public void refundOutput(int key, long reserved, long actual, long now) {
    for (int g : groups[key]) {
      TokenBucket otpm = buckets[g][2];
      if (otpm != null) {
        long taken = Math.min(reserved, otpm.capacity());
        long back = taken - Math.min(actual, taken);
        if (back > 0) {
          otpm.refund(back, now);
        }
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
