package dev.polpocheck.sim;

import static dev.polpocheck.sim.SimFixtures.MIN;
import static dev.polpocheck.sim.SimFixtures.OPTIONS;
import static dev.polpocheck.sim.SimFixtures.SEC;
import static dev.polpocheck.sim.SimFixtures.T0;
import static dev.polpocheck.sim.SimFixtures.fromJson;
import static dev.polpocheck.sim.SimFixtures.sonnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallerRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects the credential behaviour {@code simulate} reports, case by case worked out by hand from
 * polpo-semantics.md §10-§15: what a 429 does in each variant, refresh-failure cooldowns, spend
 * caps and the billing-disable steps, pins, all profiles cooling down, OAuth-first ordering,
 * subscription windows, the orchestrator's fallback and withRetry paths, time compression and
 * unordered input.
 */
class SimulationPoliciesTest {
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  // Sonnet 4.5 at Tier 1: 8,000 OTPM, and Polpo reserves max_tokens = 64,000 (clamped to 8,000),
  // so one request empties the OTPM bucket for a minute.
  private static final String TWO_TIER1 =
      """
      "profiles": [
        {"id": "a", "provider": "anthropic", "type": "api_key", "organisation": "org-a", "tier": "tier1"},
        {"id": "b", "provider": "anthropic", "type": "api_key", "organisation": "org-b", "tier": "tier1"}],
      "retry": {"sdkMaxRetries": 0}
      """;

  private static SimResult run(List<Call> calls, Scenario s) {
    return Simulation.run(calls, s, 7, OPTIONS);
  }

  private static List<Call> threeAtOnce() {
    return List.of(
        sonnet(0, "s1", 2_000, 100), sonnet(0, "s2", 2_000, 100), sonnet(0, "s3", 2_000, 100));
  }

  @Test
  void docsVariant_429_coolsProfileDownAndMovesTurnToNextProfile() {
    SimResult r = run(threeAtOnce(), fromJson("{\"variant\": \"polpo-docs\", " + TWO_TIER1 + "}"));
    // s1 -> a, s2 -> b (never used first), s3 -> a: 429 -> a cools 1 min -> b: 429 -> b cools ->
    // nothing available -> the turn fails
    assertEquals(2, r.counts().ok());
    assertEquals(1, r.counts().failed());
    assertEquals(2, r.counts().rateLimited());
    assertEquals(1, r.counts().rotationsOnError());
    assertEquals(
        List.of(
            new SimResult.Event(T0, "profile-cooldown", "a", "rate_limit", T0 + MIN),
            new SimResult.Event(T0, "profile-cooldown", "b", "rate_limit", T0 + MIN)),
        r.events());
  }

  @Test
  void codeVariant_429_neverRotatesOrCoolsDown() {
    SimResult r = run(threeAtOnce(), fromJson("{" + TWO_TIER1 + "}"));
    assertEquals(2, r.counts().ok());
    assertEquals(1, r.counts().failed());
    assertEquals(1, r.counts().rateLimited());
    assertEquals(0, r.counts().rotationsOnError());
    assertEquals(List.of(), r.events());
    assertTrue(r.notes().get(0).contains("a 429 never rotates a credential"));
  }

  @Test
  void refreshFailure_coolsProfileOneMinuteAndOthersServe() {
    SimResult r =
        run(
            List.of(sonnet(0, "s1", 2_000, 100), sonnet(2 * MIN, "s1", 3_000, 100)),
            fromJson(
                """
                {"profiles": [
                  {"id": "o", "provider": "anthropic", "type": "oauth", "organisation": "org",
                   "tokenLifetimeMinutes": 1, "refreshFailureRate": 1},
                  {"id": "k", "provider": "anthropic", "type": "api_key", "organisation": "org"}]}
                """));
    // turn 1: o (OAuth first), fresh token; turn 2 at 2:00: o expired, refresh fails ->
    // recordProfileError -> 1 min cooldown; "others": k serves
    assertEquals(1, r.byProfile().get("o").calls());
    assertEquals(1, r.byProfile().get("k").calls());
    assertEquals(
        List.of(
            new SimResult.Event(
                T0 + 2 * MIN, "profile-cooldown", "o", "refresh_failed", T0 + 3 * MIN)),
        r.events());
    assertTrue(r.notes().get(0).contains("(1 in this run)"));
  }

  @Test
  void allProfilesCoolingDown_soonestEndingIsTriedAndCooldownStepsTo5Minutes() {
    List<Call> calls =
        List.of(
            sonnet(0, "s1", 2_000, 100),
            sonnet(0, "s2", 2_000, 100),
            sonnet(2 * MIN, "s3", 2_000, 100),
            sonnet(150 * SEC, "s4", 2_000, 100),
            sonnet(165 * SEC, "s5", 2_000, 100));
    SimResult r =
        run(
            calls,
            fromJson(
                """
                {"profiles": [
                  {"id": "a", "provider": "anthropic", "type": "oauth", "organisation": "org",
                   "tokenLifetimeMinutes": 1, "refreshFailureRate": 1},
                  {"id": "b", "provider": "anthropic", "type": "oauth", "organisation": "org",
                   "tokenLifetimeMinutes": 1, "refreshFailureRate": 1}]}
                """));
    // 0:00 a and b get fresh tokens. 2:00 a expired, refresh fails: a cools until 3:00, b's
    // refresh fails too (not recorded): no key. 2:30 b is the available one: cools until 3:30.
    // 2:45 both cool: a ends soonest and is tried (its 2nd error: 5 min); 2:45-3:00 had no
    // usable profile = 15 s.
    assertEquals(2, r.counts().ok());
    assertEquals(3, r.counts().failed());
    assertEquals(3, r.counts().noCredential());
    assertEquals(
        List.of(
            new SimResult.Event(
                T0 + 120 * SEC, "profile-cooldown", "a", "refresh_failed", T0 + 180 * SEC),
            new SimResult.Event(
                T0 + 150 * SEC, "profile-cooldown", "b", "refresh_failed", T0 + 210 * SEC),
            new SimResult.Event(
                T0 + 165 * SEC,
                "profile-cooldown",
                "a",
                "refresh_failed",
                T0 + 165 * SEC + 5 * MIN)),
        r.events());
    assertEquals(15 * SEC, r.delays().noUsableProfileMillis());
  }

  @Test
  void oauthProfiles_areUsedBeforeApiKeys() {
    SimResult r =
        run(
            List.of(
                sonnet(0, "s1", 2_000, 100),
                sonnet(MIN, "s1", 3_000, 100),
                sonnet(2 * MIN, "s1", 4_000, 100)),
            fromJson(
                """
                {"profiles": [
                  {"id": "k", "provider": "anthropic", "type": "api_key", "organisation": "org"},
                  {"id": "o", "provider": "anthropic", "type": "oauth", "organisation": "org"}]}
                """));
    assertEquals(3, r.byProfile().get("o").calls());
    assertEquals(0, r.byProfile().get("k").calls());
  }

  private static final String CAPPED =
      """
      "profiles": [
        {"id": "a", "provider": "anthropic", "type": "api_key", "organisation": "org",
         "monthlySpendCapUsd": 0.005},
        {"id": "b", "provider": "anthropic", "type": "api_key", "organisation": "org"}]
      """;

  /** a's organisation has $0.005 of prepaid credit; b is in another organisation. */
  private static final String CREDITED =
      """
      "organisations": {"org-a": {"prepaidCreditUsd": 0.005}},
      "profiles": [
        {"id": "a", "provider": "anthropic", "type": "api_key", "organisation": "org-a"},
        {"id": "b", "provider": "anthropic", "type": "api_key", "organisation": "org-b"}]
      """;

  private static List<Call> threeSessions() {
    // each call: 2,000 written x $3.75 + 100 out x $15 per MTok = $0.009 > the $0.005 cap
    return List.of(
        sonnet(0, "s1", 2_000, 100),
        sonnet(MIN, "s2", 2_000, 100),
        sonnet(2 * MIN, "s3", 2_000, 100));
  }

  @Test
  void docsVariant_creditRunsOut_thatProfileAloneIsDisabledFiveHours() {
    SimResult r = run(threeSessions(), fromJson("{\"variant\": \"polpo-docs\", " + CREDITED + "}"));
    // s1 -> a (org-a spends $0.009 of its $0.005), s2 -> b, s3 -> a (least recently used): 400
    // "credit balance is too low" -> billing (Polpo's classifier, via "credit") -> a disabled 5 h
    // -> the turn moves to b
    assertEquals(3, r.counts().ok());
    assertEquals(1, r.counts().billingRejections());
    assertEquals(
        List.of(
            new SimResult.Event(
                T0 + 2 * MIN, "billing-disable", "a", "billing", T0 + 2 * MIN + 5 * HOUR)),
        r.events());
    assertEquals(2, r.byProfile().get("b").calls());
  }

  @Test
  void docsVariant_organisationSpendLimit_isSharedByItsKeysAndIsAClientError() {
    SimResult r = run(threeSessions(), fromJson("{\"variant\": \"polpo-docs\", " + CAPPED + "}"));
    // a's $0.005 limit is its organisation's, which b shares: s1 -> a spends $0.009; s2 -> b and
    // s3 -> a are refused with 400 "You have reached your specified API usage limits", a client
    // error to Polpo's classifier ("400"): no cooldown, no disable, no rotation; each run ends.
    // (A per-key cap would have let b serve s2; a billing error would have disabled a.)
    assertEquals(1, r.counts().ok());
    assertEquals(2, r.counts().failed());
    assertEquals(2, r.counts().billingRejections());
    assertEquals(0, r.counts().rotationsOnError());
    assertEquals(List.of(), r.events());
  }

  @Test
  void codeVariant_spendLimitReached_callsFailAndNothingIsDisabled() {
    SimResult r = run(threeSessions(), fromJson("{" + CAPPED + "}"));
    assertEquals(1, r.counts().ok());
    assertEquals(2, r.counts().failed());
    assertEquals(List.of(), r.events());
  }

  @Test
  void tierSpendCap_tier1StopsAtOneHundredDollarsWith429sTheSdkRetries() {
    // Tier 1's monthly spend cap is $100 (anthropic-tiers.json). Each call: 1,000 input x $3 +
    // 64,000 output x $15 per MTok = $0.003 + $0.96 = $0.963 (1,000 tokens is below Sonnet's
    // 1,024 cacheable minimum: nothing cached). After 103 calls $99.189 < $100; after 104,
    // $100.152: the 105th gets 429 without retry-after, the SDK retries twice with its own
    // backoff (3 refusals), and the run ends: 104 ok, 1 failed, 5 not run. 10 minutes apart, a
    // day in (all in April), every call finds Tier 1's 8,000 OTPM bucket full.
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 110; i++) {
      calls.add(sonnet(DAY + i * 10 * MIN, "s1", 1_000, 64_000));
    }
    SimResult r =
        run(calls, fromJson("{\"profiles\": [{\"id\": \"a\", \"provider\": \"anthropic\","
            + " \"type\": \"api_key\", \"tier\": \"tier1\"}]}"));
    assertEquals(104, r.counts().ok());
    assertEquals(1, r.counts().failed());
    assertEquals(5, r.counts().notRun());
    assertEquals(3, r.counts().billingRejections());
    assertEquals(2, r.counts().sdkRetries());
    // a cap Anthropic granted instead ($50): 51 calls $49.113, 52 calls $50.076 -> 52 ok
    SimResult granted =
        run(calls, fromJson("{\"organisations\": {\"a\": {\"tierSpendCapUsd\": 50}},"
            + " \"profiles\": [{\"id\": \"a\", \"provider\": \"anthropic\","
            + " \"type\": \"api_key\", \"tier\": \"tier1\"}]}"));
    assertEquals(52, granted.counts().ok());
    assertEquals(57, granted.counts().notRun());
  }

  @Test
  void spendCap_newCalendarMonth_startsFromZero() {
    String single =
        "{\"profiles\": [{\"id\": \"a\", \"provider\": \"anthropic\", \"type\": \"api_key\","
            + " \"monthlySpendCapUsd\": 0.005}]}";
    // T0 is 2026-03-31T23:33:20Z: one minute later is still March (refused), one hour later is
    // April (the cap starts over)
    assertEquals(
        1,
        run(List.of(sonnet(0, "s1", 2_000, 100), sonnet(MIN, "s2", 2_000, 100)), fromJson(single))
            .counts()
            .billingRejections());
    assertEquals(
        0,
        run(List.of(sonnet(0, "s1", 2_000, 100), sonnet(HOUR, "s2", 2_000, 100)), fromJson(single))
            .counts()
            .billingRejections());
  }

  @Test
  void userPin_onDisabledProfile_isStillUsedAndBillingStepsTo10And20AndCapsAt24Hours() {
    String threeProfiles =
        CREDITED.replace(
            "\"organisation\": \"org-b\"}]",
            "\"organisation\": \"org-b\"},"
                + " {\"id\": \"c\", \"provider\": \"anthropic\", \"type\": \"api_key\"}]");
    SimResult r =
        run(
            List.of(sonnet(0, "s1", 2_000, 100), sonnet(MIN, "s2", 2_000, 100)),
            fromJson(
                "{\"variant\": \"polpo-docs\", \"pin\": {\"profile\": \"a\", \"kind\": \"user\"}, "
                    + threeProfiles
                    + "}"));
    // s2: a over its cap -> disabled 5 h; the hard pin returns a again -> 10 h; again -> 20 h;
    // again -> 24 h (the cap, not 40 h); after as many tries as there are profiles (1 + 3) the
    // turn fails. b and c are never used.
    assertEquals(1, r.counts().failed());
    assertEquals(
        List.of(
            new SimResult.Event(T0 + MIN, "billing-disable", "a", "billing", T0 + MIN + 5 * HOUR),
            new SimResult.Event(T0 + MIN, "billing-disable", "a", "billing", T0 + MIN + 10 * HOUR),
            new SimResult.Event(T0 + MIN, "billing-disable", "a", "billing", T0 + MIN + 20 * HOUR),
            new SimResult.Event(T0 + MIN, "billing-disable", "a", "billing", T0 + MIN + 24 * HOUR)),
        r.events());
    assertEquals(0, r.byProfile().get("b").calls());
    assertEquals(0, r.byProfile().get("c").calls());
  }

  private static List<Long> billingHours(String windowRule) {
    SimResult r =
        run(
            List.of(
                // a day in, so that everything falls in one calendar month (caps are monthly)
                sonnet(DAY, "s1", 2_000, 100),
                sonnet(DAY + MIN, "s2", 2_000, 100),
                sonnet(DAY + 10 * HOUR, "s3", 2_000, 100),
                sonnet(DAY + 16 * HOUR, "s4", 2_000, 100),
                sonnet(DAY + 36 * HOUR, "s5", 2_000, 100)),
            fromJson(
                "{\"variant\": \"polpo-docs\", \"billing\": {\"windowRule\": \""
                    + windowRule
                    + "\"}, "
                    + CREDITED
                    + "}"));
    List<Long> hours = new ArrayList<>();
    for (SimResult.Event e : r.events()) {
      hours.add((e.untilMillis() - e.timeMillis()) / HOUR);
    }
    return hours;
  }

  @Test
  void billingWindow_firstFailureRule_resetsMoreThan24HoursAfterTheFirstFailure() {
    // s1 -> a (spends past its cap), s2 -> b (never used), then a is least recently used: it
    // fails at 10:00 (5 h), 16:00 (10 h) and 36:00: 26 h after the window's first failure ->
    // counter reset -> 5 h
    assertEquals(List.of(5L, 10L, 5L), billingHours("first-failure"));
  }

  @Test
  void billingWindow_lastFailureRule_keepsCountingWithin24HoursOfTheLastFailure() {
    // at 36:00 the last failure (16:00) is only 20 h ago -> third step, 20 h
    assertEquals(List.of(5L, 10L, 20L), billingHours("last-failure"));
  }

  @Test
  void autoPin_onDisabledProfile_isIgnored() {
    SimResult r =
        run(
            List.of(
                sonnet(0, "s1", 2_000, 100),
                sonnet(MIN, "s2", 2_000, 100),
                sonnet(2 * MIN, "s3", 2_000, 100)),
            fromJson(
                "{\"variant\": \"polpo-docs\", \"pin\": {\"profile\": \"a\", \"kind\": \"auto\"}, "
                    + CREDITED
                    + "}"));
    // s2: a billing -> disabled; the soft pin gives way: b serves s2 and s3
    assertEquals(3, r.counts().ok());
    assertEquals(2, r.byProfile().get("b").calls());
    assertEquals(1, r.eventCount());
  }

  @Test
  void subscriptionWindow_exhausted_is429UntilWindowClosesNotBilling() {
    SimResult r =
        run(
            List.of(sonnet(0, "s1", 2_000, 100), sonnet(MIN, "s1", 3_000, 100)),
            fromJson(
                """
                {"plans": {"pro": {"windows": [{"hours": 1, "tokens": 2500}]}},
                 "profiles": [{"id": "o", "provider": "anthropic", "type": "oauth", "plan": "pro"}]}
                """));
    // turn 1 counts 2,000 written + 100 out = 2,100; turn 2 would add 1,000 + 100 > 2,500:
    // 429 with retry-after 59 min (> 60 s is not honoured by the SDK): 2 SDK retries, then failed
    assertEquals(1, r.counts().failed());
    assertEquals(3, r.counts().rateLimited());
    assertEquals(2, r.counts().sdkRetries());
    assertEquals(0, r.counts().billingRejections());
  }

  private static Call orchestrator(long at, String session) {
    return SimFixtures.call(
        at, session, CallerRole.ORCHESTRATOR, "anthropic", "claude-sonnet-4-5", 2_000, 100, 0, 0);
  }

  @Test
  void docsVariant_orchestratorWithFallbacks_doubleCountsProviderCooldownAndSkipsCoolingProvider() {
    Scenario s =
        fromJson(
            """
            {"variant": "polpo-docs", "fallbacks": ["anthropic:claude-haiku-4-5"],
             "envKeys": {"*": {"organisation": "env", "tier": "tier1"}},
             "retry": {"sdkMaxRetries": 0}}
            """);
    SimResult r = run(List.of(sonnet(0, "s1", 2_000, 100), orchestrator(SEC, "o1")), s);
    // o1: 429 -> thrown -> provider cooldown marked twice = 5 min -> fallback Haiku is on the
    // same, cooling provider: skipped -> "All model providers failed" -> not transient: failed
    assertEquals(1, r.counts().failed());
    assertEquals(1, r.counts().fallbacks());
    assertEquals(
        List.of(
            new SimResult.Event(
                T0 + SEC, "provider-cooldown", "anthropic", "rate_limit", T0 + SEC + 5 * MIN)),
        r.events());
  }

  @Test
  void docsVariant_orchestratorWithoutFallbacks_withRetryTwiceThenFails() {
    Scenario s =
        fromJson(
            """
            {"variant": "polpo-docs", "envKeys": {"*": {"organisation": "env", "tier": "tier1"}},
             "retry": {"sdkMaxRetries": 0}}
            """);
    SimResult r = run(List.of(sonnet(0, "s1", 2_000, 8_000), orchestrator(SEC, "o1")), s);
    // three attempts (withRetry maxRetries 2, "429" is transient), each refused; the provider
    // cooldown escalates 1 -> 5 -> 25 min because nobody asks whether it is cooling down
    assertEquals(1, r.counts().failed());
    assertEquals(2, r.counts().polpoRetries());
    assertEquals(3, r.counts().rateLimited());
    List<Long> durations = new ArrayList<>();
    for (SimResult.Event e : r.events()) {
      durations.add(e.untilMillis() - e.timeMillis());
    }
    assertEquals(List.of(MIN, 5 * MIN, 25 * MIN), durations);
    // withRetry waits 1-1.5 s, then 2-3 s
    long first = r.events().get(1).timeMillis() - r.events().get(0).timeMillis();
    long second = r.events().get(2).timeMillis() - r.events().get(1).timeMillis();
    assertTrue(first >= 1_000 && first < 1_500, "first " + first);
    assertTrue(second >= 2_000 && second < 3_000, "second " + second);
  }

  @Test
  void overloaded_codeVariant_sdkRetriesTwiceThenTheRunEnds() {
    SimResult r =
        run(
            List.of(sonnet(0, "s1", 2_000, 100), sonnet(MIN, "s1", 3_000, 100)),
            fromJson("{\"errors\": {\"overloadedRate\": 1}}"));
    // every attempt gets a 529: 1 + 2 SDK retries, then the turn fails and its run ends
    assertEquals(1, r.counts().failed());
    assertEquals(1, r.counts().notRun());
    assertEquals(3, r.counts().overloaded());
    assertEquals(2, r.counts().sdkRetries());
    assertEquals(List.of(), r.events());
  }

  @Test
  void overloaded_docsVariant_serverErrorCoolsEachProfileInTurn() {
    SimResult r =
        run(
            List.of(sonnet(0, "s1", 2_000, 100)),
            fromJson(
                """
                {"variant": "polpo-docs", "errors": {"overloadedRate": 1},
                 "profiles": [
                   {"id": "a", "provider": "anthropic", "type": "api_key", "organisation": "o"},
                   {"id": "b", "provider": "anthropic", "type": "api_key", "organisation": "o"}]}
                """));
    assertEquals(1, r.counts().failed());
    assertEquals(6, r.counts().overloaded());
    assertEquals(List.of("a", "b"), r.events().stream().map(SimResult.Event::subject).toList());
    assertEquals("server_error", r.events().get(0).reason());
  }

  @Test
  void overloaded_docsOrchestrator_isTransientForWithRetry() {
    SimResult r =
        run(
            List.of(orchestrator(0, "o1")),
            fromJson(
                "{\"variant\": \"polpo-docs\", \"errors\": {\"overloadedRate\": 1},"
                    + " \"retry\": {\"sdkMaxRetries\": 0}}"));
    // "overloaded" is transient: withRetry tries 3 times; each failure marks the provider
    assertEquals(1, r.counts().failed());
    assertEquals(2, r.counts().polpoRetries());
    assertEquals(3, r.counts().overloaded());
    assertEquals(3, r.eventCount());
  }

  @Test
  void timeCompression_hundredfold_turnsTenMinutesIntoSixSecondsAnd429() {
    String tier1 = "\"envKeys\": {\"*\": {\"organisation\": \"env\", \"tier\": \"tier1\"}}";
    // 8,000 output: the whole OTPM bucket is used, nothing is refunded
    List<Call> calls = List.of(sonnet(0, "s1", 2_000, 8_000), sonnet(10 * MIN, "s2", 2_000, 8_000));
    assertEquals(0, run(calls, fromJson("{" + tier1 + "}")).counts().rateLimited());
    SimResult r = run(calls, fromJson("{" + tier1 + ", \"timing\": {\"compression\": 100}}"));
    // s2 arrives after 6 s: 6 s x 8,000/60 = 800 tokens refilled; the 7,200 missing take 54 s
    assertEquals(1, r.counts().rateLimited());
    assertEquals(54 * SEC, r.delays().maxMillis() / 1000 * 1000);
  }

  @Test
  void unorderedInput_givesTheSameResultAsOrdered() {
    List<Call> calls =
        new ArrayList<>(
            List.of(
                sonnet(0, "s1", 2_000, 100),
                sonnet(MIN, "s1", 3_000, 100),
                sonnet(30 * SEC, "s2", 2_500, 100)));
    Scenario s = fromJson("{" + TWO_TIER1 + "}");
    SimResult ordered = run(List.of(calls.get(0), calls.get(2), calls.get(1)), s);
    Collections.reverse(calls);
    assertEquals(ordered, run(calls, s));
  }
}
