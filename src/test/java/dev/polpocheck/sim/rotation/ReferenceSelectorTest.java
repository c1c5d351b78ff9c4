package dev.polpocheck.sim.rotation;

import static dev.polpocheck.sim.rotation.ProfileType.API_KEY;
import static dev.polpocheck.sim.rotation.ProfileType.OAUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Protects the simulated credential choice: which profile Polpo 0.3.x picks for a key fetch
 * (polpo-semantics.md §10.1). The cases mirror Polpo's own {@code auth-store.test.ts} "Profile
 * Rotation" tests and add the boundaries; each runs against both selectors, since the fast one must
 * give the reference's answer. Expected profiles are worked out by hand from §10.1.
 */
class ReferenceSelectorTest {

  /** 2024-01-01T00:00:00Z and 2024-01-02T00:00:00Z in epoch ms, as in Polpo's fixture. */
  private static final long JAN_1 = 1_704_067_200_000L;

  private static final long JAN_2 = 1_704_153_600_000L;
  private static final long JAN_3 = 1_704_240_000_000L;
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 3_600_000L;

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_oauthUsedMoreRecentlyThanApiKey_returnsOauth(SelectorKind kind) {
    // Polpo's fixture: p0 = api_key used Jan 1, p1 = oauth used Jan 2. OAuth sorts first.
    ProfilePool pool = Pools.anthropic(API_KEY, OAUTH);
    pool.setStats(0, Pools.lastUsed(JAN_1));
    pool.setStats(1, Pools.lastUsed(JAN_2));
    assertEquals(1, kind.create(pool).select(0, JAN_3));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_neverUsedProfile_comesBeforeUsedOne(SelectorKind kind) {
    // p0 used at Jan 1, p1 never used: missing lastUsed counts as 0 < Jan 1.
    ProfilePool pool = Pools.anthropic(OAUTH, OAUTH);
    pool.setStats(0, Pools.lastUsed(JAN_1));
    assertEquals(1, kind.create(pool).select(0, JAN_3));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_successRecordedAtEachFetch_rotatesRoundRobinOauthFirst(SelectorKind kind) {
    // 2 OAuth + 1 API key, no errors: the API key is never used (§10.4).
    // t=1: all 0 → p0 (file order); t=2: p1 (0) < p0 (1); t=3: p0 (1) < p1 (2); t=4: p1.
    ProfilePool pool = Pools.anthropic(OAUTH, OAUTH, API_KEY);
    Selector selector = kind.create(pool);
    int[] expected = {0, 1, 0, 1};
    for (int t = 1; t <= 4; t++) {
      int chosen = selector.select(0, t);
      assertEquals(expected[t - 1], chosen, "fetch at t=" + t);
      pool.recordSuccess(chosen, t);
    }
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_equalLastUsed_keepsFileOrder(SelectorKind kind) {
    ProfilePool pool = Pools.anthropic(API_KEY, API_KEY, API_KEY);
    for (int i = 0; i < 3; i++) {
      pool.setStats(i, Pools.lastUsed(i == 0 ? JAN_2 : JAN_1));
    }
    // p1 and p2 tie at Jan 1; the stable sort keeps p1 first.
    assertEquals(1, kind.create(pool).select(0, JAN_3));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_preferredProfileInCooldown_skipsIt(SelectorKind kind) {
    ProfilePool pool = Pools.anthropic(API_KEY, OAUTH);
    Selector selector = kind.create(pool);
    pool.recordProfileError(1, JAN_3);
    assertEquals(0, selector.select(0, JAN_3 + 1));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_preferredProfileBillingDisabled_skipsIt(SelectorKind kind) {
    ProfilePool pool = Pools.anthropic(API_KEY, OAUTH);
    Selector selector = kind.create(pool);
    pool.recordBillingFailure(1, JAN_3);
    assertEquals(0, selector.select(0, JAN_3 + 1));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_allCoolingDown_returnsSoonestCooldownEnd(SelectorKind kind) {
    // p0: two errors at t=0 → until 5 min; p1: one error at 1 min → until 2 min. p1 ends first.
    ProfilePool pool = Pools.anthropic(OAUTH, API_KEY);
    Selector selector = kind.create(pool);
    pool.recordProfileError(0, 0);
    pool.recordProfileError(0, 0);
    pool.recordProfileError(1, MINUTE);
    assertEquals(1, selector.select(0, MINUTE + 1));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_cooldownEndingExactlyNow_isAvailable(SelectorKind kind) {
    // p0 (oauth) cools until 100; at now = 100 the strict now < until fails, so it is available
    // and, being OAuth, beats the never-used API key p1. At 99 it is still cooling.
    ProfilePool pool = Pools.anthropic(OAUTH, API_KEY);
    Selector selector = kind.create(pool);
    pool.setStats(0, Pools.until(100, 0));
    assertEquals(1, selector.select(0, 99));
    assertEquals(0, selector.select(0, 100));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_disabledAndCoolingProfile_countsAsDisabled(SelectorKind kind) {
    // At now = 10: p0 is disabled until 1000 and cooling until 20 → "disabled" (checked first);
    // p1 cooling until 500 → "cooldown". No profile is available, cooldown beats disabled → p1,
    // although p0's cooldown ends sooner.
    ProfilePool pool = Pools.anthropic(OAUTH, OAUTH);
    Selector selector = kind.create(pool);
    pool.setStats(0, Pools.until(20, 1000));
    pool.setStats(1, Pools.until(500, 0));
    assertEquals(1, selector.select(0, 10));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_allDisabled_returnsSoonestDisableEnd(SelectorKind kind) {
    // Disabled until 3 h, 1 h, 1 h: the earliest end is shared by p1 and p2; file order → p1.
    ProfilePool pool = Pools.anthropic(OAUTH, API_KEY, API_KEY);
    Selector selector = kind.create(pool);
    pool.setStats(0, Pools.until(0, 3 * HOUR));
    pool.setStats(1, Pools.until(0, HOUR));
    pool.setStats(2, Pools.until(0, HOUR));
    assertEquals(1, selector.select(0, 0));
    // At exactly 1 h both disables end while p0 stays disabled; p1 and p2 are available API keys
    // with lastUsed 0 → file order → p1.
    assertEquals(1, selector.select(0, HOUR));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_userPinInsideCooldown_returnsPinnedProfile(SelectorKind kind) {
    ProfilePool pool = Pools.anthropic(API_KEY, OAUTH);
    Selector selector = kind.create(pool);
    pool.recordProfileError(1, JAN_3);
    assertEquals(1, selector.select(0, JAN_3 + 1, 1, PinKind.USER));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_userPinOnDisabledApiKey_returnsPinnedProfile(SelectorKind kind) {
    ProfilePool pool = Pools.anthropic(OAUTH, API_KEY);
    Selector selector = kind.create(pool);
    pool.recordBillingFailure(1, JAN_3);
    assertEquals(1, selector.select(0, JAN_3 + 1, 1, PinKind.USER));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_autoPinInCooldown_rotatesAway(SelectorKind kind) {
    ProfilePool pool = Pools.anthropic(API_KEY, OAUTH);
    Selector selector = kind.create(pool);
    pool.recordProfileError(1, JAN_3);
    assertEquals(0, selector.select(0, JAN_3 + 1, 1, PinKind.AUTO));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_autoPinAvailable_winsOverLeastRecentlyUsed(SelectorKind kind) {
    // p1 is an API key used at Jan 2; rotation would pick the OAuth p0, the soft pin keeps p1.
    ProfilePool pool = Pools.anthropic(OAUTH, API_KEY);
    Selector selector = kind.create(pool);
    pool.setStats(1, Pools.lastUsed(JAN_2));
    assertEquals(1, selector.select(0, JAN_3, 1, PinKind.AUTO));
    assertEquals(0, selector.select(0, JAN_3, 1, PinKind.NONE));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_pinOnOtherProvidersProfile_isIgnored(SelectorKind kind) {
    ProfilePool pool =
        new ProfilePool(
            List.of(
                new ProfileSpec("anthropic:a", "anthropic", API_KEY, "org"),
                new ProfileSpec("openai:b", "openai", OAUTH, "org"),
                new ProfileSpec("anthropic:c", "anthropic", OAUTH, "org")));
    Selector selector = kind.create(pool);
    int anthropic = pool.providerIndex("anthropic");
    assertEquals(2, selector.select(anthropic, JAN_3, 1, PinKind.USER));
    assertEquals(1, selector.select(pool.providerIndex("openai"), JAN_3));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_unknownProvider_returnsMinusOne(SelectorKind kind) {
    ProfilePool pool = Pools.anthropic(OAUTH);
    Selector selector = kind.create(pool);
    assertEquals(-1, pool.providerIndex("unknown-provider"));
    assertEquals(-1, selector.select(-1, JAN_3));
    assertEquals(-1, selector.select(1, JAN_3));
  }

  @ParameterizedTest
  @EnumSource(SelectorKind.class)
  void select_clockGoesBackwards_answersForTheEarlierTime(SelectorKind kind) {
    // Cooling p0 (oauth) until 100. At 150 it is available; asked again at 50 it is cooling.
    ProfilePool pool = Pools.anthropic(OAUTH, API_KEY);
    Selector selector = kind.create(pool);
    pool.setStats(0, Pools.until(100, 0));
    assertEquals(0, selector.select(0, 150));
    assertEquals(1, selector.select(0, 50));
  }
}
