package dev.polpocheck.record;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake Anthropic Messages API on loopback, shaped after the documented wire format
 * (https://platform.claude.com/docs/en/build-with-claude/streaming for the event sequence,
 * .../api/errors for error bodies, .../api/rate-limits for the headers). The first user message's
 * text picks the scenario: "scenario:429", "scenario:529", "scenario:cut", "scenario:slow",
 * "scenario:stall", "scenario:gated" (streams one event, then waits for {@link #release}),
 * "scenario:headfirst" (sends the response head, then waits for {@link #release} before any event),
 * "scenario:endless" (streams an event every 20 ms until the client goes); anything else answers
 * normally, as JSON or as events according to {@code "stream"}.
 *
 * <p>Every normal answer has the same usage, so expected bills are easy to work out by hand:
 * input 1200, output 350, cache read 48000, cache writes 100 (5 minutes) + 2000 (1 hour).
 */
final class FakeAnthropic implements AutoCloseable {
  static final String MODEL = "claude-sonnet-4-5-20250929";
  static final String JSON_BODY =
      "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + MODEL + "\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Hello from the fake\"}],"
          + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
          + "\"usage\":{\"input_tokens\":1200,\"cache_creation_input_tokens\":2100,"
          + "\"cache_read_input_tokens\":48000,\"cache_creation\":{\"ephemeral_5m_input_tokens\":100,"
          + "\"ephemeral_1h_input_tokens\":2000},\"output_tokens\":350,\"service_tier\":\"standard\"}}";
  static final List<String> EVENTS =
      List.of(
          "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_02\","
              + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + MODEL + "\",\"content\":[],"
              + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":1200,"
              + "\"cache_creation_input_tokens\":2100,\"cache_read_input_tokens\":48000,"
              + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":100,\"ephemeral_1h_input_tokens\":2000},"
              + "\"output_tokens\":1}}}\n\n",
          "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
              + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
          "event: ping\ndata: {\"type\": \"ping\"}\n\n",
          "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
              + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello from the fake\"}}\n\n",
          "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
          "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
              + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":350}}\n\n",
          "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");

  static final String BATCH_ID = "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d";
  static final String BATCH_CREATED =
      "{\"id\":\"" + BATCH_ID + "\",\"type\":\"message_batch\",\"processing_status\":"
          + "\"in_progress\",\"request_counts\":{\"processing\":4,\"succeeded\":0,\"errored\":0,"
          + "\"canceled\":0,\"expired\":0},\"results_url\":null}";
  /**
   * The batch's results (.jsonl, https://platform.claude.com/docs/en/api/messages/batches/results):
   * two succeeded (Sonnet 4.5 with the usual usage; Haiku 4.5 with input 500, output 80, no cache),
   * one errored, one expired; the last line has no newline, as a file's last line may not.
   */
  static final String BATCH_RESULTS =
      "{\"custom_id\":\"secret-task-1\",\"result\":{\"type\":\"succeeded\",\"message\":"
          + JSON_BODY.replace("\"standard\"", "\"batch\"") + "}}\n"
          + "{\"custom_id\":\"secret-task-2\",\"result\":{\"type\":\"errored\",\"error\":"
          + "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad\"}}}}\n"
          + "{\"custom_id\":\"secret-task-3\",\"result\":{\"type\":\"succeeded\",\"message\":"
          + "{\"id\":\"msg_03\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
          + "\"claude-haiku-4-5-20251001\",\"content\":[{\"type\":\"text\",\"text\":\"Batch answer\"}],"
          + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":500,\"output_tokens\":80,"
          + "\"cache_read_input_tokens\":0,\"cache_creation_input_tokens\":0}}}}\n"
          + "{\"custom_id\":\"secret-task-4\",\"result\":{\"type\":\"expired\"}}";

  /** What the fake received. */
  record Received(
      String method, String path, Map<String, List<String>> headers, byte[] body, int remotePort) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final CountDownLatch release = new CountDownLatch(1);
  final CountDownLatch clientGone = new CountDownLatch(1);

  FakeAnthropic() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-anthropic");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().toString(),
        Map.copyOf(ex.getRequestHeaders()), body, ex.getRemoteAddress().getPort()));
    String path = ex.getRequestURI().getPath();
    if (path.endsWith("/v1/models")) {
      json(ex, 200, "{\"data\":[{\"type\":\"model\",\"id\":\"" + MODEL + "\"}],\"has_more\":false}");
      return;
    }
    if (path.equals("/v1/messages/batches")) {
      json(ex, 200, BATCH_CREATED);
      return;
    }
    if (path.equals("/v1/messages/batches/" + BATCH_ID + "/results")) {
      byte[] b = BATCH_RESULTS.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("content-type", "application/binary");
      ex.sendResponseHeaders(200, 0); // chunked, as a streamed file is
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b, 0, 100); // the first line arrives in two pieces
        out.flush();
        out.write(b, 100, b.length - 100);
      }
      return;
    }
    if (path.endsWith("/count_tokens")) {
      json(ex, 200, "{\"input_tokens\":42}");
      return;
    }
    JsonNode req = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    String scenario = firstText(req);
    boolean stream = req.path("stream").asBoolean(false);
    ex.getResponseHeaders().set("request-id", "req_fake_" + received.size());
    ex.getResponseHeaders().set("anthropic-ratelimit-requests-limit", "4000");
    ex.getResponseHeaders().set("anthropic-ratelimit-requests-remaining", "3999");
    ex.getResponseHeaders().set("anthropic-ratelimit-requests-reset", "2026-12-04T05:00:00Z");
    ex.getResponseHeaders().set("anthropic-ratelimit-input-tokens-limit", "2000000");
    try {
      switch (scenario) {
        case "scenario:429" -> {
          ex.getResponseHeaders().set("retry-after", "17");
          json(ex, 429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
              + "\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"},"
              + "\"request_id\":\"req_429\"}");
        }
        case "scenario:529" -> json(ex, 529, "{\"type\":\"error\",\"error\":{\"type\":"
            + "\"overloaded_error\",\"message\":\"Overloaded\"}}");
        case "scenario:slow" -> {
          Thread.sleep(3000);
          json(ex, 200, JSON_BODY);
        }
        case "scenario:cut" -> {
          startEvents(ex);
          send(ex, EVENTS.get(0));
          send(ex, EVENTS.get(1));
          // leave by an exception: the server drops the connection without the last chunk
          throw new IOException("fake: connection cut");
        }
        case "scenario:stall" -> {
          startEvents(ex);
          send(ex, EVENTS.get(0));
          Thread.sleep(3000);
          send(ex, EVENTS.get(1));
          ex.close();
        }
        case "scenario:gated" -> {
          startEvents(ex);
          send(ex, EVENTS.get(0));
          release.await(10, TimeUnit.SECONDS);
          for (int i = 1; i < EVENTS.size(); i++) {
            send(ex, EVENTS.get(i));
          }
          ex.close();
        }
        case "scenario:headfirst" -> {
          startEvents(ex); // the JDK server sends the head at once
          release.await(10, TimeUnit.SECONDS);
          for (String e : EVENTS) {
            send(ex, e);
          }
          ex.close();
        }
        case "scenario:endless" -> {
          startEvents(ex);
          send(ex, EVENTS.get(0));
          try {
            for (int i = 0; i < 500; i++) {
              Thread.sleep(20);
              send(ex, EVENTS.get(3));
            }
          } catch (IOException gone) {
            clientGone.countDown();
            throw gone;
          }
          ex.close();
        }
        default -> {
          if (stream) {
            startEvents(ex);
            for (String e : EVENTS) {
              send(ex, e);
            }
            ex.close();
          } else {
            json(ex, 200, JSON_BODY);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static String firstText(JsonNode req) {
    JsonNode m = req.path("messages").path(0).path("content");
    if (m.isString()) {
      return m.stringValue();
    }
    return m.path(0).path("text").asString("");
  }

  private static void startEvents(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("content-type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
  }

  private static void send(HttpExchange ex, String event) throws IOException {
    OutputStream out = ex.getResponseBody();
    out.write(event.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void json(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("content-type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
