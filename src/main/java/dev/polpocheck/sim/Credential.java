package dev.polpocheck.sim;

import dev.polpocheck.sim.limits.LimitSpec;
import dev.polpocheck.sim.limits.WindowBudget;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * One credential of a run — an auth profile or a provider's environment key — with what the replay
 * tracks for it beyond the rotation pool: its organisation (cache and limit scope), tier, plan
 * windows, spend this month against its cap, OAuth token expiry, and its tallies.
 */
final class Credential {
  final String id;
  final String provider;
  final String organisation;
  final String tier;
  final boolean oauth;
  final int scope;
  final long capPicos;
  final WindowBudget[] plan;
  final long lifetime;
  final double refreshFailureRate;
  final int profileIndex;
  final Tally tally = new Tally();

  /** Per model id: limiter key + 2 (0 = not resolved yet, 1 = unlimited). */
  int[] limiterKeys = new int[8];

  LimitSpec[] limitSpecs = new LimitSpec[8];
  Tally orgTally;
  long spentPicos;
  long monthKey = Long.MIN_VALUE;
  long expiresAt = -1;
  long rateLimited;
  long cooldowns;
  long billingDisables;

  /**
   * A credential.
   *
   * @param id profile id, or {@code env:provider}
   * @param scope the organisation's cache-scope number
   * @param capPicos monthly spend cap, or -1
   * @param plan the plan's usage windows (empty without a plan)
   * @param lifetime OAuth token lifetime in ms, 0 = never expires
   * @param refreshFailureRate probability that a token refresh fails
   * @param profileIndex the pool's profile number, or -1 for an environment key
   */
  Credential(
      String id,
      String provider,
      String organisation,
      String tier,
      boolean oauth,
      int scope,
      long capPicos,
      WindowBudget[] plan,
      long lifetime,
      double refreshFailureRate,
      int profileIndex) {
    this.id = id;
    this.provider = provider;
    this.organisation = organisation;
    this.tier = tier;
    this.oauth = oauth;
    this.scope = scope;
    this.capPicos = capPicos;
    this.plan = plan;
    this.lifetime = lifetime;
    this.refreshFailureRate = refreshFailureRate;
    this.profileIndex = profileIndex;
  }

  /** What it spent in the calendar month (UTC) of {@code now}; a new month starts at 0. */
  long spent(long now) {
    ZonedDateTime d = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC);
    long month = d.getYear() * 12L + d.getMonthValue();
    if (month != monthKey) {
      monthKey = month;
      spentPicos = 0;
    }
    return spentPicos;
  }
}
