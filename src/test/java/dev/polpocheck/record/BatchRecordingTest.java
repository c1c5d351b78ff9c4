package dev.polpocheck.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.cli.CliRun;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Message Batches through the proxy: creating one is relayed and not recorded; fetching its
 * results relays the file unchanged and records each succeeded result as a batch call with its
 * usage, once, however often the results are fetched; {@code cost} bills those at the batch
 * discount.
 */
class BatchRecordingTest {
  @TempDir Path tmp;
  final StringWriter err = new StringWriter();
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  HttpResponse<String> send(RecordServer proxy, String path, HttpRequest.Builder b) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + proxy.address().getPort() + path);
    return client.send(b.uri(uri).header("x-api-key", RecordProxyTest.CANARY_KEY).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void succeededResults_areRecordedAsBatchCalls_onceEach_andBilledAtTheBatchDiscount() throws Exception {
    Path out = tmp.resolve("out");
    String results = "/v1/messages/batches/" + FakeAnthropic.BATCH_ID + "/results";
    try (FakeAnthropic fake = new FakeAnthropic();
        RecordServer proxy = RecordFixtures.start(fake.uri(), out, Duration.ofSeconds(5), err)) {
      String create = "{\"requests\":[{\"custom_id\":\"secret-task-1\",\"params\":"
          + RecordProxyTest.body("Summarise the report", false) + "}]}";
      HttpResponse<String> created = send(proxy, "/v1/messages/batches",
          HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(create)));
      assertEquals(FakeAnthropic.BATCH_CREATED, created.body());
      assertEquals(create, new String(fake.received.get(0).body(), java.nio.charset.StandardCharsets.UTF_8));

      HttpResponse<String> first = send(proxy, results, HttpRequest.newBuilder().GET());
      assertEquals(FakeAnthropic.BATCH_RESULTS, first.body(), "the results file, byte for byte");
      HttpResponse<String> again = send(proxy, results, HttpRequest.newBuilder().GET());
      assertEquals(FakeAnthropic.BATCH_RESULTS, again.body());
      HttpResponse<String> ranged = send(proxy, results,
          HttpRequest.newBuilder().GET().header("range", "bytes=0-"));
      assertEquals(200, ranged.statusCode());
      proxy.stop(1);
    }
    List<JsonNode> lines = RecordFixtures.lines(out);
    assertEquals(2, lines.size(), "two succeeded results; errored and expired are not billed");
    JsonNode sonnet = lines.get(0);
    assertTrue(sonnet.get("batch").booleanValue());
    assertEquals(FakeAnthropic.MODEL, sonnet.get("model").stringValue());
    assertEquals("batch-" + FakeAnthropic.BATCH_ID, sonnet.get("session").stringValue());
    assertEquals("ok", sonnet.get("status").stringValue());
    assertEquals("batch", sonnet.get("serviceTier").stringValue());
    assertEquals("api-key", sonnet.get("profileType").stringValue());
    assertFalse(sonnet.has("latencyMs"), "when a batch request ran is not known");
    assertEquals(1200, sonnet.get("usage").get("input").intValue());
    assertEquals(100, sonnet.get("usage").get("cacheWrite5m").intValue());
    assertEquals(2000, sonnet.get("usage").get("cacheWrite1h").intValue());
    JsonNode haiku = lines.get(1);
    assertEquals("claude-haiku-4-5-20251001", haiku.get("model").stringValue());
    assertEquals(500, haiku.get("usage").get("input").intValue());
    assertEquals(80, haiku.get("usage").get("output").intValue());
    String all = RecordFixtures.everythingWritten(tmp, err);
    assertFalse(all.contains("CANARY"), "the key is never written");
    assertFalse(all.contains("secret-task"), "custom ids are the client's, never written");
    assertFalse(all.contains("Batch answer"), "content is never written");

    CliRun cost = CliRun.of("cost", out.toString(), "--format", "json");
    assertEquals(0, cost.exit(), cost.err());
    JsonNode total = JsonMapper.builder().build().readTree(cost.out()).get("cost").get("total");
    // Batch API: half of the list prices (https://platform.claude.com/docs/en/about-claude/pricing).
    // Sonnet 4.5 at list: 1200x3 + 350x15 + 48000x0.30 + 100x3.75 + 2000x6 = 35625 micro-USD;
    // Haiku 4.5 ($1 in, $5 out per MTok): 500x1 + 80x5 = 900 micro-USD; halved: 36525 / 2 =
    // 18262.5 micro-USD = $0.0182625.
    assertEquals("0.0182625", total.get("costUsd").get("total").decimalValue().stripTrailingZeros()
        .toPlainString());
  }
}
