package dev.polpocheck.record;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The server side of HTTP/1.1 (RFC 9112) as the proxy needs it: one thread per client
 * connection, blocked in a read until the next request comes, which it then relays itself.
 *
 * <p><b>Why not the JDK's {@code com.sun.net.httpserver}</b> (it served until the third round of
 * issue 12, reports/record-speed.md): its dispatcher thread selects the request and hands it to
 * a worker ({@code executor.execute}), and is woken again after every response to re-register
 * the connection with its selector ({@code addEvent} calls {@code selector.wakeup()}, the
 * dispatcher moves the connection through {@code connsToRegister}: sun.net.httpserver.ServerImpl
 * in the Temurin 25 sources, the same design as JDK 17's); a call therefore woke three proxy threads before the upstream's answer woke a
 * fourth, and each wake-up on a crowded run queue is a chance to wait a scheduler slice. Here
 * the kernel wakes the connection's thread when the request arrives, and the same thread is
 * woken once more by the upstream's answer: two wake-ups. With the header maps it needed it also
 * allocated about 21 KB per call (an 8 KiB output buffer per response, its request parser, the
 * maps), measured with benchmarks/record/alloc.sh.
 *
 * <p><b>What it implements.</b> Request line and headers (at most {@value Http1#MAX_HEAD} bytes,
 * obsolete line folding refused), bodies framed by {@code Content-Length} or chunked (RFC 9112
 * section 6.3: both at once, or a final coding other than chunked, is a 400 and the connection
 * closes), {@code Expect: 100-continue} (answered at once), keep-alive for HTTP/1.1 unless {@code
 * Connection: close}, one request at a time per connection (no pipelining ahead of a response).
 * A malformed request gets a 400 (505 for another HTTP version, 431 for a head too large) and the
 * connection closes.
 *
 * <p><b>Bounded.</b> Connections are served by the executor's threads; a connection beyond them
 * waits in its queue (and then in the listen backlog). An idle connection is closed after
 * {@value #IDLE_SECONDS} s; when a new connection has to wait for a thread, the idle ones are
 * closed at once, and while any waits no connection goes idle on its thread (a response begun
 * then says {@code Connection: close}), so idle keep-alive connections cannot hold threads
 * others need.
 */
final class Http1Server {
  /** How long a connection may wait for its next request, or stall inside one. */
  static final int IDLE_SECONDS = 30;

  /** Serves one request on the connection's thread. */
  interface Handler {
    void handle(Exchange ex) throws IOException;
  }

  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  /**
   * One client connection: {@link #serving} once a thread has it, {@link #busy} from its request
   * line to the end of the response (so serving and not busy is idle, waiting for a request).
   */
  private static final class Connection extends BufferedSocket {
    volatile boolean serving;
    volatile boolean busy;

    Connection(Socket socket) throws IOException {
      super(socket);
    }
  }

  private final ServerSocket listener;
  private final ThreadPoolExecutor executor;
  private final Handler handler;
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean stopping;

  private Http1Server(ServerSocket listener, ThreadPoolExecutor executor, Handler handler) {
    this.listener = listener;
    this.executor = executor;
    this.handler = handler;
    this.acceptor = new Thread(this::acceptLoop, "polpo-check-record-accept");
    this.acceptor.setDaemon(true);
  }

  /** Binds {@code listen} and starts accepting; each connection runs on {@code executor}. */
  static Http1Server start(InetSocketAddress listen, int backlog, ThreadPoolExecutor executor,
      Handler handler) throws IOException {
    ServerSocket s = new ServerSocket();
    try {
      s.bind(listen, backlog);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    Http1Server server = new Http1Server(s, executor, handler);
    server.acceptor.start();
    return server;
  }

  /** The bound address. */
  InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  private void acceptLoop() {
    while (!stopping) {
      Socket s;
      try {
        s = listener.accept();
      } catch (IOException e) {
        if (stopping || listener.isClosed()) {
          return;
        }
        pause(); // out of file descriptors, say: do not spin
        continue;
      }
      Connection c = null;
      try {
        s.setTcpNoDelay(true);
        s.setSoTimeout(IDLE_SECONDS * 1000);
        c = new Connection(s);
        open.add(c);
        Connection conn = c;
        executor.execute(() -> serve(conn));
        if (!executor.getQueue().isEmpty()) {
          closeIdle(); // a connection waits for a thread that idle ones hold
        }
      } catch (IOException | RejectedExecutionException e) {
        if (c != null) {
          open.remove(c);
        }
        try {
          s.close();
        } catch (IOException ignored) {
          // nothing to tell a client we cannot serve
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the connections that wait for their next request (HTTP lets a server do so). */
  private void closeIdle() {
    for (Connection c : open) {
      if (c.serving && !c.busy) {
        c.closeQuietly();
      }
    }
  }

  private void serve(Connection c) {
    c.serving = true;
    try {
      while (!stopping) {
        Exchange ex = readRequest(c);
        if (ex == null) {
          return;
        }
        try {
          if (stopping || !executor.getQueue().isEmpty()) {
            ex.closeAfterResponse(); // connections wait for a thread: do not keep this one idle
          }
          handler.handle(ex);
          ex.close();
        } catch (IOException | RuntimeException e) {
          return; // a broken response: closing without its end is how the client learns it
        } finally {
          c.busy = false;
        }
        if (!ex.reusable() || !executor.getQueue().isEmpty()) {
          return; // done, or a connection waits for this thread: do not idle on it
        }
      }
    } catch (IOException e) {
      // the client went away, or idled out: nothing to answer
    } finally {
      open.remove(c);
      c.closeQuietly();
    }
  }

  /** Reads the next request's head; null when the connection is done (closed, or answered). */
  private Exchange readRequest(Connection c) throws IOException {
    String line;
    try {
      line = Http1.readLine(c.in, Http1.MAX_HEAD);
      // RFC 9112 section 2.2: empty lines before a request line are ignored
      for (int blank = 0; line != null && line.isEmpty() && blank < 8; blank++) {
        line = Http1.readLine(c.in, Http1.MAX_HEAD);
      }
    } catch (IOException e) {
      if (lostConnection(e)) {
        throw e;
      }
      return refuse(c, 431, "request line longer than " + (Http1.MAX_HEAD >> 10) + " KiB");
    }
    if (line == null) {
      return null;
    }
    c.busy = true; // until the response ends: no longer idle
    int sp1 = line.indexOf(' ');
    int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
      return refuse(c, 400, "malformed request line");
    }
    String method = line.substring(0, sp1);
    String target = line.substring(sp1 + 1, sp2);
    String version = line.substring(sp2 + 1);
    boolean http11 = "HTTP/1.1".equals(version);
    if (!http11 && !"HTTP/1.0".equals(version)) {
      return version.startsWith("HTTP/")
          ? refuse(c, 505, "only HTTP/1.1 and HTTP/1.0 are served")
          : refuse(c, 400, "malformed request line");
    }
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      return refuse(c, 400, "malformed request target");
    }
    List<Http1.Header> lines;
    try {
      lines = Http1.readHeaders(c.in);
    } catch (IOException e) {
      if (lostConnection(e)) {
        throw e;
      }
      return e.getMessage() != null && e.getMessage().contains("too large")
          ? refuse(c, 431, "request head larger than " + (Http1.MAX_HEAD >> 10) + " KiB")
          : refuse(c, 400, "malformed header line");
    }
    Map<String, List<String>> headers = new HashMap<>(lines.size() * 2);
    for (Http1.Header h : lines) {
      headers.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(h.value());
    }
    Http1.Framed body;
    List<String> te = headers.get("transfer-encoding");
    List<String> cl = headers.get("content-length");
    if (te != null) {
      String[] codings = String.join(",", te).split(",");
      if (cl != null || !"chunked".equalsIgnoreCase(codings[codings.length - 1].strip())) {
        return refuse(c, 400, "request body framing cannot be determined");
      }
      body = Http1.chunked(c.in);
    } else if (cl != null) {
      long length = -1;
      for (String v : cl) {
        for (String one : v.split(",")) {
          long n = parseLength(one.strip());
          if (n < 0 || (length >= 0 && n != length)) {
            return refuse(c, 400, "bad Content-Length");
          }
          length = n;
        }
      }
      body = Http1.fixed(c.in, length);
    } else {
      body = Http1.fixed(c.in, 0);
    }
    boolean close = has(headers.get("connection"), "close");
    boolean keepAlive = http11 ? !close : has(headers.get("connection"), "keep-alive") && !close;
    if (http11 && has(headers.get("expect"), "100-continue")) {
      c.out.write(CONTINUE);
      c.out.flush();
    }
    return new Exchange(method, uri, headers, body, c.out, http11, keepAlive);
  }

  /** A read that failed because the connection did (closed, reset, idle too long), not its bytes. */
  private static boolean lostConnection(IOException e) {
    return e instanceof SocketException || e instanceof InterruptedIOException
        || e instanceof EOFException;
  }

  private static boolean has(List<String> values, String token) {
    if (values == null) {
      return false;
    }
    for (String v : values) {
      for (String t : v.split(",")) {
        if (t.strip().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  private static long parseLength(String v) {
    if (v.isEmpty() || v.length() > 18) {
      return -1;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(v);
  }

  /** Answers a request that cannot be served in Anthropic's error shape; the connection closes. */
  private static Exchange refuse(Connection c, int status, String message) throws IOException {
    byte[] body = AnthropicErrors.body("invalid_request_error", "polpo-check record: " + message);
    String head = "HTTP/1.1 " + status + " " + Exchange.reasonOf(status) + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n";
    c.out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    c.out.write(body);
    c.out.flush();
    return null;
  }

  /**
   * Stops accepting, closes idle connections, lets requests in flight finish for up to {@code
   * graceSeconds}, then closes every connection left.
   */
  void stop(int graceSeconds) {
    stopping = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // not accepting either way
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
    for (Connection c : open) {
      if (!c.busy) {
        c.closeQuietly();
      }
    }
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      pause();
    }
    open.forEach(Connection::closeQuietly);
  }
}
