package dev.polpocheck.record;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client side of HTTP/1.1 (RFC 9112) as the relay needs it: write one request, read one
 * response head and frame its body, over a connection of {@link UpstreamPool}.
 *
 * <p>Body framing follows RFC 9112 section 6.3: no body for {@code HEAD}, 1xx, 204 and 304;
 * {@code Transfer-Encoding: chunked} decoded chunk by chunk (each {@code read} returns what one
 * chunk has, so server-sent events are never held back); else {@code Content-Length}; else the
 * body runs to the end of the connection, which then is not reused. Interim 1xx responses are
 * skipped. A response with both {@code Transfer-Encoding} and {@code Content-Length}, or a
 * length that does not parse, is refused (as section 6.3 asks of a proxy), and heads larger than
 * {@value #MAX_HEAD} bytes are refused: both become the relay's 502.
 */
final class Http1 {
  static final int MAX_HEAD = 256 * 1024;

  private Http1() {}

  /** One header as the upstream sent it (name in its own capitalisation). */
  record Header(String name, String value) {}

  /** A response head and its framed body. */
  static final class Response {
    final int status;
    /** The status line's reason phrase (may be empty). */
    final String reason;
    final List<Header> headers;
    final InputStream body;
    final long contentLength;
    private final boolean keepAlive;

    /** The connection's stream the body is read from. */
    private final InputStream connection;

    Response(int status, String reason, List<Header> headers, InputStream body, long contentLength,
        boolean keepAlive, InputStream connection) {
      this.connection = connection;
      this.status = status;
      this.reason = reason;
      this.headers = headers;
      this.body = body;
      this.contentLength = contentLength;
      this.keepAlive = keepAlive;
    }

    /**
     * Whether bytes of the body have already arrived (read with the head, or waiting in the
     * socket), so a read now would not block: a relay then sends the head together with them.
     */
    boolean bodyReady() {
      try {
        return connection.available() > 0;
      } catch (IOException e) {
        return false;
      }
    }

    /** Whether the connection may carry another request once the body was read to its end. */
    boolean reusable() {
      return keepAlive && (!(body instanceof Framed) || ((Framed) body).complete());
    }
  }

  /** Writes the request head; the body follows with {@link #writeBody} or {@link #writeChunked}. */
  static void writeHead(OutputStream out, String method, String target, String authority,
      List<Header> headers, String framing) throws IOException {
    StringBuilder sb = new StringBuilder(512);
    sb.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ").append(authority)
        .append("\r\n");
    for (Header h : headers) {
      sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
    }
    if (framing != null) {
      sb.append(framing).append("\r\n");
    }
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Copies a body of unknown length as chunks, then the last chunk. */
  static long writeChunked(OutputStream out, InputStream body) throws IOException {
    byte[] buf = new byte[16384];
    long total = 0;
    int n;
    while ((n = body.read(buf)) >= 0) {
      if (n == 0) {
        continue;
      }
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(buf, 0, n);
      out.write('\r');
      out.write('\n');
      total += n;
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return total;
  }

  /** Reads the response head (skipping interim 1xx responses) and frames its body. */
  static Response readResponse(InputStream in, boolean head) throws IOException {
    while (true) {
      String statusLine = readLine(in, MAX_HEAD);
      if (statusLine == null) {
        throw new EOFException("upstream closed the connection before a response");
      }
      if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
        throw new IOException("not an HTTP/1.x status line");
      }
      int status = parseStatus(statusLine);
      String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
      boolean http10 = statusLine.startsWith("HTTP/1.0");
      List<Header> headers = readHeaders(in);
      if (status >= 100 && status < 200 && status != 101) {
        continue;
      }
      String te = null;
      String cl = null;
      boolean close = http10;
      for (Header h : headers) {
        String n = h.name().toLowerCase(Locale.ROOT);
        if ("transfer-encoding".equals(n)) {
          te = te == null ? h.value() : te + "," + h.value();
        } else if ("content-length".equals(n)) {
          if (cl != null && !cl.equals(h.value().strip())) {
            throw new IOException("conflicting Content-Length headers");
          }
          cl = h.value().strip();
        } else if ("connection".equals(n)) {
          String v = h.value().toLowerCase(Locale.ROOT);
          if (v.contains("close")) {
            close = true;
          } else if (http10 && v.contains("keep-alive")) {
            close = false;
          }
        }
      }
      if (head || status == 204 || status == 304) {
        return new Response(status, reason, headers, InputStream.nullInputStream(), 0, !close, in);
      }
      if (te != null) {
        if (cl != null) {
          throw new IOException("both Transfer-Encoding and Content-Length");
        }
        String[] codings = te.split(",");
        if (!"chunked".equalsIgnoreCase(codings[codings.length - 1].strip())) {
          return new Response(status, reason, headers, in, -1, false, in);
        }
        return new Response(status, reason, headers, new Chunked(in), -1, !close, in);
      }
      if (cl != null) {
        long len;
        try {
          len = Long.parseLong(cl);
        } catch (NumberFormatException e) {
          throw new IOException("bad Content-Length");
        }
        if (len < 0) {
          throw new IOException("bad Content-Length");
        }
        return new Response(status, reason, headers, new Fixed(in, len), len, !close, in);
      }
      return new Response(status, reason, headers, in, -1, false, in);
    }
  }

  private static int parseStatus(String line) throws IOException {
    try {
      return Integer.parseInt(line.substring(9, 12));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new IOException("bad status line");
    }
  }

  /** Header lines up to the empty line that ends a head (requests' and responses' alike). */
  static List<Header> readHeaders(InputStream in) throws IOException {
    List<Header> headers = new ArrayList<>();
    int budget = MAX_HEAD;
    while (true) {
      String line = readLine(in, budget);
      if (line == null) {
        throw new EOFException("upstream closed the connection inside the response head");
      }
      if (line.isEmpty()) {
        return headers;
      }
      budget -= line.length() + 2;
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t'
          || Character.isWhitespace(line.charAt(colon - 1))) {
        // obsolete line folding or a malformed field: refused (RFC 9112 section 5)
        throw new IOException("malformed header line");
      }
      headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
    }
  }

  /** One line without its CRLF (or bare LF); null at end of stream before any byte. */
  static String readLine(InputStream in, int max) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (sb.length() == 0) {
          return null;
        }
        throw new EOFException("line cut short");
      }
      if (b == '\n') {
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
          sb.setLength(n - 1);
        }
        return sb.toString();
      }
      if (sb.length() >= max) {
        throw new IOException("response head too large");
      }
      sb.append((char) b);
    }
  }

  /** A body of {@code length} bytes on {@code in} (a request's, on the server side). */
  static Framed fixed(InputStream in, long length) {
    return new Fixed(in, length);
  }

  /** A chunked body on {@code in}, decoded. */
  static Framed chunked(InputStream in) {
    return new Chunked(in);
  }

  /** A body that knows when it has been read to its framed end. */
  abstract static class Framed extends InputStream {
    abstract boolean complete();

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }
  }

  /** A {@code Content-Length} body. */
  private static final class Fixed extends Framed {
    private final InputStream in;
    private long left;

    Fixed(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("upstream body shorter than its Content-Length");
      }
      left -= n;
      return n;
    }

    @Override
    boolean complete() {
      return left == 0;
    }
  }

  /** A chunked body, decoded; trailers are read and dropped. */
  private static final class Chunked extends Framed {
    private final InputStream in;
    private long left;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (left == 0) {
        String size = readLine(in, 1024);
        if (size == null) {
          throw new EOFException("upstream body cut before its last chunk");
        }
        int semi = size.indexOf(';');
        try {
          left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
        } catch (NumberFormatException e) {
          throw new IOException("bad chunk size");
        }
        if (left < 0) {
          throw new IOException("bad chunk size");
        }
        if (left == 0) {
          readHeaders(in); // trailers
          done = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("upstream body cut inside a chunk");
      }
      left -= n;
      if (left == 0) {
        String crlf = readLine(in, 2);
        if (crlf == null || !crlf.isEmpty()) {
          throw new IOException("chunk not followed by CRLF");
        }
      }
      return n;
    }

    @Override
    boolean complete() {
      return done;
    }
  }
}
