package dev.polpocheck.sim.cache;

import java.util.Arrays;

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
 * hit   = the longest live entry among its chains that is a prefix of T and is readable: its
 *         writer's response has begun (parallel requests sent before that each pay their own
 *         write)
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
  private final EntryTable table = new EntryTable();
  private int sweepAt = 1_024;
  /** Bumped by every change to the table, so a remembered look-up knows it is still valid. */
  private long version;
  // The live slots the last request found for its three chains, and what for: the replay asks
  // once before admission (commit false) and again, with the same arguments, to commit, and the
  // second request reuses the first one's look-ups.
  private final long[] foundKey = {-1, -1, -1};
  private final int[] foundSlot = new int[3];
  private long foundNow;
  private long foundVersion = -1;

  /**
   * Splits one request's prompt and updates the cache.
   *
   * @param now request start, ms
   * @param firstToken ms from now to this response's first token, when what it writes becomes
   *     readable (at least 1 ms is used: a request never reads its own write)
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
      long firstToken,
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
    int conv = live(0, key(scope, model, conversation), now);
    if (conv >= 0 && table.length[conv] <= t) {
      hit = table.length[conv];
      if (commit) {
        table.expiresAt[conv] = now + table.ttl[conv];
      }
    }
    boolean sysHit = false;
    if (system >= 0 && systemTokens > 0 && systemTokens < t) {
      int sys = live(1, key(scope, model, system), now);
      if (sys >= 0 && table.length[sys] == unit(systemTokens, policy)) {
        sysHit = true;
        hit = Math.max(hit, table.length[sys]);
        if (commit) {
          table.expiresAt[sys] = now + table.ttl[sys];
        }
      }
    }
    boolean preHit = false;
    if (preamble >= 0 && preambleTokens > 0 && preambleTokens < t) {
      int pre = live(2, key(scope, model, preamble), now);
      if (pre >= 0 && table.length[pre] == unit(preambleTokens, policy)) {
        preHit = true;
        hit = Math.max(hit, table.length[pre]);
        if (commit) {
          table.expiresAt[pre] = now + table.ttl[pre];
        }
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
    // new entries and a sweep below; the refreshes above change only the entries they hit, never
    // the slot or the liveness another chain's look-up found, so they need no bump before here
    version++;
    long readable = now + Math.max(1, firstToken);

    if (cachedT >= policy.minCacheableTokens() && cachedT > hit) {
      put(key(scope, model, conversation), cachedT, now, readable, policy.ttlMillis());
    }
    if (!sysHit && system >= 0 && systemTokens > 0 && systemTokens < t) {
      long s = unit(systemTokens, policy);
      if (s >= policy.minCacheableTokens() && s > 0) {
        put(key(scope, model, system), s, now, readable, policy.ttlMillis());
      }
    }
    if (!preHit && preamble >= 0 && preambleTokens > 0 && preambleTokens < t) {
      long p = unit(preambleTokens, policy);
      if (p >= policy.minCacheableTokens() && p > 0) {
        put(key(scope, model, preamble), p, now, readable, policy.ttlMillis());
      }
    }
    if (table.size() >= sweepAt) {
      table.removeExpired(now);
      sweepAt = Math.max(1_024, table.size() * 2);
    }
  }

  /** Entries in the table (live, or expired and not swept yet). */
  public int size() {
    return table.size();
  }

  /**
   * The slot of {@code key}'s entry if it is live and readable at {@code now}, else -1; {@code
   * chain} (0 conversation, 1 system, 2 preamble) names the look-up remembered for the next
   * request, which reuses it when it asks the same at the same time of an unchanged table.
   */
  private int live(int chain, long key, long now) {
    if (foundVersion == version && foundNow == now && foundKey[chain] == key) {
      return foundSlot[chain];
    }
    if (foundVersion != version || foundNow != now) {
      foundVersion = version;
      foundNow = now;
      Arrays.fill(foundKey, -1);
    }
    int i = table.find(key);
    int slot = i >= 0 && now < table.expiresAt[i] && table.readableAt[i] <= now ? i : -1;
    foundKey[chain] = key;
    foundSlot[chain] = slot;
    return slot;
  }

  private void put(long key, long length, long now, long readable, long ttl) {
    int i = table.insert(key);
    table.length[i] = length;
    table.readableAt[i] = readable;
    table.expiresAt[i] = now + ttl;
    table.ttl[i] = ttl;
  }

  private static long unit(long tokens, CachePolicy p) {
    return tokens / p.granularity() * p.granularity();
  }

  private static long key(int scope, int model, long chain) {
    if (scope < 0
        || scope > 0xFFFF
        || model < 0
        || model > 0xFFFF
        || chain < 0
        || chain > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("cache key out of range");
    }
    return ((long) scope << 48) | ((long) model << 32) | chain;
  }
}
