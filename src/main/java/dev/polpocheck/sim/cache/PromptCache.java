package dev.polpocheck.sim.cache;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The provider's prompt cache: per (cache scope, model), a set of cached prefixes {length,
 * expiresAt}, following anthropic-and-peers.md §3.4.
 *
 * <p>Prefixes are identified by <em>chains</em>: the conversation of one session (each call's
 * prompt extends the previous call's, so one entry per session and scope suffices: the newest,
 * longest one) and the shared system prefix of one agent (tools + system prompt, the same for all
 * its sessions), plus, for OAuth, the Claude Code preamble block. A request with total prompt
 * {@code T} has breakpoints at the agent's system prefix {@code S}, at {@code T} (Polpo marks the
 * last user message; in an agent loop that is the end of the prompt) and, for OAuth, at the
 * preamble. Then:
 *
 * <pre>
 * hit   = the longest live entry among its chains that is a prefix of T and was written by a
 *         request that started strictly before now (parallel requests each pay their own write)
 * read  = hit (rounded down to the granularity)
 * write = explicit and T >= minCacheable ? T - hit : 0
 * input = T - read - write
 * every live entry hit is refreshed to now + its TTL; entries are created at T and at S (and the
 * preamble) when they reach the minimum cacheable length
 * </pre>
 *
 * An entry is alive while {@code now < expiresAt}: written at 0:00 with a 5-minute TTL, it is gone
 * at exactly 5:00. A prompt shorter than its session's entry is a rewritten conversation (e.g.
 * after compaction): only the system prefix can be read then. Memory stays bounded by the live
 * entries: expired ones are swept whenever the table has doubled since the last sweep.
 *
 * <p>Not thread-safe: one instance per simulation run.
 */
public final class PromptCache {
  private static final class Entry {
    long length;
    long writtenAt;
    long expiresAt;
    long ttl;
  }

  private final Map<Long, Entry> entries = new HashMap<>();
  private int sweepAt = 1_024;

  /**
   * Splits one request's prompt and updates the cache.
   *
   * @param now request start, ms
   * @param scope cache scope id (organisation / workspace), 0..65535
   * @param model model id, 0..65535
   * @param conversation the session's chain id (non-negative)
   * @param system the agent's system chain id, or -1 when the request has no system breakpoint
   * @param systemTokens S, the shared system prefix (ignored when 0 or not below T)
   * @param preamble the OAuth preamble chain id, or -1 (API key)
   * @param preambleTokens length of the prefix up to the OAuth preamble block
   * @param promptTokens T, the whole prompt
   * @param policy how this model caches
   * @param out receives the split
   * @param commit false to only compute the split (the cache is left as it was), true to also
   *     refresh the entries hit and create the new ones
   */
  public void request(
      long now,
      int scope,
      int model,
      long conversation,
      long system,
      long systemTokens,
      long preamble,
      long preambleTokens,
      long promptTokens,
      CachePolicy policy,
      CacheSplit out,
      boolean commit) {
    long t = promptTokens;
    long hit = 0;
    Entry conv = live(key(scope, model, conversation), now);
    if (conv != null && conv.length <= t) {
      hit = conv.length;
      if (commit) {
        conv.expiresAt = now + conv.ttl;
      }
    }
    Entry sys = null;
    if (system >= 0 && systemTokens > 0 && systemTokens < t) {
      sys = live(key(scope, model, system), now);
      if (sys != null && sys.length == unit(systemTokens, policy)) {
        hit = Math.max(hit, sys.length);
        if (commit) {
          sys.expiresAt = now + sys.ttl;
        }
      } else {
        sys = null;
      }
    }
    Entry pre = null;
    if (preamble >= 0 && preambleTokens > 0 && preambleTokens < t) {
      pre = live(key(scope, model, preamble), now);
      if (pre != null && pre.length == unit(preambleTokens, policy)) {
        hit = Math.max(hit, pre.length);
        if (commit) {
          pre.expiresAt = now + pre.ttl;
        }
      } else {
        pre = null;
      }
    }
    long cachedT = unit(t, policy);
    long read = hit;
    long write = policy.explicitWrites() && cachedT >= policy.minCacheableTokens() ? t - hit : 0;
    out.read = read;
    out.write = write;
    out.input = t - read - write;
    if (!commit) {
      return;
    }

    if (cachedT >= policy.minCacheableTokens() && cachedT > hit) {
      put(key(scope, model, conversation), cachedT, now, policy.ttlMillis());
    }
    if (sys == null && system >= 0 && systemTokens > 0 && systemTokens < t) {
      long s = unit(systemTokens, policy);
      if (s >= policy.minCacheableTokens() && s > 0) {
        put(key(scope, model, system), s, now, policy.ttlMillis());
      }
    }
    if (pre == null && preamble >= 0 && preambleTokens > 0 && preambleTokens < t) {
      long p = unit(preambleTokens, policy);
      if (p >= policy.minCacheableTokens() && p > 0) {
        put(key(scope, model, preamble), p, now, policy.ttlMillis());
      }
    }
    if (entries.size() >= sweepAt) {
      sweep(now);
    }
  }

  /** Live entries right now (for tests and memory reports). */
  public int size() {
    return entries.size();
  }

  private Entry live(long key, long now) {
    Entry e = entries.get(key);
    return e != null && now < e.expiresAt && e.writtenAt < now ? e : null;
  }

  private void put(long key, long length, long now, long ttl) {
    Entry e = entries.get(key);
    if (e == null) {
      e = new Entry();
      entries.put(key, e);
    }
    e.length = length;
    e.writtenAt = now;
    e.expiresAt = now + ttl;
    e.ttl = ttl;
  }

  private void sweep(long now) {
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      if (it.next().expiresAt <= now) {
        it.remove();
      }
    }
    sweepAt = Math.max(1_024, entries.size() * 2);
  }

  private static long unit(long tokens, CachePolicy p) {
    return tokens / p.granularity() * p.granularity();
  }

  private static long key(int scope, int model, long chain) {
    if (scope < 0 || scope > 0xFFFF || model < 0 || model > 0xFFFF || chain < 0 || chain > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("cache key out of range");
    }
    return ((long) scope << 48) | ((long) model << 32) | chain;
  }
}
