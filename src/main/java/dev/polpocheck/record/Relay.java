package dev.polpocheck.record;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * and {@code Content-Length} (the HTTP client sets both) and {@code Accept-Encoding}: the upstream
 * then answers uncompressed, so usage can be read from the bytes relayed; compression on the
 * loopback hop to the client would gain nothing. Response status, headers (same exceptions) and
 * body go back as they arrive: every chunk read from the upstream is written and flushed to the
 * client at once, so server-sent events reach the client as they are sent.
 *
 * <p><b>What is recorded</b> (only {@code POST .../v1/messages}; {@code count_tokens}, batches,
 * models and everything else are relayed and not recorded): see {@link CallObservation} and
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
 * upstream response (the HTTP client then cancels the request) and is recorded as aborted.
 */
final class Relay implements HttpHandler {
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
  private final HttpClient client;
  private final Duration timeout;
  private final Fingerprints fingerprints;
  private final Conversations conversations;
  private final TraceSink sink;
  private final ByteBudget budget;
  private final Watchdog watchdog;
  private final AtomicLong recorded = new AtomicLong();

  Relay(
      URI upstream,
      HttpClient client,
      Duration timeout,
      Fingerprints fingerprints,
      Conversations conversations,
      TraceSink sink,
      ByteBudget budget,
      Watchdog watchdog) {
    this.upstream = upstream;
    this.client = client;
    this.timeout = timeout;
    this.fingerprints = fingerprints;
    this.conversations = conversations;
    this.sink = sink;
    this.budget = budget;
    this.watchdog = watchdog;
  }

  /** Calls recorded so far (lines handed to the writer). */
  long recorded() {
    return recorded.get();
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    long startNanos = System.nanoTime();
    long startMillis = System.currentTimeMillis();
    String method = ex.getRequestMethod();
    URI in = ex.getRequestURI();
    boolean record = "POST".equals(method) && in.getRawPath().endsWith("/v1/messages");
    Map<String, List<String>> headers = lowerCase(ex.getRequestHeaders());
    Buffer req = new Buffer(budget, record ? MAX_REQUEST_BUFFER : MAX_PASSTHROUGH_BUFFER);
    Buffer resp = new Buffer(budget, MAX_RESPONSE_BUFFER);
    try {
      CallRecord rec = new CallRecord(startNanos, startMillis);
      HttpRequest.BodyPublisher body = readBody(ex, headers, req, rec);
      if (record) {
        rec.facts =
            req.overflowed() ? RequestFacts.UNKNOWN : RequestFacts.of(req.bytes(), req.length(), fingerprints);
        rec.credential = Credential.of(headers, fingerprints);
      }
      HttpResponse<InputStream> response;
      try {
        response = client.send(forward(method, in, headers, body), HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpTimeoutException e) {
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
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        sendError(ex, 502, AnthropicErrors.UNREACHABLE, "polpo-check record: shutting down", rec);
        finish(record, rec);
        return;
      }
      boolean broken = relayResponse(ex, response, record, resp, rec);
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

  private HttpRequest.BodyPublisher readBody(
      HttpExchange ex, Map<String, List<String>> headers, Buffer req, CallRecord rec)
      throws IOException {
    InputStream body = ex.getRequestBody();
    long declared = contentLength(headers);
    if (declared >= 0 && declared <= MAX_REQUEST_BUFFER && req.ensure((int) declared)) {
      int n = body.readNBytes(req.bytes(), 0, (int) declared);
      req.setLength(n);
      rec.requestBytes = n;
      return n == 0 ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(req.bytes(), 0, n);
    }
    byte[] chunk = new byte[16384];
    while (true) {
      int n = body.read(chunk);
      if (n < 0) {
        rec.requestBytes = req.length();
        return req.length() == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(req.bytes(), 0, req.length());
      }
      if (!req.add(chunk, 0, n)) {
        // Too large to read: relay what was read, then the rest as it comes.
        InputStream rest =
            new SequenceInputStream(
                new ByteArrayInputStream(req.bytes(), 0, req.length()),
                new SequenceInputStream(new ByteArrayInputStream(chunk, 0, n), body));
        InputStream counted = new FilterInputStream(rest) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              rec.requestBytes++;
            }
            return b;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
              rec.requestBytes += r;
            }
            return r;
          }
        };
        return HttpRequest.BodyPublishers.ofInputStream(() -> counted);
      }
    }
  }

  private HttpRequest forward(
      String method, URI in, Map<String, List<String>> headers, HttpRequest.BodyPublisher body) {
    String base = upstream.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String target = base + in.getRawPath() + (in.getRawQuery() == null ? "" : "?" + in.getRawQuery());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(target)).timeout(timeout).method(method, body);
    Set<String> drop = connectionTokens(headers);
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      String name = h.getKey();
      if (HOP_BY_HOP.contains(name) || drop.contains(name) || "accept-encoding".equals(name)) {
        continue;
      }
      for (String v : h.getValue()) {
        try {
          b.header(name, v);
        } catch (IllegalArgumentException refused) {
          // a header the HTTP client manages itself; it sets its own
        }
      }
    }
    return b.build();
  }

  /** Relays the response; true when it broke off upstream (the client must see it break). */
  private boolean relayResponse(
      HttpExchange ex, HttpResponse<InputStream> response, boolean record, Buffer capture, CallRecord rec)
      throws IOException {
    rec.status = response.statusCode();
    Map<String, List<String>> rh = response.headers().map();
    Set<String> drop = connectionTokens(rh);
    String contentType = "";
    long length = -1;
    for (Map.Entry<String, List<String>> h : rh.entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith(":")) {
        continue;
      }
      if ("content-length".equals(name)) {
        length = parseLength(h.getValue());
      }
      if (record) {
        observeHeader(name, h.getValue(), rec);
      }
      if ("content-type".equals(name) && !h.getValue().isEmpty()) {
        contentType = h.getValue().get(0);
      }
      if (HOP_BY_HOP.contains(name) || drop.contains(name)) {
        continue;
      }
      ex.getResponseHeaders().put(name, new ArrayList<>(h.getValue()));
    }
    rec.stream = contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    boolean noBody =
        "HEAD".equals(ex.getRequestMethod()) || rec.status == 204 || rec.status == 304 || length == 0;
    InputStream body = response.body();
    Watchdog.Watch watch = watchdog.watch(body);
    boolean broken = false;
    try {
      try {
        ex.sendResponseHeaders(rec.status, noBody ? -1 : Math.max(length, 0));
      } catch (IOException e) {
        rec.aborted = true;
        closeQuietly(body);
        return false;
      }
      if (noBody) {
        rec.ttfbNanos = System.nanoTime();
        closeQuietly(body);
        ex.close();
        return false;
      }
      OutputStream out = ex.getResponseBody();
      byte[] buf = new byte[16384];
      while (true) {
        int n;
        try {
          n = body.read(buf);
        } catch (IOException e) {
          broken = true;
          rec.errorType = watch.timedOut() ? AnthropicErrors.TIMEOUT : "upstream_cut";
          break;
        }
        if (n < 0) {
          break;
        }
        if (n == 0) {
          continue;
        }
        watch.touch();
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
        }
        try {
          out.write(buf, 0, n);
          out.flush();
        } catch (IOException e) {
          rec.aborted = true;
          closeQuietly(body); // cancels the upstream request
          break;
        }
      }
      if (!broken && !rec.aborted) {
        ex.close();
      } else if (rec.aborted) {
        closeQuietly(ex);
      }
    } finally {
      watch.done();
    }
    if (record && !rec.stream && !capture.overflowed()) {
      rec.usage.readJson(capture.bytes(), capture.length());
    }
    return broken;
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException ignored) {
      // closing only cancels; nothing to report
    }
  }

  private static void closeQuietly(HttpExchange ex) {
    try {
      ex.close();
    } catch (RuntimeException ignored) {
      // the client is gone already
    }
  }

  private static void observeHeader(String name, List<String> values, CallRecord rec) {
    if (values.isEmpty()) {
      return;
    }
    String v = values.get(0).strip();
    if ("request-id".equals(name)) {
      rec.requestId = v;
    } else if ("retry-after".equals(name)) {
      rec.retryAfter = parseSeconds(v);
    } else if (name.startsWith(RATE_LIMIT_PREFIX) && name.length() > RATE_LIMIT_PREFIX.length()) {
      rec.rateLimits.put(name.substring(RATE_LIMIT_PREFIX.length()), v);
    }
  }

  private void sendError(HttpExchange ex, int status, String type, String message, CallRecord rec) {
    rec.status = status;
    rec.errorType = type;
    byte[] body = AnthropicErrors.body(type, message);
    try {
      ex.getResponseHeaders().set("content-type", "application/json");
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

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new HashMap<>(headers.size() * 2);
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      out.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .addAll(h.getValue());
    }
    return out;
  }

  /** Header names listed in {@code Connection}: hop-by-hop by declaration. */
  private static Set<String> connectionTokens(Map<String, List<String>> headers) {
    List<String> c = headers.get("connection");
    if (c == null) {
      c = headers.get("Connection");
    }
    if (c == null) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (String v : c) {
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
