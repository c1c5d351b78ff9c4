package dev.polpocheck.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;

/**
 * The recording proxy: an HTTP/1.1 server on the listen address whose one handler ({@link
 * Relay}) relays every request to the upstream over pooled HTTP/1.1 connections ({@link
 * UpstreamPool}, {@link Http1}) and records Messages API calls through a {@link TraceSink}.
 *
 * <p><b>Why this stack</b> (README "Record your own workload" has the numbers): an HTTP/1.1
 * server and client of our own, both blocking, both on the one thread that serves the client's
 * connection. The JDK's HTTP client moved every response through its selector and worker
 * threads, and the JDK's server woke its dispatcher twice and a worker once per call; on a
 * shared CPU each of those wake-ups is a chance to wait a scheduler slice (a JFR profile showed
 * the client's as most of the proxy's added latency, reports/record-speed.md; the server's are
 * described in {@link Http1Server}). Now a call wakes the
 * connection's thread when the request arrives and again when the upstream answers, and the
 * trace writer once per line, when it is parked ({@link TraceSink}). Nothing is added to the CLI jar nor to
 * the start-up of the other commands (no class of this package loads unless {@code record}
 * runs). Netty or Jetty 12 would reach the same structure with 2 to 4 MB more jar.
 *
 * <p><b>Bounded.</b> At most {@value #THREADS} client connections are served at once (more wait
 * in a queue of {@value #QUEUED} and then in the socket backlog; while any wait, responses close
 * their connection, see {@link Http1Server}); bodies read into memory share a
 * budget of {@value #MEMORY_BUDGET} bytes; the writer's queue and the conversation table are
 * capped. Memory therefore does not grow with load.
 */
public final class RecordServer implements AutoCloseable {
  static final int THREADS = 256;
  static final int QUEUED = 4096;
  static final long MEMORY_BUDGET = 256L * 1024 * 1024;

  private final Http1Server server;
  private final ThreadPoolExecutor executor;
  private final TraceSink sink;
  private final UpstreamPool pool;
  private final Relay relay;
  private final PrintWriter err;

  private RecordServer(
      Http1Server server, ThreadPoolExecutor executor, TraceSink sink, UpstreamPool pool, Relay relay,
      PrintWriter err) {
    this.server = server;
    this.executor = executor;
    this.sink = sink;
    this.pool = pool;
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
    return start(settings, err, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /** As {@link #start(RecordSettings, PrintWriter)}, with TLS connections made by {@code tls}. */
  static RecordServer start(RecordSettings settings, PrintWriter err, SSLSocketFactory tls)
      throws IOException {
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
    UpstreamPool pool =
        new UpstreamPool(
            settings.upstream(),
            (int) Math.min(30_000, Math.max(1_000, settings.upstreamTimeout().toMillis())),
            (int) Math.min(Integer.MAX_VALUE, settings.upstreamTimeout().toMillis()),
            tls);
    TraceSink sink =
        new TraceSink(
            settings.outputIsDirectory() ? dir : settings.output().toAbsolutePath(),
            settings.outputIsDirectory(),
            err);
    Relay relay =
        new Relay(
            settings.upstream(),
            pool,
            settings.upstreamTimeout(),
            fp,
            new Conversations(),
            sink,
            new ByteBudget(MEMORY_BUDGET));
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
    Http1Server server;
    try {
      server = Http1Server.start(settings.listen(), 1024, executor, relay);
    } catch (IOException e) {
      executor.shutdownNow();
      sink.close();
      throw e;
    }
    return new RecordServer(server, executor, sink, pool, relay, err);
  }

  /** The bound address (the real port when the settings asked for port 0). */
  public InetSocketAddress address() {
    return server.address();
  }

  /** Counts of one run. */
  public record Summary(long recorded, long written, long failed, long dropped) {}

  /**
   * Stops accepting, lets exchanges in flight finish for up to {@code graceSeconds}, writes every
   * queued line and closes the files.
   */
  public Summary stop(int graceSeconds) {
    server.stop(graceSeconds);
    pool.close(); // ends reads still blocked on the upstream
    executor.shutdownNow();
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
