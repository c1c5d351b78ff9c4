package dev.polpocheck.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The upstream side of HTTP/1.1 as RFC 9112 frames it: chunked bodies decoded one chunk per read
 * (so events are never held back), Content-Length bodies, interim 1xx responses skipped, bodies
 * that run to the connection's end, and the framings a proxy must refuse. Every expected value
 * is the wire text of the test, decoded by hand.
 */
class Http1Test {
  static InputStream wire(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  static String read(InputStream in, int size) throws IOException {
    byte[] b = new byte[size];
    int n = in.read(b);
    return n < 0 ? null : new String(b, 0, n, StandardCharsets.ISO_8859_1);
  }

  @Test
  void chunkedBody_isDecodedOneChunkPerRead_trailersDropped_andTheConnectionReusable() throws Exception {
    // two chunks, the first with an extension (RFC 9112 section 7.1.1), then a trailer
    InputStream in = wire("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n"
        + "D;ext=1\r\nevent: ping\n\n\r\n" + "6\r\ndata:1\r\n" + "0\r\nX-Trailer: t\r\n\r\n"
        + "HTTP/1.1 204 No Content\r\n\r\n");
    Http1.Response r = Http1.readResponse(in, false);
    assertEquals(200, r.status);
    assertEquals(-1, r.contentLength);
    assertEquals("event: ping\n\n", read(r.body, 1024), "0xD = 13 bytes, the first chunk alone");
    assertFalse(r.reusable(), "not before the last chunk");
    assertEquals("data:1", read(r.body, 1024));
    assertEquals(null, read(r.body, 1024));
    assertTrue(r.reusable());
    // the next response on the same connection starts right after the trailer section
    assertEquals(204, Http1.readResponse(in, false).status);
  }

  @Test
  void headerNames_keepTheUpstreamsCapitalisation() throws Exception {
    Http1.Response r = Http1.readResponse(
        wire("HTTP/1.1 200 OK\r\nrequest-id: req_1\r\nAnthropic-Ratelimit-Requests-Limit: 50\r\n"
            + "Content-Length: 0\r\n\r\n"), false);
    assertEquals(List.of(new Http1.Header("request-id", "req_1"),
        new Http1.Header("Anthropic-Ratelimit-Requests-Limit", "50"),
        new Http1.Header("Content-Length", "0")), r.headers);
  }

  @Test
  void contentLengthBody_endsAtItsLength_andAShortOneIsAnError() throws Exception {
    Http1.Response r = Http1.readResponse(
        wire("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello, and the next response"), false);
    assertEquals(5, r.contentLength);
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), r.body.readAllBytes());
    assertTrue(r.reusable());
    Http1.Response cut = Http1.readResponse(
        wire("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello"), false);
    assertThrows(EOFException.class, cut.body::readAllBytes);
    assertFalse(cut.reusable());
  }

  @Test
  void interim100_isSkipped() throws Exception {
    Http1.Response r = Http1.readResponse(
        wire("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nretry-after: 17\r\n"
            + "Content-Length: 2\r\n\r\n{}"), false);
    assertEquals(429, r.status);
    assertEquals("17", r.headers.get(0).value());
  }

  @Test
  void noFraming_runsToTheEndOfTheConnection_andIsNotReused() throws Exception {
    Http1.Response r = Http1.readResponse(wire("HTTP/1.1 200 OK\r\n\r\nuntil close"), false);
    assertEquals("until close", new String(r.body.readAllBytes(), StandardCharsets.US_ASCII));
    assertFalse(r.reusable());
    Http1.Response close = Http1.readResponse(
        wire("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"), false);
    assertFalse(close.reusable(), "the upstream said it closes");
  }

  @Test
  void headResponse_hasNoBody_whateverItsLengthSays() throws Exception {
    Http1.Response r = Http1.readResponse(
        wire("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"), true);
    assertEquals(-1, r.body.read());
    assertTrue(r.reusable());
  }

  @Test
  void ambiguousFraming_andMalformedHeads_areRefused() {
    // RFC 9112 section 6.3: both Transfer-Encoding and Content-Length is a smuggling risk
    assertThrows(IOException.class, () -> Http1.readResponse(
        wire("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"), false));
    assertThrows(IOException.class, () -> Http1.readResponse(
        wire("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n"), false));
    assertThrows(IOException.class, () -> Http1.readResponse(
        wire("HTTP/1.1 200 OK\r\nX-A: 1\r\n folded\r\n\r\n"), false));
    assertThrows(IOException.class, () -> Http1.readResponse(wire("SSH-2.0-OpenSSH\r\n"), false));
    assertThrows(EOFException.class, () -> Http1.readResponse(wire(""), false));
  }

  @Test
  void requestOfUnknownLength_isSentChunked() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Http1.writeHead(out, "POST", "/v1/messages?beta=true", "api.anthropic.com",
        List.of(new Http1.Header("x-api-key", "k")), "Transfer-Encoding: chunked");
    long n = Http1.writeChunked(out, wire("0123456789abcdefghij"));
    assertEquals(20, n);
    assertEquals("POST /v1/messages?beta=true HTTP/1.1\r\nHost: api.anthropic.com\r\n"
        + "x-api-key: k\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "14\r\n0123456789abcdefghij\r\n0\r\n\r\n", out.toString(StandardCharsets.ISO_8859_1));
  }
}
