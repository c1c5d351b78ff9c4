package dev.polpocheck.sim;

import dev.polpocheck.cost.CostBreakdown;
import dev.polpocheck.cost.Money;

/**
 * A mutable running sum of calls, tokens and cost for one group; turned into a record at the end.
 */
final class Tally {
  long calls;
  long input;
  long output;
  long read;
  long write5m;
  long write1h;
  long cIn;
  long cOut;
  long cW5;
  long cW1;
  long cRead;

  /** Makes this the tally of one call with these tokens and cost parts (picodollars). */
  void set(
      long in,
      long out,
      long rd,
      long w5,
      long w1,
      long costIn,
      long costOut,
      long costW5,
      long costW1,
      long costRead) {
    calls = 1;
    input = in;
    output = out;
    read = rd;
    write5m = w5;
    write1h = w1;
    cIn = costIn;
    cOut = costOut;
    cW5 = costW5;
    cW1 = costW1;
    cRead = costRead;
  }

  void merge(Tally o) {
    calls += o.calls;
    input += o.input;
    output += o.output;
    read += o.read;
    write5m += o.write5m;
    write1h += o.write1h;
    cIn = Money.add(cIn, o.cIn);
    cOut = Money.add(cOut, o.cOut);
    cW5 = Money.add(cW5, o.cW5);
    cW1 = Money.add(cW1, o.cW1);
    cRead = Money.add(cRead, o.cRead);
  }

  /** The cost summed over its parts, as {@link CostBreakdown#total()} sums them. */
  long costTotal() {
    return Money.add(Money.add(Money.add(cIn, cOut), Money.add(cW5, cW1)), cRead);
  }

  SimResult.Tokens tokens() {
    return new SimResult.Tokens(input, output, read, write5m, write1h);
  }

  CostBreakdown cost() {
    return new CostBreakdown(cIn, cOut, cW5, cW1, cRead);
  }

  SimResult.Part part() {
    return new SimResult.Part(calls, tokens(), cost());
  }
}
