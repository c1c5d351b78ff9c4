package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.trace.Call;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * Protects the sample workload behind {@code polpo-check forecast} with no arguments: the shipped
 * copy is exactly what the seeded generator produces, and it keeps the statistics of the real
 * mini-swe-agent traces it was calibrated to (reports/sample-workload-calibration.md).
 */
class SampleWorkloadTest {

  @Test
  void shipped_regeneratedWithTheSameSeed_isByteIdentical() {
    // The comparison is on the uncompressed JSONL: gzip bytes may differ between zlib builds.
    assertArrayEquals(SampleWorkload.generatedBytes(SampleWorkload.SEED),
        SampleWorkload.shippedBytes());
  }

  @Test
  void generate_anotherSeed_differs() {
    assertTrue(SampleWorkload.generate(1).size() != SampleWorkload.generate(2).size()
        || !SampleWorkload.generate(1).equals(SampleWorkload.generate(2)));
  }

  @Test
  void shipped_coderSessions_keepTheMeasuredLengthAndGrowth() {
    Corpus c = Corpus.of(SampleWorkload.shipped());
    // four weeks from a Monday, about 20 sessions a day
    assertEquals(28.0, c.spanDays(), 1.0);
    assertEquals(SampleWorkload.SESSIONS_PER_DAY, c.sessionsPerDay(), 2.5);
    assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    SummaryStatistics logCalls = new SummaryStatistics();
    SummaryStatistics logGrowth = new SummaryStatistics();
    for (Session s : c.sessions("coder")) {
      logCalls.addValue(Math.log(s.calls().size()));
      List<Call> cs = s.calls();
      for (int i = 1; i < cs.size(); i++) {
        logGrowth.addValue(Math.log(cs.get(i).promptTokens() - cs.get(i - 1).promptTokens()));
      }
    }
    // measured on mini-swe-agent: calls per session log-mean 4.318 (sd 0.420), prompt growth
    // log-mean 5.798; 3 standard errors of the sample's own mean
    assertEquals(4.318, logCalls.getMean(), 3 * 0.42 / Math.sqrt(logCalls.getN()) + 0.01);
    assertEquals(5.798, logGrowth.getMean(), 0.05);
  }

  @Test
  void shipped_weekendsAreQuieter() {
    double[] d = Corpus.of(SampleWorkload.shipped()).dayWeights();
    assertTrue(d[5] < 0.8 && d[6] < 0.8, java.util.Arrays.toString(d));
    assertTrue(d[1] > 1.0);
  }
}
