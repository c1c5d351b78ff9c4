package dev.polpocheck.sim;

import dev.polpocheck.sim.cache.CacheSplit;
import dev.polpocheck.sim.limits.BatchQueue;
import dev.polpocheck.sim.limits.RateLimitTiers;
import dev.polpocheck.sim.limits.RateLimiter;
import dev.polpocheck.sim.retry.Backoff;
import dev.polpocheck.sim.rotation.ProfilePool;
import dev.polpocheck.sim.rotation.ProfileSpec;
import dev.polpocheck.sim.rotation.Rotation;
import dev.polpocheck.sim.rotation.Selector;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallColumns;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulation run: the discrete-event loop that takes each call through the per-call steps —
 * {@link KeyFetch} (select) → spend cap → {@link LimitStep} (plan windows and rate limits) → {@link
 * CacheStep} → {@link PriceStep} — and each error through the SDK's own retries, then {@link
 * ErrorPolicy}. Results accumulate in {@link Accounting}; {@link ResultBuilder} assembles them.
 * Package-private; {@link Simulation} is the entry point.
 *
 * <p>Time. Calls arrive at their recorded start, compressed by the scenario's factor and shifted by
 * the delay their session has accumulated so far (an agent waits for its previous turn, so a
 * delayed turn delays every later one). A session's calls run one after another; a call that
 * arrives while its session is busy waits in the session's queue. Events (turn starts, HTTP
 * attempts, output-reservation refunds) are ordered by time, ties by insertion order, so runs are
 * deterministic. Input is pulled only up to the time of the next event, so memory holds the open
 * sessions, the live cache entries and the profiles, not the trace.
 *
 * <p>Errors. An HTTP error (429, 529 overloaded, 500, a timeout, or a spend cap that ran out) first
 * goes through the SDK's own retries (429, 5xx, timeouts and the tier cap; a 429's retry-after
 * honoured below 60 s); a stream that breaks after its response began is never retried by the
 * SDK. What survives them goes
 * to {@link ErrorPolicy}, whose answer — fail, or start again at a given time — the loop carries
 * out. A failed agent turn ends its session's run: the session's later calls are recorded as not
 * run. A key fetch that finds no credential throws "No API key" in both variants.
 *
 * <p>Money is summed in picodollars; the run checks its conservation laws when it ends.
 */
final class Engine {
  private static final String RATE_LIMIT_MSG =
      "429 rate_limit_error: This request would exceed your organization's rate limit";
  private static final String OVERLOADED_MSG = "529 overloaded_error: Overloaded";
  private static final String SERVER_ERROR_MSG = "500 api_error: Internal server error";
  // the SDK's APIError message for an SSE error event: no status, the event's JSON
  // (@anthropic-ai/sdk 0.73.0 core/error.js:17-23)
  private static final String MID_STREAM_MSG =
      "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
  private static final String TIMEOUT_MSG = "Request timed out.";
  /** The SDK's default timeout (client.js:62, 10 minutes); pi-ai 0.62.0 passes none. */
  private static final long SDK_TIMEOUT_MILLIS = 600_000L;
  private static final String CREDIT_MSG =
      "400 invalid_request_error: Your credit balance is too low to access the Anthropic API";
  // https://platform.claude.com/docs/en/api/rate-limits ("Spend limits"): the Console limit is a
  // 400 (a client error to Polpo's classifier), the tier's cap a 429 without retry-after
  private static final String SPEND_LIMIT_MSG =
      "400 invalid_request_error: You have reached your specified API usage limits";
  private static final String TIER_CAP_MSG =
      "429 rate_limit_error: You have reached your API usage limits: your organization has crossed"
          + " its monthly API usage threshold (enforced_spend_limit_reached)";

  private final long seed;
  private final Scenario sc;
  private final SimOptions opt;
  private final Prepass pre;
  private final SplittableRandom rngSdk;
  private final SplittableRandom rngRetry;
  private final SplittableRandom rngRefresh;
  private final SplittableRandom rngErrors;
  private final ProfilePool pool;
  private final Rotation rotation;
  private final LimitStep limits;
  private final ReplayModels models;
  private final CacheStep cacheStep;
  private final PriceStep prices;
  private final ErrorPolicy errors;
  private final KeyFetch keys;
  /** The open sessions by their number in the input (null when not open); see {@link #open}. */
  private SessionState[] sessions = new SessionState[64];
  private int openSessions;
  private final Map<String, Integer> agents = new HashMap<>();
  private final List<String> agentNames = new ArrayList<>();
  private final long[] systemPrefix;
  private final EventQueue queue = new EventQueue();
  private final ConcurrencyGate gate;
  private int nextSession;

  private final Accounting acc;

  Engine(Scenario sc, SimOptions opt, long seed, Prepass pre) {
    this.seed = seed;
    this.sc = sc;
    this.opt = opt;
    this.pre = pre;
    SplittableRandom root = new SplittableRandom(seed);
    this.rngSdk = root.split();
    this.rngRetry = root.split();
    this.rngRefresh = root.split();
    this.rngErrors = root.split();
    List<ProfileSpec> specs = new ArrayList<>();
    for (Scenario.Profile p : sc.profiles()) {
      specs.add(new ProfileSpec(p.id(), p.provider(), p.type(), p.organisation()));
    }
    this.pool = new ProfilePool(specs, sc.cooldown(), sc.billingSchedule());
    Selector selector = opt.selector().create(pool);
    this.rotation = sc.rotation().create(selector);
    this.acc = new Accounting(sc, pre);
    RateLimitTiers tiers = opt.tiers().with(sc.tierLimits());
    this.keys = new KeyFetch(sc, pool, selector, rotation, rngRefresh, acc, tiers);
    this.errors = new ErrorPolicy(sc, pool, keys, rngRetry, acc);
    this.limits =
        new LimitStep(tiers, acc, new RateLimiter(pre.start()), new BatchQueue(pre.start()));
    this.models = new ReplayModels(sc, opt);
    this.systemPrefix = new long[pre.agentCount()];
    for (int a = 0; a < pre.agentCount(); a++) {
      agents.put(pre.agentName(a), a);
      agentNames.add(pre.agentName(a));
      systemPrefix[a] =
          sc.cache().systemPrefixTokens() >= 0
              ? sc.cache().systemPrefixTokens()
              : pre.estimatedSystemPrefix(a);
    }
    this.cacheStep = new CacheStep(sc, systemPrefix);
    this.prices = new PriceStep(sc, opt, acc);
    this.gate =
        new ConcurrencyGate(
            sc.settings().maxConcurrency(), sc.settings().agentMaxConcurrency());
  }

  /** Replays the calls {@code input} reads, which must be in start-time order. */
  SimResult run(CallColumns.Cursor input) {
    boolean more = input.advance();
    // the next call's recorded start and its arrival in the replay, read once per call (the loop
    // compares the arrival with the queue's head at every event)
    long at = more ? input.startMillis() : 0;
    long arrival = more ? compress(at) : 0;
    while (true) {
      if (more && (queue.isEmpty() || arrival <= queue.headTime())) {
        arrive(input.recorded(), at, arrival, input.session());
        more = input.advance();
        if (more) {
          long next = input.startMillis();
          if (next < at) {
            throw new IllegalStateException("calls out of start-time order at " + at);
          }
          at = next;
          arrival = compress(at);
        }
        continue;
      }
      if (queue.isEmpty()) {
        break;
      }
      long time = queue.headTime();
      Task task = queue.headTask();
      switch (queue.headKind()) {
        case EventQueue.START -> {
          queue.removeHead();
          start(task, time);
        }
        case EventQueue.SEND -> {
          queue.removeHead();
          send(task, time);
        }
        default -> {
          int key = queue.headKey();
          long amount = queue.headAmount();
          long actual = queue.headActual();
          queue.removeHead();
          limits.refundOutput(key, amount, actual, time);
        }
      }
    }
    return finish();
  }

  // ---- arrival and sessions ----

  /**
   * A call starting at {@code startMillis} (recorded time; {@code arrival} in the replay's time) in
   * the session numbered {@code session} in the input; its other fields are {@code call}'s.
   */
  private void arrive(Call call, long startMillis, long arrival, int session) {
    acc.callsIn++;
    if (call.status() == CallStatus.ERROR) {
      acc.recordedErrors++;
    }
    SessionState s = session < sessions.length ? sessions[session] : null;
    boolean first = s == null;
    if (first) {
      s = open(session);
    }
    ReplayModel m = models.forCall(call);
    if (m.price == null) {
      acc.unpricedRecords++;
    }
    long tokens = Task.scaledTotal(call, m);
    acc.tokensIn += tokens;
    if (s.dead) {
      acc.notRun(tokens);
      s.remaining--;
      endIfDone(s, arrival);
      return;
    }
    if (s.inFlight) {
      s.pending.add(new SessionState.Waiting(call, startMillis));
      return;
    }
    long ready = arrival + s.offset;
    if (first && !gate.open()) {
      if (!gate.tryEnter(call.agent())) {
        s.inFlight = true; // the run waits for a slot; its later turns queue behind it
        gate.await(task(s, call, m, ready));
        return;
      }
      s.slot = call.agent();
    }
    begin(s, call, m, ready);
  }

  /** Opens the session numbered {@code session} in the input, at its first call. */
  private SessionState open(int session) {
    if (session >= sessions.length) {
      sessions = Arrays.copyOf(sessions, Math.max(session + 1, 2 * sessions.length));
    }
    SessionState s = new SessionState(session, nextSession++, pre.callsOf(session));
    sessions[session] = s;
    openSessions++;
    return s;
  }

  private void begin(SessionState s, Call call, ReplayModel m, long ready) {
    s.inFlight = true;
    queue.push(ready, EventQueue.START, task(s, call, m, ready));
  }

  private Task task(SessionState s, Call call, ReplayModel m, long ready) {
    Task k = s.task.assign(call, m, ready); // the session's previous call has completed
    k.agent = agents.get(call.agent()); // a session's calls may come from different agents
    return k;
  }

  /** Frees the concurrency slot {@code s}'s run holds, and starts the runs that were waiting. */
  private void release(SessionState s, long now) {
    if (s.slot == null) {
      return;
    }
    gate.leave(s.slot);
    s.slot = null;
    for (Task k : gate.admit()) {
      k.sess.slot = k.call.agent();
      queue.push(now, EventQueue.START, k);
    }
  }

  private void complete(Task k, boolean success, long now) {
    long delay = now - k.ready;
    acc.completed(delay, success, k.prompt + k.out);
    SessionState s = k.sess;
    s.offset += delay;
    s.inFlight = false;
    s.remaining--;
    if (!success && k.call.role() == CallerRole.AGENT) {
      s.dead = true; // pi-agent-core ends the run on an error message
      release(s, now);
    }
    while (!s.pending.isEmpty()) {
      SessionState.Waiting w = s.pending.poll();
      ReplayModel m = models.forCall(w.call());
      if (s.dead) {
        acc.notRun(Task.scaledTotal(w.call(), m));
        s.remaining--;
        continue;
      }
      begin(s, w.call(), m, Math.max(compress(w.startMillis()) + s.offset, now));
      return;
    }
    endIfDone(s, now);
  }

  private void endIfDone(SessionState s, long now) {
    if (s.remaining == 0 && !s.inFlight) {
      sessions[s.input] = null;
      openSessions--;
      rotation.endSession(s.idx);
      release(s, now);
    }
  }

  // ---- one Polpo attempt: model chain, key fetch ----

  private void start(Task k, long now) {
    boolean orchestrator = k.call.role() == CallerRole.ORCHESTRATOR;
    List<String> chain = orchestrator ? sc.fallbacks() : List.of();
    if (orchestrator && !chain.isEmpty()) {
      // queryTextWithFallback: skip providers in cooldown (which deletes ended entries)
      while (k.spec <= chain.size()
          && errors.cooldownsOf(specModel(k).provider).isCoolingDown(0, now)) {
        k.spec++;
      }
      if (k.spec > chain.size()) {
        after(k, errors.thrownError(k, "All model providers failed or are in cooldown", now), now);
        return;
      }
    }
    k.model = specModel(k);
    int cred = keys.acquire(k.sess.idx, k.model.provider, now);
    if (cred < 0) {
      acc.noCredential++;
      after(k, errors.thrownError(k, "No API key for provider: " + k.model.provider, now), now);
      return;
    }
    k.cred = cred;
    k.sdkAttempt = 0;
    send(k, now);
  }

  private ReplayModel specModel(Task k) {
    if (k.spec == 0) {
      return k.primary;
    }
    String spec = sc.fallbacks().get(k.spec - 1);
    int colon = spec.indexOf(':');
    return models.target(
        spec.substring(0, colon), spec.substring(colon + 1), false, k.primary.factor);
  }

  // ---- one HTTP attempt ----

  private void send(Task k, long now) {
    if (k.failure != null) { // the end of an attempt that timed out or broke mid-stream
      String msg = k.failure;
      k.failure = null;
      after(k, errors.httpError(k, msg, now), now);
      return;
    }
    acc.attempts++;
    Credential c = keys.credential(k.cred);
    ReplayModel m = k.model;
    SpendLimit.Refusal refusal =
        c.spend.tracked() ? c.spend.refusal(now) : SpendLimit.Refusal.NONE;
    if (refusal == SpendLimit.Refusal.NONE && c.workspaceSpend != null) {
      refusal = c.workspaceSpend.refusal(now); // a workspace's own Console limit
    }
    if (refusal != SpendLimit.Refusal.NONE) {
      acc.billingRejections++;
      if (refusal == SpendLimit.Refusal.TIER_CAP) {
        retryWithoutRetryAfter(k, TIER_CAP_MSG, now);
      } else { // a 400: the SDK does not retry it
        String msg = refusal == SpendLimit.Refusal.CREDIT ? CREDIT_MSG : SPEND_LIMIT_MSG;
        after(k, errors.httpError(k, msg, now), now);
      }
      return;
    }
    if (m.contextWindow > 0 && k.prompt > m.contextWindow && "anthropic".equals(m.provider)) {
      // pi-ai 0.62.0 never sends the context-1m beta (anthropic.js:417-463 build the only
      // anthropic-beta headers), so a longer prompt is refused whatever the model could take
      acc.promptTooLong++;
      String msg =
          "400 invalid_request_error: prompt is too long: "
              + k.prompt
              + " tokens > "
              + m.contextWindow
              + " maximum";
      after(k, errors.httpError(k, msg, now), now);
      return;
    }
    Scenario.Errors inject = sc.errors();
    double overloadRate = inject.overloadedRate();
    if (overloadRate > 0 && rngErrors.nextDouble() < overloadRate) {
      acc.overloaded++;
      retryWithoutRetryAfter(k, OVERLOADED_MSG, now);
      return;
    }
    // each rate draws only when set, so a scenario without it replays exactly as before
    if (inject.serverErrorRate() > 0 && rngErrors.nextDouble() < inject.serverErrorRate()) {
      acc.serverErrors++;
      retryWithoutRetryAfter(k, SERVER_ERROR_MSG, now); // SDK client.js:385: status >= 500
      return;
    }
    if (inject.timeoutRate() > 0 && rngErrors.nextDouble() < inject.timeoutRate()) {
      acc.timeouts++;
      timedOut(k, now);
      return;
    }
    CacheSplit split = cacheStep.request(k, c, m, now, false);
    long in = split.input();
    long rd = split.read();
    long wr = split.write();
    long sent =
        k.call.role() == CallerRole.ORCHESTRATOR ? m.orchestratorMaxTokens : m.agentMaxTokens;
    // -1 (unknown limit): reserve the real output; a 2026 tier counts the real output only
    long maxOut = limits.outputHold(c, Math.max(sent, k.out), k.out);
    // Message Batches have their own limits (batch RPM and processing queue per tier, not the
    // Messages API's RPM/ITPM/OTPM: https://platform.claude.com/docs/en/api/rate-limits): they
    // skip the live buckets and occupy the queue until they are processed
    int key = k.call.batch() ? -1 : limits.key(c, m);
    long done = k.call.batch() ? batchDone(k, now) : -1;
    long wait = limits.admit(c, m, key, in, rd, wr, k.out, maxOut, now, done);
    if (wait > 0) {
      acc.rateLimited(c, now);
      if (k.sdkAttempt < sc.retry().sdkMaxRetries()) {
        long d = Backoff.sdkMillis(k.sdkAttempt, wait, rngSdk.nextDouble());
        k.sdkAttempt++;
        acc.sdkRetries++;
        queue.push(now + d, EventQueue.SEND, k);
      } else {
        after(k, errors.httpError(k, RATE_LIMIT_MSG, now), now);
      }
      return;
    }
    double midRate = inject.midStreamErrorRate();
    if (midRate > 0 && rngErrors.nextDouble() < midRate) {
      acc.midStreamErrors++;
      brokeMidStream(k, now, key, maxOut);
      return;
    }
    cacheStep.request(k, c, m, now, true);
    succeed(k, c, m, now, key, maxOut);
  }

  /**
   * No response headers within the SDK's timeout: the SDK aborts the fetch after {@link
   * #SDK_TIMEOUT_MILLIS} and retries it as a connection error with its own backoff (no headers,
   * so no retry-after: @anthropic-ai/sdk 0.73.0 client.js:243-264, 389-416); out of retries it
   * throws {@code APIConnectionTimeoutError} "Request timed out." (core/error.js:84-86).
   */
  private void timedOut(Task k, long now) {
    long end = now + SDK_TIMEOUT_MILLIS;
    if (k.sdkAttempt < sc.retry().sdkMaxRetries()) {
      long d = Backoff.sdkMillis(k.sdkAttempt, 0, rngSdk.nextDouble());
      k.sdkAttempt++;
      acc.sdkRetries++;
      queue.push(end + d, EventQueue.SEND, k);
    } else {
      k.failure = TIMEOUT_MSG;
      queue.push(end, EventQueue.SEND, k);
    }
  }

  /**
   * The stream breaks with an SSE {@code error} event once the response has begun: the SDK
   * throws it from the stream's iterator, past its retry loop (core/streaming.js:62-63), pi-ai
   * 0.62.0 turns it into {@code stopReason: "error"} (providers/anthropic.js:340-347) and the
   * agent loop ends the run (pi-agent-core agent-loop.js:105-108). The rate-limit admission
   * stands (the request was accepted); the output reservation comes back whole when it breaks.
   * Whether Anthropic bills the input of a broken stream is unpublished: nothing is billed or
   * cached.
   */
  private void brokeMidStream(Task k, long now, int key, long maxOut) {
    long latency = k.call.latencyMillis();
    long first = sc.timing().firstTokenMillis();
    long end = now + (latency >= 0 ? Math.min(first, latency) : first);
    if (key >= 0 && maxOut > 0) {
      queue.pushRefund(end, key, maxOut, 0);
    }
    k.failure = MID_STREAM_MSG;
    queue.push(end, EventQueue.SEND, k);
  }

  /** An error the SDK retries with its own backoff (no retry-after): a 529, a tier's cap. */
  private void retryWithoutRetryAfter(Task k, String message, long now) {
    if (k.sdkAttempt < sc.retry().sdkMaxRetries()) {
      long d = Backoff.sdkMillis(k.sdkAttempt, 0, rngSdk.nextDouble());
      k.sdkAttempt++;
      acc.sdkRetries++;
      queue.push(now + d, EventQueue.SEND, k);
    } else {
      after(k, errors.httpError(k, message, now), now);
    }
  }

  /**
   * When a batch request submitted at {@code now} is processed: after its recorded latency, else
   * {@code timing.batchCompletionMinutes} ("most batches finishing in less than 1 hour", results
   * when the batch ends, at most 24 h:
   * https://platform.claude.com/docs/en/build-with-claude/batch-processing).
   */
  private long batchDone(Task k, long now) {
    long latency = k.call.latencyMillis();
    return now + (latency >= 0 ? latency : sc.timing().batchCompletionMillis());
  }

  private void succeed(Task k, Credential c, ReplayModel m, long now, int key, long maxOut) {
    // a batch request is billed when it is processed (cost by day, the spend limits' month); the
    // session goes on as recorded, as the trace's later calls already waited for it
    prices.price(k, c, m, cacheStep.split(), k.call.batch() ? batchDone(k, now) : now);
    if (key >= 0 && maxOut > k.out) {
      long latency =
          k.call.latencyMillis() >= 0 ? k.call.latencyMillis() : sc.timing().defaultLatencyMillis();
      queue.pushRefund(now + latency, key, maxOut, k.out);
    }
    if (k.call.role() == CallerRole.ORCHESTRATOR) {
      errors.cooldownsOf(m.provider).clear(0);
    }
    complete(k, true, now);
  }

  // ---- failure paths ----

  /** Carries out {@link ErrorPolicy}'s decision: the call fails, or starts again at a time. */
  private void after(Task k, long restartAt, long now) {
    if (restartAt == ErrorPolicy.FAIL) {
      complete(k, false, now);
    } else {
      queue.push(restartAt, EventQueue.START, k);
    }
  }

  // ---- helpers ----

  private long compress(long ts) {
    double f = sc.timing().compression();
    return f == 1.0 ? ts : pre.start() + Math.round((ts - pre.start()) / f);
  }

  // ---- the end: results and self-check ----

  private SimResult finish() {
    SimResult r =
        new ResultBuilder(sc, opt, seed, acc, keys.all(), models, pool, agentNames, systemPrefix)
            .build(limits.oversizedRequests());
    SelfCheck.verify(
        r,
        acc.tokensIn,
        acc.total.tokens().prompt() + acc.total.output,
        acc.tokensUnrun,
        queue.isEmpty() && openSessions == 0);
    return r;
  }
}
