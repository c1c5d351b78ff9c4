package dev.polpocheck.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Relays one client request to the upstream and its response back, unchanged, and records a
 * Messages API call as one native trace line once the client has the whole response.
 *
 * <p><b>What is relayed.</b> Method, path, query, body and headers as they came, less the
 * hop-by-hop headers of RFC 9110 section 7.6.1 (and any named in {@code Connection}), {@code Host}
 * and {@code Content-Length} (set again for the upstream hop, see {@link Http1}) and {@code
 * Accept-Encoding}: the upstream then answers uncompressed, so usage can be read from the bytes
 * relayed; compression on the loopback hop to the client would gain nothing. Response status,
 * headers (same exceptions) and body go back as they arrive: every chunk read from the upstream
 * is written and flushed to the client at once, so server-sent events reach the client as they
 * are sent.
 *
 * <p><b>What is recorded</b> (only {@code POST .../v1/messages}, and the succeeded results of a
 * batch when they are fetched, see {@link BatchResults}; {@code count_tokens}, models and
 * everything else are relayed and not recorded): see {@link CallObservation} and
 * README "Record your own workload". Request bodies up to {@value #MAX_REQUEST_BUFFER} bytes
 * (Anthropic's Messages API limit) are read to fingerprint the conversation; larger ones, or any
 * when the memory budget is spent, are streamed through unread and recorded without session
 * facts.
 *
 * <p><b>Failures.</b> Upstream unreachable or failing before a status: 502 {@code api_error};
 * no response headers within the timeout: 504 {@code timeout_error}; both recorded as errors. A
 * body that stalls longer than the timeout, or breaks, ends the client's connection without the
 * final chunk (so the client sees a broken response, not a short one) and is recorded as {@code
 * upstream_cut} or {@code timeout_error}. A client that goes away makes the relay close the
 * upstream connection, which cancels the request there, and is recorded as aborted.
 *
 * <p><b>One thread per call.</b> The thread that runs {@link #handle} (the client connection's
 * own, see {@link Http1Server}) reads the request, writes it to a pooled upstream connection,
 * reads the response and writes it to the client: no hand-off to another thread anywhere in a
 * call (see {@link UpstreamPool}). Response header names reach the client as the upstream wrote
 * them.
 */
final class Relay implements Http1Server.Handler {
  /** Anthropic's request size limit for the Messages API (32 MB). */
  static final int MAX_REQUEST_BUFFER = 32 * 1024 * 1024;
  /** Unrecorded endpoints keep at most this much before streaming the rest. */
  static final int MAX_PASSTHROUGH_BUFFER = 1 << 20;
  /** The largest JSON response read for usage (a Message is far smaller). */
  static final int MAX_RESPONSE_BUFFER = 8 * 1024 * 1024;

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length",
          "expect",
          "http2-settings");
  private static final String RATE_LIMIT_PREFIX = "anthropic-ratelimit-";

  private final URI upstream;
  private final String basePath;
  private final UpstreamPool pool;
  private final Duration timeout;
  private final Fingerprints fingerprints;
  private final Conversations conversations;
  private final TraceSink sink;
  private final ByteBudget budget;
  private final AtomicLong recorded = new AtomicLong();
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
  private final BatchResults.Ledger batches = new BatchResults.Ledger();

  Relay(
      URI upstream,
      UpstreamPool pool,
      Duration timeout,
      Fingerprints fingerprints,
      Conversations conversations,
      TraceSink sink,
      ByteBudget budget) {
    this.upstream = upstream;
    String path = upstream.getRawPath() == null ? "" : upstream.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.pool = pool;
    this.timeout = timeout;
    this.fingerprints = fingerprints;
    this.conversations = conversations;
    this.sink = sink;
    this.budget = budget;
  }

  /** Calls recorded so far (lines handed to the writer). */
  long recorded() {
    return recorded.get();
  }

  @Override
  public void handle(Exchange ex) throws IOException {
    long startNanos = System.nanoTime();
    long startMillis = System.currentTimeMillis();
    String method = ex.getRequestMethod();
    URI in = ex.getRequestURI();
    boolean record = "POST".equals(method) && in.getRawPath().endsWith("/v1/messages");
    Map<String, List<String>> headers = ex.getRequestHeaders();
    String batchId =
        "GET".equals(method) && !headers.containsKey("range") ? BatchResults.batchIdOf(in.getRawPath()) : null;
    Scratch own = scratch.get();
    Buffer req = new Buffer(budget, record ? MAX_REQUEST_BUFFER : MAX_PASSTHROUGH_BUFFER, own.request);
    Buffer resp = new Buffer(budget, MAX_RESPONSE_BUFFER, own.response);
    try {
      CallRecord rec = new CallRecord(startNanos, startMillis);
      RequestBody body = readBody(ex, headers, req, rec);
      if (record) {
        rec.facts =
            req.overflowed() ? RequestFacts.UNKNOWN : RequestFacts.of(req.bytes(), req.length(), fingerprints);
      }
      if (record || batchId != null) {
        rec.credential = Credential.of(headers, fingerprints);
      }
      Upstream up;
      try {
        up = send(method, in, headers, body, req, rec);
      } catch (SocketTimeoutException e) {
        sendError(ex, 504, AnthropicErrors.TIMEOUT,
            "polpo-check record: the upstream sent no response within "
                + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"),
            rec);
        finish(record, rec);
        return;
      } catch (IOException e) {
        sendError(ex, 502, AnthropicErrors.UNREACHABLE,
            "polpo-check record: the upstream " + upstream.getHost() + " could not be reached or"
                + " failed before answering (" + e.getClass().getSimpleName() + ")",
            rec);
        finish(record, rec);
        return;
      }
      boolean broken;
      boolean reuse = false;
      try {
        broken = relayResponse(ex, up.response, record, resp, own.copy, rec, batchId);
        reuse = !broken && !rec.aborted && up.response.reusable();
      } finally {
        if (reuse) {
          pool.release(up.connection);
        } else {
          pool.discard(up.connection); // a client gone or a broken body: this cancels the upstream
        }
      }
      finish(record, rec);
      if (broken) {
        // Leaving the handler by an exception makes the server close the connection without the
        // last chunk, so the client sees the response break as it did upstream.
        throw new IOException("upstream response ended early");
      }
    } finally {
      req.release();
      resp.release();
    }
  }

  /**
   * A relay thread's own buffers, reused by every call it serves: the response copy buffer and
   * the first {@value #SCRATCH} bytes of the request and response bodies read. A small call
   * (most of them: a request without history, a JSON Message) then allocates no buffer at all.
   * Bounded by the relay threads ({@link RecordServer#THREADS} x 48 KiB), and gone with a thread
   * that idles out.
   */
  private static final class Scratch {
    final byte[] copy = new byte[SCRATCH];
    final byte[] request = new byte[SCRATCH];
    final byte[] response = new byte[SCRATCH];
  }

  private static final int SCRATCH = 16384;

  /** A request body: the bytes read into the request buffer, then an optional rest to stream. */
  private record RequestBody(InputStream rest, long declaredLength) {}

  /** A response head from the upstream and the connection its body comes on. */
  private record Upstream(UpstreamPool.Connection connection, Http1.Response response) {}

  private RequestBody readBody(
      Exchange ex, Map<String, List<String>> headers, Buffer req, CallRecord rec)
      throws IOException {
    InputStream body = ex.getRequestBody();
    long declared = contentLength(headers);
    if (declared >= 0 && declared <= MAX_REQUEST_BUFFER && req.ensure((int) declared)) {
      int n = body.readNBytes(req.bytes(), 0, (int) declared);
      req.setLength(n);
      rec.requestBytes = n;
      return new RequestBody(null, -1);
    }
    byte[] chunk = new byte[16384];
    while (true) {
      int n = body.read(chunk);
      if (n < 0) {
        rec.requestBytes = req.length();
        return new RequestBody(null, -1);
      }
      if (!req.add(chunk, 0, n)) {
        // Too large to read: relay what was read, then the rest as it comes.
        InputStream rest =
            new SequenceInputStream(
                new ByteArrayInputStream(req.bytes(), 0, req.length()),
                new SequenceInputStream(new ByteArrayInputStream(chunk, 0, n), body));
        return new RequestBody(rest, declared);
      }
    }
  }

  /**
   * Sends the request on a pooled connection and reads the response head. A pooled connection
   * the upstream closed while it was idle fails before any byte of a response arrives; the
   * request is then sent once more on a new connection, if its body is still at hand (it was
   * read whole). Only a new connection's failure reaches the client as a 502.
   */
  private Upstream send(
      String method, URI in, Map<String, List<String>> headers, RequestBody body, Buffer req,
      CallRecord rec) throws IOException {
    String target = basePath + in.getRawPath() + (in.getRawQuery() == null ? "" : "?" + in.getRawQuery());
    List<Http1.Header> forwarded = forwardHeaders(headers);
    UpstreamPool.Connection c = pool.take();
    while (true) {
      try {
        writeRequest(c, method, target, forwarded, body, req, rec);
        return new Upstream(c, Http1.readResponse(c.in, "HEAD".equals(method)));
      } catch (IOException e) {
        pool.discard(c);
        if (!c.reused || body.rest() != null || e instanceof SocketTimeoutException) {
          throw e;
        }
        c = pool.open();
      }
    }
  }

  private void writeRequest(UpstreamPool.Connection c, String method, String target,
      List<Http1.Header> headers, RequestBody body, Buffer req, CallRecord rec) throws IOException {
    if (body.rest() == null) {
      int n = req.length();
      boolean sendLength = n > 0 || "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
      Http1.writeHead(c.out, method, target, pool.authority(), headers,
          sendLength ? "Content-Length: " + n : null);
      c.out.write(req.bytes(), 0, n);
    } else if (body.declaredLength() >= 0) {
      Http1.writeHead(c.out, method, target, pool.authority(), headers,
          "Content-Length: " + body.declaredLength());
      rec.requestBytes = body.rest().transferTo(c.out);
    } else {
      Http1.writeHead(c.out, method, target, pool.authority(), headers, "Transfer-Encoding: chunked");
      rec.requestBytes = Http1.writeChunked(c.out, body.rest());
    }
    c.out.flush();
  }

  private static List<Http1.Header> forwardHeaders(Map<String, List<String>> headers) {
    Set<String> drop = connectionTokens(headers);
    List<Http1.Header> out = new ArrayList<>(headers.size() + 2);
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      String name = h.getKey();
      if (HOP_BY_HOP.contains(name) || drop.contains(name) || "accept-encoding".equals(name)) {
        continue;
      }
      for (String v : h.getValue()) {
        if (v.indexOf('\r') < 0 && v.indexOf('\n') < 0) {
          out.add(new Http1.Header(name, v));
        }
      }
    }
    return out;
  }

  /** Relays the response; true when it broke off upstream (the client must see it break). */
  private boolean relayResponse(
      Exchange ex, Http1.Response response, boolean record, Buffer capture, byte[] buf,
      CallRecord rec, String batchId) throws IOException {
    rec.status = response.status;
    BatchResults batch =
        batchId != null && rec.status == 200
            ? new BatchResults(batchId, batches, rec, r -> finish(true, r))
            : null;
    Set<String> drop = connectionTokens(response.headers);
    String contentType = null;
    for (Http1.Header h : response.headers) {
      // names keep the upstream's capitalisation on the way to the client
      String name = h.name().toLowerCase(Locale.ROOT);
      if (record) {
        observeHeader(name, h.value(), rec);
      }
      if (contentType == null && "content-type".equals(name)) {
        contentType = h.value();
      }
      if (HOP_BY_HOP.contains(name) || drop.contains(name)) {
        continue;
      }
      ex.addResponseHeader(h.name(), h.value());
    }
    if (contentType == null) {
      contentType = "";
    }
    rec.stream = contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    long length = response.contentLength;
    boolean noBody =
        "HEAD".equals(ex.getRequestMethod()) || rec.status == 204 || rec.status == 304 || length == 0;
    InputStream body = response.body;
    boolean broken = false;
    try {
      ex.sendResponseHeaders(rec.status, response.reason, noBody ? -1 : Math.max(length, 0));
    } catch (IOException e) {
      rec.aborted = true;
      return false;
    }
    if (noBody) {
      rec.ttfbNanos = System.nanoTime();
      ex.close();
      return false;
    }
    OutputStream out = ex.getResponseBody();
    if (!response.bodyReady()) {
      // The head must not wait for a body that is not there yet (a stream's first event may
      // take seconds); when the body came with the head, both go in one write below.
      try {
        out.flush();
      } catch (IOException e) {
        rec.aborted = true;
        return false;
      }
    }
    while (true) {
      int n;
      try {
        n = body.read(buf);
      } catch (IOException e) {
        broken = true;
        rec.errorType = e instanceof SocketTimeoutException ? AnthropicErrors.TIMEOUT : "upstream_cut";
        break;
      }
      if (n < 0) {
        break;
      }
      if (n == 0) {
        continue;
      }
      if (rec.ttfbNanos < 0) {
        rec.ttfbNanos = System.nanoTime();
      }
      rec.responseBytes += n;
      if (record) {
        if (rec.stream) {
          rec.usage.feedSse(buf, 0, n);
        } else {
          capture.add(buf, 0, n);
        }
      } else if (batch != null) {
        batch.feed(buf, 0, n);
      }
      try {
        out.write(buf, 0, n);
        out.flush();
      } catch (IOException e) {
        rec.aborted = true;
        break;
      }
    }
    if (!broken && !rec.aborted) {
      ex.close();
      if (batch != null) {
        batch.finish();
      }
    } else if (rec.aborted) {
      closeQuietly(ex);
    }
    if (batch != null && batch.skipped() > 0) {
      sink.unrecorded(batch.skipped() + " result line(s) of batch " + batchId + " longer than "
          + (BatchResults.MAX_LINE >> 20) + " MiB were relayed but not recorded");
    }
    if (record && !rec.stream && !capture.overflowed()) {
      rec.usage.readJson(capture.bytes(), capture.length());
    }
    return broken;
  }

  private static void closeQuietly(Exchange ex) {
    try {
      ex.close();
    } catch (RuntimeException ignored) {
      // the client is gone already
    }
  }

  /** Notes a response header the trace keeps; the first value of a repeated name wins. */
  private static void observeHeader(String name, String value, CallRecord rec) {
    String v = value.strip();
    if ("request-id".equals(name)) {
      if (rec.requestId == null) {
        rec.requestId = v;
      }
    } else if ("retry-after".equals(name)) {
      if (!rec.sawRetryAfter) {
        rec.sawRetryAfter = true;
        rec.retryAfter = parseSeconds(v);
      }
    } else if (name.startsWith(RATE_LIMIT_PREFIX) && name.length() > RATE_LIMIT_PREFIX.length()) {
      rec.rateLimits.putIfAbsent(name.substring(RATE_LIMIT_PREFIX.length()), v);
    }
  }

  private void sendError(Exchange ex, int status, String type, String message, CallRecord rec) {
    rec.status = status;
    rec.errorType = type;
    byte[] body = AnthropicErrors.body(type, message);
    try {
      ex.addResponseHeader("Content-Type", "application/json");
      ex.sendResponseHeaders(status, body.length);
      rec.ttfbNanos = System.nanoTime();
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
      rec.responseBytes = body.length;
    } catch (IOException e) {
      rec.aborted = true;
      closeQuietly(ex);
    }
  }

  /** Hands the call's line to the writer; a recording problem never reaches the client. */
  private void finish(boolean record, CallRecord rec) {
    if (!record) {
      return;
    }
    try {
      sink.offer(rec.startMillis, rec.line(conversations));
      recorded.incrementAndGet();
    } catch (RuntimeException e) {
      sink.lost(e);
    }
  }

  /** Header names listed in {@code Connection}: hop-by-hop by declaration. */
  private static Set<String> connectionTokens(Map<String, List<String>> headers) {
    List<String> c = headers.get("connection");
    return c == null ? Set.of() : tokens(c, Set.of());
  }

  /** {@link #connectionTokens(Map)} of a response's header lines. */
  private static Set<String> connectionTokens(List<Http1.Header> headers) {
    Set<String> out = Set.of();
    for (Http1.Header h : headers) {
      if ("connection".equalsIgnoreCase(h.name())) {
        out = tokens(List.of(h.value()), out);
      }
    }
    return out;
  }

  private static Set<String> tokens(List<String> values, Set<String> more) {
    Set<String> out = new HashSet<>(more);
    for (String v : values) {
      for (String t : v.split(",")) {
        out.add(t.strip().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static long contentLength(Map<String, List<String>> headers) {
    List<String> v = headers.get("content-length");
    return v == null ? -1 : parseLength(v);
  }

  private static long parseLength(List<String> v) {
    if (v.isEmpty()) {
      return -1;
    }
    try {
      long n = Long.parseLong(v.get(0).strip());
      return n < 0 ? -1 : n;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long parseSeconds(String v) {
    try {
      long s = Long.parseLong(v);
      return s < 0 ? -1 : s;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
