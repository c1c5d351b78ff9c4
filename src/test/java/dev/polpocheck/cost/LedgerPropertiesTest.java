package dev.polpocheck.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polpocheck.catalog.PriceCatalog;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.CallStatus;
import dev.polpocheck.trace.CallerRole;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Conservation, whatever the calls: every grouping of a report adds up to the same total, which is
 * the sum of each call's own price — no call is lost or counted twice by days, weeks, blocks or
 * models, and the order of the calls does not matter.
 */
class LedgerPropertiesTest {
  private static final PriceCatalog CATALOG = PriceCatalog.defaultCatalog();
  private static final List<String> MODELS =
      List.of(
          "claude-sonnet-4-5-20250929", "claude-haiku-4-5", "claude-opus-4-1", "claude-unknown");

  @Provide
  Arbitrary<List<Call>> calls() {
    Arbitrary<Long> ts = Arbitraries.longs().between(1_780_000_000_000L, 1_790_000_000_000L);
    Arbitrary<String> model = Arbitraries.of(MODELS);
    Arbitrary<Long> tokens = Arbitraries.longs().between(0, 300_000);
    Arbitrary<Call> call =
        Combinators.combine(
                ts, model, tokens, tokens, tokens, tokens, Arbitraries.of("a", "b", "c"))
            .as(
                (t, m, in, out, read, write, session) ->
                    new Call(
                        t,
                        session,
                        "",
                        CallerRole.AGENT,
                        "anthropic",
                        m,
                        in,
                        out % 5_000,
                        read,
                        write / 3,
                        write / 3,
                        write - 2 * (write / 3),
                        null,
                        CallStatus.OK,
                        -1,
                        -1,
                        in % 7 == 0));
    return call.list().ofMaxSize(60);
  }

  @Property(tries = 200)
  void everyGrouping_addsUpToTheSumOfTheCallsPrices(@ForAll("calls") List<Call> calls) {
    long expected = 0;
    long priced = 0;
    for (Call c : calls) {
      var p = CATALOG.find(c.provider(), c.model());
      if (p.isPresent()) {
        expected = Money.add(expected, Pricing.cost(c, p.get(), 8_000).total());
        priced++;
      }
    }
    for (GroupBy by : GroupBy.values()) {
      Ledger l = new Ledger(CATALOG, by, ZoneId.of("Asia/Kolkata"), null, null, 8_000);
      for (int i = calls.size() - 1; i >= 0; i--) {
        l.accept(calls.get(i));
      }
      LedgerReport r = l.report();
      assertEquals(expected, r.total().cost().total(), by.name());
      assertEquals(calls.size(), r.total().calls(), by.name());
      assertEquals(priced, r.total().calls() - r.total().unpriced(), by.name());
      long rows = r.rows().stream().mapToLong(x -> x.totals().cost().total()).sum();
      assertEquals(expected, rows, by.name());
    }
  }
}
