package dev.polpocheck.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request read by {@link Http1Server} and its response, written by the {@link Relay} on the
 * connection's own thread.
 *
 * <p>The response is framed as {@link #sendResponseHeaders} is told (the JDK server's contract,
 * which the relay was written against): a length above 0 is sent as {@code Content-Length}, 0
 * means unknown (chunked, one chunk per {@code write}, so each flush puts whole chunks on the
 * wire), -1 means no body. {@link #close()} ends the body; a handler that leaves by an exception
 * instead makes the server close the connection without the last chunk, so the client sees the
 * response break.
 */
final class Exchange {
  private final String method;
  private final URI uri;
  private final Map<String, List<String>> requestHeaders;
  private final Http1.Framed requestBody;
  private final OutputStream out;
  private final boolean http11;
  private final List<Http1.Header> responseHeaders = new ArrayList<>(16);
  private boolean keepAlive;
  private boolean sent;
  private boolean ended;
  private Body body;

  Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, Http1.Framed requestBody,
      OutputStream out, boolean http11, boolean keepAlive) {
    this.method = method;
    this.uri = uri;
    this.requestHeaders = requestHeaders;
    this.requestBody = requestBody;
    this.out = out;
    this.http11 = http11;
    this.keepAlive = keepAlive;
  }

  String getRequestMethod() {
    return method;
  }

  URI getRequestURI() {
    return uri;
  }

  /** The request's headers, names in lower case, values in the order they came. */
  Map<String, List<String>> getRequestHeaders() {
    return requestHeaders;
  }

  InputStream getRequestBody() {
    return requestBody;
  }

  /** Adds a response header (name as given); values holding CR or LF are left out. */
  void addResponseHeader(String name, String value) {
    if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
      responseHeaders.add(new Http1.Header(name, value));
    }
  }

  /** Sends the response with the default reason phrase of {@code status}. */
  void sendResponseHeaders(int status, long length) throws IOException {
    sendResponseHeaders(status, null, length);
  }

  /**
   * Writes the status line and headers (not flushed: the first body write or {@link #close}
   * sends them with what follows).
   *
   * @param reason the reason phrase, or null for the usual one of {@code status}
   * @param length above 0: the body's length; 0: unknown (chunked); -1: no body
   */
  void sendResponseHeaders(int status, String reason, long length) throws IOException {
    if (sent) {
      throw new IOException("response headers already sent");
    }
    sent = true;
    boolean noBody =
        "HEAD".equals(method) || status == 204 || status == 304 || (status >= 100 && status < 200);
    StringBuilder sb = new StringBuilder(512);
    sb.append("HTTP/1.1 ").append(status).append(' ')
        .append(reason != null ? reason : reasonOf(status)).append("\r\n");
    for (Http1.Header h : responseHeaders) {
      sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
    }
    if (noBody) {
      body = null;
    } else if (length > 0) {
      sb.append("Content-Length: ").append(length).append("\r\n");
      body = new FixedBody(length);
    } else if (length == 0 && http11) {
      sb.append("Transfer-Encoding: chunked\r\n");
      body = new ChunkedBody();
    } else if (length == 0) {
      keepAlive = false; // an HTTP/1.0 client: the body runs to the end of the connection
      body = new Body();
    } else {
      sb.append("Content-Length: 0\r\n");
      body = null;
    }
    if (!keepAlive) {
      sb.append("Connection: close\r\n");
    }
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** The response body; writes after {@link #close()} or with no body declared fail. */
  OutputStream getResponseBody() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (body == null || ended) {
          throw new IOException("no response body to write");
        }
        body.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() {
        Exchange.this.close();
      }
    };
  }

  /** Ends the response (the last chunk) and flushes it; a failure only ends the connection. */
  void close() {
    if (ended) {
      return;
    }
    ended = true;
    try {
      if (!sent) {
        keepAlive = false; // no response at all: the connection cannot go on
        return;
      }
      if (body != null) {
        body.end();
      }
      out.flush();
    } catch (IOException e) {
      keepAlive = false;
    }
  }

  /**
   * Whether the connection may read another request: the response was ended whole and the
   * request's body was read to its end (or what was left of it could be skipped cheaply).
   */
  boolean reusable() {
    if (!ended || !keepAlive) {
      return false;
    }
    try {
      byte[] drain = requestBody.complete() ? null : new byte[8192];
      long budget = 64 * 1024;
      while (!requestBody.complete() && budget > 0) {
        int n = requestBody.read(drain, 0, (int) Math.min(drain.length, budget));
        if (n < 0) {
          break;
        }
        budget -= n;
      }
      return requestBody.complete();
    } catch (IOException e) {
      return false;
    }
  }

  /** Tells the server to close the connection after this response (sent with the headers). */
  void closeAfterResponse() {
    keepAlive = false;
  }

  /** A body that runs to the end of the connection. */
  private class Body {
    void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    void end() throws IOException {}
  }

  private final class FixedBody extends Body {
    private long left;

    FixedBody(long length) {
      this.left = length;
    }

    @Override
    void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        throw new IOException("response body longer than its Content-Length");
      }
      out.write(b, off, len);
      left -= len;
    }

    @Override
    void end() {
      if (left > 0) {
        keepAlive = false; // a short body: only closing tells the client
      }
    }
  }

  private final class ChunkedBody extends Body {
    @Override
    void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return; // a zero-length chunk would end the body
      }
      out.write(Integer.toHexString(len).getBytes(StandardCharsets.ISO_8859_1));
      out.write('\r');
      out.write('\n');
      out.write(b, off, len);
      out.write('\r');
      out.write('\n');
    }

    @Override
    void end() throws IOException {
      out.write(LAST_CHUNK);
    }
  }

  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  /** The reason phrases of the statuses the proxy makes itself or commonly relays. */
  static String reasonOf(int status) {
    switch (status) {
      case 100: return "Continue";
      case 200: return "OK";
      case 201: return "Created";
      case 204: return "No Content";
      case 304: return "Not Modified";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 413: return "Content Too Large";
      case 429: return "Too Many Requests";
      case 431: return "Request Header Fields Too Large";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      case 505: return "HTTP Version Not Supported";
      default: return "";
    }
  }
}
