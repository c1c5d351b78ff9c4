package dev.polpocheck.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.cli.CliRun;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recording is a workload the other commands take as it is: {@code cost} bills it exactly,
 * {@code simulate} replays it and {@code forecast} bootstraps its sessions, with no conversion
 * step in between.
 */
class RecordingFeedsTheToolsTest {
  @TempDir Path tmp;

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path record() throws Exception {
    Path out = tmp.resolve("traces");
    StringWriter err = new StringWriter();
    try (FakeAnthropic fake = new FakeAnthropic()) {
      RecordServer proxy = RecordFixtures.start(fake.uri(), out, Duration.ofSeconds(5), err);
      HttpClient client = HttpClient.newHttpClient();
      URI uri = RecordFixtures.messages(proxy);
      String[][] calls = {
        {RecordProxyTest.CANARY_KEY, RecordProxyTest.body("Fix the bug", false)},
        {RecordProxyTest.CANARY_KEY, RecordProxyTest.body("Write the notes", true)},
        {RecordProxyTest.CANARY_KEY + "2", RecordProxyTest.body("scenario:429", false)},
      };
      for (String[] c : calls) {
        client.send(HttpRequest.newBuilder(uri).header("x-api-key", c[0])
            .POST(HttpRequest.BodyPublishers.ofString(c[1])).build(),
            HttpResponse.BodyHandlers.ofString());
      }
      RecordServer.Summary s = proxy.stop(1);
      assertEquals(3, s.written());
    }
    return out;
  }

  @Test
  void recording_isBilledExactly_byCost() throws Exception {
    Path traces = record();
    CliRun r = run("cost", traces.toString(), "--by", "profile", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode total = JsonMapper.builder().build().readTree(r.out()).get("cost").get("total");
    // Sonnet 4.5 list prices per MTok: input $3, output $15, cache read $0.30, 5-minute write
    // $3.75, 1-hour write $6. Each answered call: 1200x3 + 350x15 + 48000x0.30 + 100x3.75
    // + 2000x6 = 3600 + 5250 + 14400 + 375 + 12000 = 35625 micro-USD = $0.035625; two answered
    // calls (JSON and stream) and one 429 with no usage: $0.07125.
    assertEquals("0.07125", total.get("costUsd").get("total").decimalValue().stripTrailingZeros()
        .toPlainString());
    assertEquals(3, total.get("calls").intValue());
    assertEquals(2400, total.get("tokens").get("input").intValue());
    assertEquals(4000, total.get("tokens").get("cacheWrite1h").intValue());
    assertEquals(2, JsonMapper.builder().build().readTree(r.out()).get("cost").get("rows").size(),
        "two keys, two profiles");
    assertTrue(!r.out().contains("CANARY") && !r.err().contains("CANARY"));
  }

  @Test
  void recording_isReplayedBySimulate_andForecastBootstrapsItsSessions() throws Exception {
    Path traces = record();
    CliRun sim = run("simulate", traces.toString());
    assertEquals(0, sim.exit(), sim.err());
    assertTrue(sim.out().contains("calls: 3 in, 3 ok"), sim.out());
    assertTrue(sim.out().contains("1 call(s) were recorded as provider errors"), sim.out());
    String agent =
        JsonMapper.builder().build().readTree(
            java.nio.file.Files.readAllLines(
                java.nio.file.Files.list(traces).filter(p -> p.toString().endsWith(".jsonl"))
                    .findFirst().orElseThrow()).get(0)).get("agent").stringValue();
    Path report = tmp.resolve("report");
    CliRun fc = run("forecast", traces.toString(), "--runs", "20", "--horizon", "2d",
        "--report", report.toString());
    assertEquals(0, fc.exit(), fc.err());
    assertTrue(java.nio.file.Files.size(report.resolve("report.html")) > 0,
        "the report is regenerated from the recording");
    // the three recorded conversations are three sessions of the one agent (one system prompt)
    assertTrue(fc.out().contains("agent " + agent), fc.out());
    assertTrue(fc.out().startsWith("forecast: 2 days"), fc.out());
  }
}
