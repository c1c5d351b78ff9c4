package dev.polpocheck.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy's own HTTP/1.1 server, spoken to over a raw socket so every byte on the wire is
 * checked: keep-alive, request bodies by length and chunked, {@code Expect: 100-continue}, the
 * response framings, a broken response, and refused requests. Expected bytes are written out by
 * hand from RFC 9112 (sections 6 and 7: message body length, chunked coding).
 */
class Http1ServerTest {
  private ThreadPoolExecutor executor;
  private Http1Server server;

  /** Echoes the request as {@code METHOD TARGET BODY}; paths choose the response framing. */
  private static void echo(Exchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String path = ex.getRequestURI().getRawPath();
    byte[] text = (ex.getRequestMethod() + " " + ex.getRequestURI() + " "
        + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    ex.addResponseHeader("X-Seen-Host", String.join("|", ex.getRequestHeaders().get("host")));
    if (path.equals("/chunked")) {
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write(text, 0, 3);
      out.flush();
      out.write(text, 3, text.length - 3);
      ex.close();
    } else if (path.equals("/broken")) {
      ex.sendResponseHeaders(200, 0);
      ex.getResponseBody().write(text, 0, 3);
      ex.getResponseBody().flush();
      throw new IOException("the upstream broke off");
    } else {
      ex.sendResponseHeaders(201, "Made", text.length);
      ex.getResponseBody().write(text);
      ex.close();
    }
  }

  @BeforeEach
  void start() throws IOException {
    executor = new ThreadPoolExecutor(4, 4, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    server = Http1Server.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16, executor, Http1ServerTest::echo);
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
    s.setSoTimeout(5000);
    return s;
  }

  private static void send(Socket s, String raw) throws IOException {
    s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
  }

  /** Reads exactly {@code n} bytes. */
  private static String read(Socket s, int n) throws IOException {
    return new String(s.getInputStream().readNBytes(n), StandardCharsets.ISO_8859_1);
  }

  /** Reads to the end of the connection (the server closed it). */
  private static String readToEnd(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void twoRequestsOnOneConnection_lengthThenChunkedBodies() throws IOException {
    try (Socket s = connect()) {
      send(s, "POST /a?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello");
      // "POST /a?x=1 hello" is 17 bytes
      String first = "HTTP/1.1 201 Made\r\nX-Seen-Host: h\r\nContent-Length: 17\r\n\r\nPOST /a?x=1 hello";
      assertEquals(first, read(s, first.length()));
      // chunks "he" and "llo!" then the last chunk: the body is "hello!"
      send(s, "PUT /b HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "2\r\nhe\r\n4\r\nllo!\r\n0\r\n\r\n");
      // "PUT /b hello!" is 13 bytes
      String second = "HTTP/1.1 201 Made\r\nX-Seen-Host: h\r\nContent-Length: 13\r\n\r\nPUT /b hello!";
      assertEquals(second, read(s, second.length()));
    }
  }

  @Test
  void unknownLength_isChunked_oneChunkPerWrite() throws IOException {
    try (Socket s = connect()) {
      send(s, "GET /chunked HTTP/1.1\r\nHost: h\r\n\r\n");
      // body "GET /chunked " (13 bytes) written as 3 bytes, then 10: chunk sizes 3 and a (hex 10)
      String expected = "HTTP/1.1 200 OK\r\nX-Seen-Host: h\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "3\r\nGET\r\na\r\n /chunked \r\n0\r\n\r\n";
      assertEquals(expected, read(s, expected.length()));
    }
  }

  @Test
  void expect100Continue_isAnsweredBeforeTheBodyIsSent() throws IOException {
    try (Socket s = connect()) {
      send(s, "POST /c HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
      assertEquals("HTTP/1.1 100 Continue\r\n\r\n", read(s, 25));
      send(s, "ok");
      String expected = "HTTP/1.1 201 Made\r\nX-Seen-Host: h\r\nContent-Length: 10\r\n\r\nPOST /c ok";
      assertEquals(expected, read(s, expected.length()));
    }
  }

  @Test
  void aHandlerThatFails_endsTheConnectionWithoutTheLastChunk() throws IOException {
    try (Socket s = connect()) {
      send(s, "GET /broken HTTP/1.1\r\nHost: h\r\n\r\n");
      assertEquals("HTTP/1.1 200 OK\r\nX-Seen-Host: h\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "3\r\nGET\r\n", readToEnd(s), "no 0-size chunk: the client sees the body break");
    }
  }

  @Test
  void http10_getsItsResponse_andTheConnectionCloses() throws IOException {
    try (Socket s = connect()) {
      send(s, "GET /d HTTP/1.0\r\nHost: h\r\n\r\n");
      assertEquals("HTTP/1.1 201 Made\r\nX-Seen-Host: h\r\nContent-Length: 7\r\nConnection: close\r\n\r\n"
          + "GET /d ", readToEnd(s));
    }
  }

  @Test
  void anIdleConnection_isClosed_whenANewOneWaitsForItsThread() throws IOException {
    // One thread only: connection A is served and then idles in keep-alive, holding it.
    ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    Http1Server small = Http1Server.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16, one, Http1ServerTest::echo);
    try {
      useOneThread(small);
    } finally {
      small.stop(0);
      one.shutdownNow();
    }
  }

  private static void useOneThread(Http1Server small) throws IOException {
    try (Socket a = new Socket(InetAddress.getLoopbackAddress(), small.address().getPort())) {
      a.setSoTimeout(5000);
      send(a, "GET /a HTTP/1.1\r\nHost: h\r\n\r\n");
      String first = "HTTP/1.1 201 Made\r\nX-Seen-Host: h\r\nContent-Length: 7\r\n\r\nGET /a ";
      assertEquals(first, read(a, first.length()));
      // B connects while A idles on the only thread: B queues, and A is closed to free it.
      try (Socket b = new Socket(InetAddress.getLoopbackAddress(), small.address().getPort())) {
        b.setSoTimeout(5000); // far below the 30 s idle timeout: B must not wait for it
        send(b, "GET /b HTTP/1.1\r\nHost: h\r\n\r\n");
        String second = "HTTP/1.1 201 Made\r\nX-Seen-Host: h\r\nContent-Length: 7\r\n\r\nGET /b ";
        assertEquals(second, read(b, second.length()));
      }
      assertEquals(-1, a.getInputStream().read(), "the idle connection was closed");
    }
  }

  @Test
  void malformedRequests_get400Or505_andTheConnectionCloses() throws IOException {
    String[][] cases = {
      {"GET /\r\n\r\n", "400"},
      {"GET / HTTP/2.0\r\nHost: h\r\n\r\n", "505"},
      // RFC 9112 section 6.3: both framings in a request is a 400 and a closed connection
      {"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n", "400"},
      {"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", "400"},
      {"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2, 3\r\n\r\n", "400"},
      {"GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", "400"},
    };
    for (String[] c : cases) {
      try (Socket s = connect()) {
        send(s, c[0]);
        String got = readToEnd(s);
        assertTrue(got.startsWith("HTTP/1.1 " + c[1] + " "), c[0] + " -> " + got);
        assertTrue(got.contains("\r\nConnection: close\r\n"), got);
        assertTrue(got.contains("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\""), got);
      }
    }
  }
}
