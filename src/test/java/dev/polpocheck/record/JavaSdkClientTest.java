package dev.polpocheck.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The official Anthropic Java SDK (com.anthropic:anthropic-java 3.16.0, OkHttp) as a second real
 * client through the proxy: a plain and a streamed call reach the SDK exactly as the fake sent
 * them (text, usage, stop reason), and each is recorded with that usage and never the key.
 */
class JavaSdkClientTest {
  @TempDir Path tmp;

  @Test
  void plainAndStreamedCalls_reachTheSdkUnchanged_andAreRecorded() throws Exception {
    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    try (FakeAnthropic fake = new FakeAnthropic();
        RecordServer proxy = RecordFixtures.start(fake.uri(), out, Duration.ofSeconds(10), err)) {
      AnthropicClient sdk = AnthropicOkHttpClient.builder()
          .apiKey(RecordProxyTest.CANARY_KEY)
          .baseUrl("http://127.0.0.1:" + proxy.address().getPort())
          .maxRetries(0)
          .build();
      try {
        MessageCreateParams params = MessageCreateParams.builder()
            .model(FakeAnthropic.MODEL)
            .maxTokens(1024)
            .system("You are coder, the team's coding agent.")
            .addUserMessage("Fix the bug in parser.c")
            .build();
        Message plain = sdk.messages().create(params);
        // This SDK sends the API key as a bearer token, not in x-api-key: the recorder must still
        // label it an API key, the same label as the key sent in x-api-key.
        assertEquals(List.of("Bearer " + RecordProxyTest.CANARY_KEY),
            fake.received.get(0).headers().get("Authorization"));
        assertEquals(null, fake.received.get(0).headers().get("X-api-key"));
        assertEquals("Hello from the fake", plain.content().get(0).asText().text());
        assertEquals(1200, plain.usage().inputTokens());
        assertEquals(350, plain.usage().outputTokens());
        assertEquals(48000, plain.usage().cacheReadInputTokens().orElseThrow());

        MessageAccumulator acc = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> s = sdk.messages().createStreaming(params)) {
          s.stream().forEach(acc::accumulate);
        }
        Message streamed = acc.message();
        assertEquals("Hello from the fake", streamed.content().get(0).asText().text());
        // message_start's input side, message_delta's cumulative output
        assertEquals(1200, streamed.usage().inputTokens());
        assertEquals(350, streamed.usage().outputTokens());
        assertEquals("end_turn", streamed.stopReason().orElseThrow().asString());
      } finally {
        sdk.close();
      }
      proxy.stop(1);
    }
    List<JsonNode> lines = RecordFixtures.lines(out);
    assertEquals(2, lines.size());
    for (JsonNode l : lines) {
      assertEquals("ok", l.get("status").stringValue());
      assertEquals("api-key", l.get("profileType").stringValue());
      assertEquals(1200, l.get("usage").get("input").intValue());
      assertEquals(350, l.get("usage").get("output").intValue());
      assertEquals(2000, l.get("usage").get("cacheWrite1h").intValue());
    }
    assertFalse(lines.get(0).has("stream"));
    assertTrue(lines.get(1).get("stream").booleanValue());
    assertEquals(lines.get(0).get("session"), lines.get(1).get("session"),
        "same system prompt and first message: one conversation");
    assertFalse(RecordFixtures.everythingWritten(tmp, err).contains("CANARY"));
  }
}
