package dev.polpocheck.sim;

import dev.polpocheck.cost.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conservation laws a finished run must satisfy (Caffeine's simulator re-checks its policies
 * the same way): every call read ended exactly once as ok, failed or not run; every token read was
 * either priced once (calls that ran) or left unpriced (calls that failed or did not run); the
 * total equals its parts and each breakdown (agent, model, profile, organisation) sums to it;
 * nothing is left in flight. A violation is a bug in polpo-check, reported as an internal error,
 * never a user's problem.
 */
final class SelfCheck {
  private SelfCheck() {}

  /**
   * Checks {@code r}.
   *
   * @param tokensIn every token of the calls read (after remapping factors)
   * @param tokensPriced prompt and output tokens of the calls that ran
   * @param tokensUnpriced tokens of the calls that failed or did not run
   * @param idle true when no event is queued and no session is open
   * @throws IllegalStateException naming every broken law
   */
  static void verify(
      SimResult r, long tokensIn, long tokensPriced, long tokensUnpriced, boolean idle) {
    List<String> broken = new ArrayList<>();
    SimResult.Counts n = r.counts();
    if (n.callsIn() != n.ok() + n.failed() + n.notRun()) {
      broken.add(
          "calls in "
              + n.callsIn()
              + " != ok + failed + not run "
              + (n.ok() + n.failed() + n.notRun()));
    }
    if (tokensIn != tokensPriced + tokensUnpriced) {
      broken.add(
          "tokens in "
              + tokensIn
              + " != priced "
              + tokensPriced
              + " + not priced "
              + tokensUnpriced);
    }
    if (r.tokens().prompt() + r.tokens().output() != tokensPriced) {
      broken.add("priced tokens " + tokensPriced + " differ from the result's tokens");
    }
    long cost = r.cost().total();
    for (Map<String, SimResult.Part> parts :
        List.of(r.byAgent(), r.byModel(), r.byProfile(), r.byOrganisation())) {
      long sum = 0;
      long calls = 0;
      for (SimResult.Part p : parts.values()) {
        sum = Money.add(sum, p.cost().total());
        calls += p.calls();
      }
      if (sum != cost || calls != n.ok()) {
        broken.add(
            "a breakdown sums to "
                + sum
                + " over "
                + calls
                + " calls, not "
                + cost
                + " over "
                + n.ok());
      }
    }
    if (cost < 0 || !idle) {
      broken.add("negative cost, events left or sessions open");
    }
    if (!broken.isEmpty()) {
      throw new IllegalStateException("simulation invariant broken: " + String.join("; ", broken));
    }
  }
}
