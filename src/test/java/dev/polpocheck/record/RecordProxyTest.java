package dev.polpocheck.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recording proxy between a client and a fake Anthropic on loopback: responses reach the
 * client unchanged (JSON byte for byte, events one by one as they are sent), every failure mode
 * gives the client an Anthropic-shaped answer and a recorded error, and each Messages call
 * becomes one native trace line with usage, status, rate limits and a profile label, never the
 * credential or the content.
 */
class RecordProxyTest {
  static final String CANARY_KEY =
      "sk-ant-api03-CANARYcanaryCANARYcanaryCANARYcanaryCANARYcanaryCANARYcanaryCANARYcan-AA";
  static final String CANARY_TOKEN =
      "sk-ant-oat01-CANARYtokenCANARYtokenCANARYtokenCANARYtokenCANARYtokenCANARYtok-BB";
  static final String SYSTEM =
      "[{\"type\":\"text\",\"text\":\"You are coder, the team's coding agent.\","
          + "\"cache_control\":{\"type\":\"ephemeral\"}}]";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;
  FakeAnthropic fake;
  RecordServer proxy;
  final StringWriter err = new StringWriter();
  final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws IOException {
    fake = new FakeAnthropic();
    proxy = RecordFixtures.start(fake.uri(), tmp.resolve("out"), Duration.ofMillis(1000), err);
  }

  @AfterEach
  void stop() {
    proxy.close();
    fake.close();
  }

  URI proxyUri(String path) {
    return URI.create("http://127.0.0.1:" + proxy.address().getPort() + path);
  }

  static String body(String firstMessage, boolean stream) {
    return "{\"model\":\"" + FakeAnthropic.MODEL + "\",\"max_tokens\":1024,\"stream\":" + stream
        + ",\"system\":" + SYSTEM + ",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
        + "\"text\",\"text\":\"" + firstMessage + "\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]}";
  }

  HttpResponse<byte[]> post(String body) throws Exception {
    return client.send(request(body).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpRequest.Builder request(String body) {
    return HttpRequest.newBuilder(proxyUri("/v1/messages"))
        .header("x-api-key", CANARY_KEY)
        .header("anthropic-version", "2023-06-01")
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /** Every recorded line, after the proxy has stopped and flushed. */
  List<JsonNode> lines() throws IOException {
    proxy.stop(1);
    return RecordFixtures.lines(tmp.resolve("out"));
  }

  String everythingWritten() throws IOException {
    return RecordFixtures.everythingWritten(tmp, err);
  }

  @Test
  void jsonCall_relayedByteForByte_andRecordedWithUsageStatusAndLimits() throws Exception {
    String req = body("Fix the bug in parser.c", false);
    HttpResponse<byte[]> r = post(req);
    assertEquals(200, r.statusCode());
    assertArrayEquals(FakeAnthropic.JSON_BODY.getBytes(StandardCharsets.UTF_8), r.body());
    assertEquals("req_fake_1", r.headers().firstValue("request-id").orElseThrow());
    FakeAnthropic.Received got = fake.received.get(0);
    assertArrayEquals(req.getBytes(StandardCharsets.UTF_8), got.body(), "request body unchanged");
    assertEquals(List.of(CANARY_KEY), got.headers().get("X-api-key"), "the key reaches Anthropic");
    assertEquals(List.of("2023-06-01"), got.headers().get("Anthropic-version"));

    List<JsonNode> lines = lines();
    assertEquals(1, lines.size());
    JsonNode l = lines.get(0);
    assertEquals(FakeAnthropic.MODEL, l.get("model").stringValue());
    assertEquals("anthropic", l.get("provider").stringValue());
    assertEquals("ok", l.get("status").stringValue());
    assertEquals(200, l.get("httpStatus").intValue());
    assertEquals("req_fake_1", l.get("requestId").stringValue());
    assertEquals("api-key", l.get("profileType").stringValue());
    assertTrue(l.get("profile").stringValue().matches("anthropic:key-[0-9a-f]{12}"));
    assertEquals("standard", l.get("serviceTier").stringValue());
    assertEquals(req.length(), l.get("requestBytes").intValue());
    assertEquals(FakeAnthropic.JSON_BODY.length(), l.get("responseBytes").intValue());
    assertFalse(l.has("stream"));
    // usage as the fake's body states it: input_tokens, output_tokens, cache reads and the
    // cache_creation split (5m 100 + 1h 2000 = cache_creation_input_tokens 2100)
    JsonNode u = l.get("usage");
    assertEquals(1200, u.get("input").intValue());
    assertEquals(350, u.get("output").intValue());
    assertEquals(48000, u.get("cacheRead").intValue());
    assertEquals(2100, u.get("cacheWrite").intValue());
    assertEquals(100, u.get("cacheWrite5m").intValue());
    assertEquals(2000, u.get("cacheWrite1h").intValue());
    JsonNode rl = l.get("rateLimits");
    assertEquals(4000, rl.get("requests-limit").intValue());
    assertEquals(3999, rl.get("requests-remaining").intValue());
    assertEquals("2026-12-04T05:00:00Z", rl.get("requests-reset").stringValue());
    assertEquals(2_000_000, rl.get("input-tokens-limit").intValue());
    assertTrue(l.get("latencyMs").longValue() >= l.get("ttfbMs").longValue());
    assertTrue(l.get("agent").stringValue().matches("sys-[0-9a-f]{8}"));
    assertTrue(l.get("session").stringValue().startsWith("conv-"));
    String all = everythingWritten();
    assertFalse(all.contains("CANARY"), "the key never reaches a file or stderr");
    assertFalse(all.contains("parser.c"), "prompt content is never written");
    assertFalse(all.contains("Hello from the fake"), "response content is never written");
  }

  @Test
  void stream_reachesTheClientEventByEvent_andIsRecordedFromItsEvents() throws Exception {
    HttpResponse<InputStream> r =
        client.send(request(body("scenario:gated", true)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertEquals("text/event-stream", r.headers().firstValue("content-type").orElseThrow());
    InputStream in = r.body();
    // The fake has sent message_start and now waits: the client must already have it.
    String first = readUntil(in, "\n\n");
    assertTrue(first.startsWith("event: message_start"), first);
    assertEquals(1, fake.release.getCount(), "the rest is still held by the fake");
    fake.release.countDown();
    String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(String.join("", FakeAnthropic.EVENTS), first + rest, "every byte relayed");

    JsonNode l = lines().get(0);
    assertEquals("ok", l.get("status").stringValue());
    assertTrue(l.get("stream").booleanValue());
    // message_start's input side, message_delta's cumulative output_tokens (350, not 1)
    assertEquals(1200, l.get("usage").get("input").intValue());
    assertEquals(350, l.get("usage").get("output").intValue());
    assertEquals(2000, l.get("usage").get("cacheWrite1h").intValue());
  }

  @Test
  void responseHead_reachesTheClientBeforeTheFirstEvent() throws Exception {
    // The fake sends status and headers, then holds every event until released: a client
    // waiting for the head (as SDKs do before reading a stream) must get it meanwhile.
    var pending =
        client.sendAsync(request(body("scenario:headfirst", true)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    HttpResponse<InputStream> r = pending.get(5, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode());
    assertEquals("text/event-stream", r.headers().firstValue("content-type").orElseThrow());
    assertEquals(1, fake.release.getCount(), "no event was sent yet");
    fake.release.countDown();
    assertEquals(String.join("", FakeAnthropic.EVENTS),
        new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static String readUntil(InputStream in, String end) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (!sb.toString().endsWith(end)) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      sb.append((char) b);
    }
    return sb.toString();
  }

  @Test
  void rateLimited429_isRelayed_andRecordedWithRetryAfter() throws Exception {
    HttpResponse<byte[]> r = post(body("scenario:429", false));
    assertEquals(429, r.statusCode());
    assertEquals("17", r.headers().firstValue("retry-after").orElseThrow());
    JsonNode l = lines().get(0);
    assertEquals("error", l.get("status").stringValue());
    assertEquals(429, l.get("httpStatus").intValue());
    assertEquals("rate_limit_error", l.get("errorType").stringValue());
    assertEquals(17, l.get("retryAfterS").intValue());
    assertEquals(0, l.get("usage").get("input").intValue());
    assertEquals(FakeAnthropic.MODEL, l.get("model").stringValue(), "the requested model");
  }

  @Test
  void keyPastedAsTheModel_errorWithoutModel_isMaskedInTheTrace() throws Exception {
    // F11 end to end (reports/hardening.md): an error response names no model, so the line takes
    // the request's; a key pasted there ("model": "$ANTHROPIC_API_KEY") must not reach the file.
    String pasted = body("scenario:429", false).replace(FakeAnthropic.MODEL, CANARY_KEY);
    assertEquals(429, post(pasted).statusCode());
    JsonNode l = lines().get(0);
    assertEquals(429, l.get("httpStatus").intValue());
    assertFalse(l.get("model").stringValue().contains("CANARY"), l.toString());
    assertFalse(everythingWritten().contains("CANARY"));
  }

  @Test
  void overloaded529_isRelayed_andRecordedAsError() throws Exception {
    HttpResponse<byte[]> r = post(body("scenario:529", false));
    assertEquals(529, r.statusCode());
    assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("overloaded_error"));
    JsonNode l = lines().get(0);
    assertEquals(529, l.get("httpStatus").intValue());
    assertEquals("overloaded_error", l.get("errorType").stringValue());
  }

  @Test
  void streamCutMidway_breaksTheClientsResponse_andIsRecordedWithTheInputSide() throws Exception {
    HttpResponse<InputStream> r =
        client.send(request(body("scenario:cut", true)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    InputStream in = r.body();
    assertThrows(IOException.class, in::readAllBytes, "the client sees the stream break");
    JsonNode l = lines().get(0);
    assertEquals("error", l.get("status").stringValue());
    assertEquals("upstream_cut", l.get("errorType").stringValue());
    // message_start arrived before the cut: its input side was billed and is kept
    assertEquals(1200, l.get("usage").get("input").intValue());
    assertEquals(1, l.get("usage").get("output").intValue());
  }

  @Test
  void slowUpstream_gets504TimeoutError_inAnthropicsShape() throws Exception {
    HttpResponse<byte[]> r = post(body("scenario:slow", false));
    assertEquals(504, r.statusCode());
    JsonNode b = JSON.readTree(r.body());
    assertEquals("error", b.get("type").stringValue());
    assertEquals("timeout_error", b.get("error").get("type").stringValue());
    JsonNode l = lines().get(0);
    assertEquals(504, l.get("httpStatus").intValue());
    assertEquals("timeout_error", l.get("errorType").stringValue());
    assertEquals("error", l.get("status").stringValue());
  }

  @Test
  void stalledStream_isEndedAfterTheTimeout_andRecordedAsTimeout() throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<InputStream> r =
        client.send(request(body("scenario:stall", true)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThrows(IOException.class, () -> r.body().readAllBytes());
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertTrue(ms < 2900, "ended by the 1 s idle timeout, not by the fake's 3 s: " + ms);
    JsonNode l = lines().get(0);
    assertEquals("timeout_error", l.get("errorType").stringValue());
  }

  @Test
  void upstreamDown_gets502ApiError_andIsRecorded() throws Exception {
    proxy.close();
    int deadPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    proxy = RecordFixtures.start(URI.create("http://127.0.0.1:" + deadPort), tmp.resolve("out"),
        Duration.ofSeconds(2), err);
    HttpResponse<byte[]> r = post(body("hello", false));
    assertEquals(502, r.statusCode());
    JsonNode b = JSON.readTree(r.body());
    assertEquals("api_error", b.get("error").get("type").stringValue());
    JsonNode l = lines().get(0);
    assertEquals(502, l.get("httpStatus").intValue());
    assertEquals("api_error", l.get("errorType").stringValue());
    assertFalse(everythingWritten().contains("CANARY"));
  }

  @Test
  void clientDisconnectMidStream_cancelsTheUpstream_andIsRecordedAborted() throws Exception {
    HttpResponse<InputStream> r =
        client.send(request(body("scenario:endless", true)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    InputStream in = r.body();
    assertTrue(readUntil(in, "\n\n").startsWith("event: message_start"));
    in.close(); // the client goes away
    assertTrue(fake.clientGone.await(5, TimeUnit.SECONDS),
        "the upstream sees its request cancelled well before its 10 s of events end");
    JsonNode l = lines().get(0);
    assertTrue(l.get("aborted").booleanValue());
    assertEquals("aborted", l.get("errorType").stringValue());
    assertEquals("error", l.get("status").stringValue());
  }

  @Test
  void otherEndpoints_arePassedThrough_andNotRecorded() throws Exception {
    HttpResponse<String> models =
        client.send(HttpRequest.newBuilder(proxyUri("/v1/models?limit=5"))
            .header("x-api-key", CANARY_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, models.statusCode());
    assertTrue(models.body().contains(FakeAnthropic.MODEL));
    assertEquals("/v1/models?limit=5", fake.received.get(0).path(), "path and query kept");
    HttpResponse<String> count =
        client.send(HttpRequest.newBuilder(proxyUri("/v1/messages/count_tokens"))
            .header("x-api-key", CANARY_KEY)
            .POST(HttpRequest.BodyPublishers.ofString(body("count me", false))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals("{\"input_tokens\":42}", count.body());
    assertEquals(List.of(), lines());
  }

  @Test
  void bodyLargerThanTheBuffer_isStreamedThroughUnchanged() throws Exception {
    proxy.close(); // the upload alone may take longer than the 1 s the other tests allow
    proxy = RecordFixtures.start(fake.uri(), tmp.resolve("out"), Duration.ofSeconds(60), err);
    // 40 MiB: above the 32 MiB read for fingerprints, so relayed without being held whole
    StringBuilder sb = new StringBuilder(40 << 20);
    sb.append("{\"model\":\"").append(FakeAnthropic.MODEL).append("\",\"messages\":[{\"role\":")
        .append("\"user\",\"content\":\"");
    while (sb.length() < (40 << 20)) {
      sb.append("abcdefghijklmnopqrstuvwxyz0123456789");
    }
    sb.append("\"}]}");
    byte[] big = sb.toString().getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> r =
        client.send(request("").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    assertArrayEquals(sha.digest(big), sha.digest(fake.received.get(0).body()));
    JsonNode l = lines().get(0);
    assertEquals(big.length, l.get("requestBytes").longValue());
    assertEquals(FakeAnthropic.MODEL, l.get("model").stringValue(), "model from the response");
    assertEquals("unknown", l.get("session").stringValue(), "no session facts unread");
  }

  @Test
  void turnsOfOneConversation_shareASession_andOneSystemPromptIsOneAgent() throws Exception {
    // pi-ai moves the cache breakpoint to the newest user message every turn
    String turn1 = body("Fix the bug in parser.c", false);
    String turn2 =
        "{\"model\":\"" + FakeAnthropic.MODEL + "\",\"max_tokens\":1024,\"system\":" + SYSTEM
            + ",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
            + "\"Fix the bug in parser.c\"}]},{\"role\":\"assistant\",\"content\":[{\"type\":"
            + "\"text\",\"text\":\"Looking.\"}]},{\"role\":\"user\",\"content\":[{\"type\":"
            + "\"text\",\"text\":\"go on\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]}";
    String other = body("Write the release notes", false);
    post(turn1);
    post(turn2);
    post(other);
    HttpResponse<byte[]> oauth =
        client.send(HttpRequest.newBuilder(proxyUri("/v1/messages"))
            .header("authorization", "Bearer " + CANARY_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(turn1)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, oauth.statusCode());
    List<JsonNode> l = lines();
    assertEquals(4, l.size());
    assertEquals(l.get(0).get("session"), l.get(1).get("session"), "turn 2 continues turn 1");
    assertNotEquals(l.get(0).get("session"), l.get(2).get("session"));
    assertEquals(l.get(0).get("agent"), l.get(2).get("agent"), "same system prompt, same agent");
    assertEquals(l.get(0).get("profile"), l.get(2).get("profile"), "same key, same label");
    assertEquals("oauth", l.get(3).get("profileType").stringValue());
    assertTrue(l.get(3).get("profile").stringValue().matches("anthropic:oauth-[0-9a-f]{12}"));
    assertFalse(everythingWritten().contains("CANARY"));
  }

  @Test
  void anApiKeySentAsBearer_isAnApiKey_withTheSameLabelAsInXApiKey() throws Exception {
    // the Java SDK sends API keys as "Authorization: Bearer sk-ant-api..." (JavaSdkClientTest)
    post(body("hello", false));
    client.send(HttpRequest.newBuilder(proxyUri("/v1/messages"))
        .header("authorization", "Bearer " + CANARY_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(body("hello", false))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    List<JsonNode> l = lines();
    assertEquals("api-key", l.get(1).get("profileType").stringValue());
    assertEquals(l.get(0).get("profile"), l.get(1).get("profile"), "one key, one label");
    assertFalse(everythingWritten().contains("CANARY"));
  }

  @Test
  void traceFilesAndTheKey_areOwnerOnly() throws Exception {
    post(body("hello", false));
    lines();
    Path out = tmp.resolve("out");
    try (Stream<Path> files = Files.list(out)) {
      List<Path> all = files.toList();
      assertEquals(2, all.size(), "one day file and the key: " + all);
      for (Path f : all) {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
            f.toString());
      }
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
  }
}
