package dev.polpocheck.sim;

import dev.polpocheck.catalog.RateLimitClass;
import dev.polpocheck.sim.limits.LimitSpec;
import dev.polpocheck.sim.limits.WindowBudget;
import java.util.Map;

/**
 * One credential of a run — an auth profile or a provider's environment key — with what the replay
 * tracks for it beyond the rotation pool: its organisation (cache and limit scope), tier, plan
 * windows, its organisation's spend account, OAuth token expiry, and its tallies.
 */
final class Credential {
  final String id;
  final String provider;
  final String organisation;
  final String workspace;
  /** The workspace's own rate limits by model class (empty: the organisation's alone). */
  final Map<RateLimitClass, LimitSpec> workspaceLimits;
  final String tier;
  final boolean oauth;
  final int scope;
  final SpendLimit spend;
  /** The monthly spend limit of the key's workspace, or null when it has none. */
  final SpendLimit workspaceSpend;
  final WindowBudget[] plan;
  final long lifetime;
  final double refreshFailureRate;
  final int profileIndex;
  final Tally tally = new Tally();

  /** Per model id: limiter key + 2 (0 = not resolved yet, 1 = unlimited). */
  int[] limiterKeys = new int[8];

  LimitSpec[] limitSpecs = new LimitSpec[8];
  /** How its tier's OTPM bucket counts output: 0 not resolved yet, 1 max_tokens, 2 real output. */
  byte outputRule;
  Tally orgTally;
  long expiresAt = -1;
  long rateLimited;
  long cooldowns;
  long billingDisables;

  /**
   * A credential.
   *
   * @param id profile id, or {@code env:provider}
   * @param workspace its workspace in the organisation
   * @param workspaceLimits the workspace's own rate limits by model class
   * @param scope the organisation's cache-scope number
   * @param spend its organisation's spend account (shared with the organisation's other keys)
   * @param plan the plan's usage windows (empty without a plan)
   * @param lifetime OAuth token lifetime in ms, 0 = never expires
   * @param refreshFailureRate probability that a token refresh fails
   * @param profileIndex the pool's profile number, or -1 for an environment key
   */
  Credential(
      String id,
      String provider,
      String organisation,
      String workspace,
      Map<RateLimitClass, LimitSpec> workspaceLimits,
      String tier,
      boolean oauth,
      int scope,
      SpendLimit spend,
      SpendLimit workspaceSpend,
      WindowBudget[] plan,
      long lifetime,
      double refreshFailureRate,
      int profileIndex) {
    this.id = id;
    this.provider = provider;
    this.organisation = organisation;
    this.workspace = workspace;
    this.workspaceLimits = workspaceLimits;
    this.tier = tier;
    this.oauth = oauth;
    this.scope = scope;
    this.spend = spend;
    this.workspaceSpend = workspaceSpend;
    this.plan = plan;
    this.lifetime = lifetime;
    this.refreshFailureRate = refreshFailureRate;
    this.profileIndex = profileIndex;
  }
}
