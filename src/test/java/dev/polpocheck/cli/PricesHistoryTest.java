package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polpo-check prices diff CATALOG} with one catalog shows what changed when: every dated
 * change of a model's rates (the Sonnet 5.5 cache-read cut, fast modes removed), and a catalog file
 * whose periods overlap is refused with the model named.
 */
class PricesHistoryTest {
  @TempDir Path tmp;

  @Test
  void diffOneCatalog_listsEachDatedChange() {
    CliRun r = CliRun.of("prices", "diff", "anthropic");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().lines().anyMatch(l -> l.matches(
            "anthropic:claude-sonnet-5-5 +2026-10-07 +read +0\\.2 +0\\.1")), r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.matches(
            "anthropic:claude-opus-4-8 +2026-11-30 +fast +10/50/12\\.5/20/1 +-")), r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.startsWith("anthropic:claude-opus-4-6")
            && l.contains("2026-02-17T08:00:00Z")), r.out());
  }

  @Test
  void overlappingPeriods_areRefusedNamingTheModel() throws Exception {
    Path f = tmp.resolve("p.json");
    String row = "{\"provider\":\"anthropic\",\"model\":\"m\",\"input\":1,\"output\":5,"
        + "\"cacheWrite5m\":1.25,\"cacheWrite1h\":2,\"cacheRead\":0.1,";
    Files.writeString(f, "{\"schemaVersion\":1,\"name\":\"t\",\"source\":\"x\","
        + "\"effectiveDate\":\"2026-12-01\",\"models\":["
        + row + "\"until\":\"2026-10-08\"}," + row + "\"from\":\"2026-10-07\"}]}");
    CliRun r = CliRun.of("cost", "--prices", f.toString(), tmp.toString());
    assertEquals(3, r.exit(), r.all());
    assertTrue(r.err().contains("anthropic:m has two prices in force at once"), r.err());
  }
}
