package dev.polpocheck.record;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The recording proxy: an HTTP/1.1 server on the listen address whose one handler ({@link
 * Relay}) relays every request to the upstream with the JDK's HTTP client and records Messages
 * API calls through a {@link TraceSink}.
 *
 * <p><b>Why the JDK's own server and client</b> (README "Record your own workload" has the
 * numbers): they add no dependency to the CLI jar and nothing to the start-up of the other
 * commands, the server streams chunked responses with a flush per chunk, and the client speaks
 * HTTP/2 to Anthropic over TLS (one multiplexed connection) and HTTP/1.1 with keep-alive to a
 * plain-http upstream. Netty or Jetty would add 2 to 4 MB of jar for throughput this proxy does
 * not need: a Polpo workload is tens of calls per second, not thousands.
 *
 * <p><b>Bounded.</b> At most {@value #THREADS} exchanges are relayed at once (more wait in a
 * queue of {@value #QUEUED} and then in the socket backlog); bodies read into memory share a
 * budget of {@value #MEMORY_BUDGET} bytes; the writer's queue and the conversation table are
 * capped. Memory therefore does not grow with load.
 */
public final class RecordServer implements AutoCloseable {
  static final int THREADS = 256;
  static final int QUEUED = 4096;
  static final long MEMORY_BUDGET = 256L * 1024 * 1024;

  static {
    // The JDK server leaves Nagle's algorithm on by default; a small response written as headers
    // then body would then wait for the client's delayed ACK (up to 40 ms on Linux).
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final TraceSink sink;
  private final Watchdog watchdog;
  private final Relay relay;
  private final PrintWriter err;

  private RecordServer(
      HttpServer server, ThreadPoolExecutor executor, TraceSink sink, Watchdog watchdog, Relay relay,
      PrintWriter err) {
    this.server = server;
    this.executor = executor;
    this.sink = sink;
    this.watchdog = watchdog;
    this.relay = relay;
    this.err = err;
  }

  /**
   * Starts recording: creates the output directory (0700) and its fingerprint key, binds the
   * listen address and starts relaying.
   *
   * @param err where warnings go (a disk that fills up, a torn line repaired)
   * @throws IOException when the output cannot be prepared or the address cannot be bound
   */
  public static RecordServer start(RecordSettings settings, PrintWriter err) throws IOException {
    Path dir = settings.directory();
    if (!Files.isDirectory(dir)) {
      try {
        Files.createDirectories(
            dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(dir);
      }
    }
    Fingerprints fp = Fingerprints.inDirectory(dir);
    HttpServer server = HttpServer.create(settings.listen(), 1024);
    HttpClient client =
        HttpClient.newBuilder()
            .version(
                "https".equals(settings.upstream().getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(Math.min(30, Math.max(1, settings.upstreamTimeout().toSeconds()))))
            .build();
    TraceSink sink =
        new TraceSink(
            settings.outputIsDirectory() ? dir : settings.output().toAbsolutePath(),
            settings.outputIsDirectory(),
            err);
    Watchdog watchdog = new Watchdog(settings.upstreamTimeout().toMillis());
    Relay relay =
        new Relay(
            settings.upstream(),
            client,
            settings.upstreamTimeout(),
            fp,
            new Conversations(),
            sink,
            new ByteBudget(MEMORY_BUDGET),
            watchdog);
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUED),
            r -> {
              Thread t = new Thread(r, "polpo-check-record-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
    server.createContext("/", relay);
    server.setExecutor(executor);
    server.start();
    return new RecordServer(server, executor, sink, watchdog, relay, err);
  }

  /** The bound address (the real port when the settings asked for port 0). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Counts of one run. */
  public record Summary(long recorded, long written, long failed, long dropped) {}

  /**
   * Stops accepting, lets exchanges in flight finish for up to {@code graceSeconds}, writes every
   * queued line and closes the files.
   */
  public Summary stop(int graceSeconds) {
    server.stop(graceSeconds);
    executor.shutdownNow();
    watchdog.close();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sink.close();
    err.flush();
    return new Summary(relay.recorded(), sink.written(), sink.failed(), sink.dropped());
  }

  @Override
  public void close() {
    stop(0);
  }
}
