package dev.polpocheck.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polpo's own client through the proxy: pi-ai 0.62.0 (what Polpo 0.3.x calls Anthropic with) and
 * the @anthropic-ai/sdk it bundles, run by node from {@code src/test/node} (installed by
 * {@code .ci/run}), streaming with an API key, streaming with an OAuth token, and one plain JSON
 * call. pi-ai must receive exactly what the fake sent (text, usage, stop reason, id), and the
 * recording must hold one line per call with that usage and the right credential type, never the
 * credential. Under CI the test fails rather than skip when pi-ai is missing.
 */
class PiAiClientTest {
  private static final Path NODE_DIR =
      Paths.get(System.getProperty("polpocheck.basedir", "."), "src", "test", "node");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;
  FakeAnthropic fake;
  RecordServer proxy;
  final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    if (!Files.exists(NODE_DIR.resolve("node_modules/@mariozechner/pi-ai/package.json"))) {
      String why = "pi-ai is not installed: run npm ci --prefix src/test/node (.ci/run does)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    fake = new FakeAnthropic();
    proxy = RecordFixtures.start(fake.uri(), tmp.resolve("out"), Duration.ofSeconds(10), err);
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
      fake.close();
    }
  }

  private JsonNode node(String mode, String credential) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("node", "pi-ai-client.mjs",
            "http://127.0.0.1:" + proxy.address().getPort(), mode)
            .directory(NODE_DIR.toFile());
    pb.environment().put("POLPO_TEST_KEY", credential);
    pb.environment().remove("ANTHROPIC_API_KEY");
    pb.environment().remove("ANTHROPIC_OAUTH_TOKEN");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), stderr);
    return JSON.readTree(out);
  }

  private List<JsonNode> lines() throws IOException {
    proxy.stop(1);
    return RecordFixtures.lines(tmp.resolve("out"));
  }

  @Test
  void piAiStreamingAndComplete_andTheSdksJsonCall_receiveWhatAnthropicSent() throws Exception {
    JsonNode streamed = node("stream", RecordProxyTest.CANARY_KEY);
    assertEquals("Hello from the fake", streamed.get("text").stringValue());
    assertEquals("stop", streamed.get("stopReason").stringValue(), "end_turn as pi-ai names it");
    assertEquals("msg_02", streamed.get("responseId").stringValue());
    List<String> events = new ArrayList<>();
    streamed.get("events").forEach(e -> events.add(e.stringValue()));
    assertEquals(List.of("start", "text_start", "text_delta", "text_end", "done"), events);
    // pi-ai's Usage of the fake's events: input 1200, output 350 (message_delta), cacheRead
    // 48000, cacheWrite 2100 (cache_creation_input_tokens), total = sum = 51650
    JsonNode u = streamed.get("usage");
    assertEquals(1200, u.get("input").intValue());
    assertEquals(350, u.get("output").intValue());
    assertEquals(48000, u.get("cacheRead").intValue());
    assertEquals(2100, u.get("cacheWrite").intValue());
    assertEquals(51650, u.get("totalTokens").intValue());

    JsonNode completed = node("complete", RecordProxyTest.CANARY_TOKEN);
    assertEquals("Hello from the fake", completed.get("text").stringValue());
    assertEquals(350, completed.get("usage").get("output").intValue());

    JsonNode json = node("sdk-json", RecordProxyTest.CANARY_KEY);
    assertEquals("msg_01", json.get("id").stringValue());
    assertEquals(2000,
        json.get("usage").get("cache_creation").get("ephemeral_1h_input_tokens").intValue());

    List<JsonNode> lines = lines();
    assertEquals(3, lines.size());
    assertEquals(List.of("api-key", "oauth", "api-key"),
        lines.stream().map(l -> l.get("profileType").stringValue()).toList());
    assertEquals(List.of(true, true, false),
        lines.stream().map(l -> l.path("stream").asBoolean(false)).toList(),
        "pi-ai always streams; the SDK's create() does not");
    for (JsonNode l : lines) {
      assertEquals("ok", l.get("status").stringValue());
      assertEquals(FakeAnthropic.MODEL, l.get("model").stringValue());
      assertEquals(1200, l.get("usage").get("input").intValue());
      assertEquals(350, l.get("usage").get("output").intValue());
      assertEquals(100, l.get("usage").get("cacheWrite5m").intValue());
    }
    assertEquals(lines.get(0).get("profile"), lines.get(2).get("profile"), "one key, one label");
    // what reached the fake: pi-ai's key and headers, relayed
    FakeAnthropic.Received first = fake.received.get(0);
    assertEquals(List.of(RecordProxyTest.CANARY_KEY), first.headers().get("X-api-key"));
    assertTrue(first.headers().get("Anthropic-beta").get(0).contains("fine-grained-tool-streaming"));
    assertTrue(fake.received.get(1).headers().get("Authorization").get(0).startsWith("Bearer "));
    String written = RecordFixtures.everythingWritten(tmp, err);
    assertFalse(written.contains("CANARY"), "neither the key nor the token is written");
    assertFalse(written.contains("parser.c"), "nor the prompt");
  }
}
