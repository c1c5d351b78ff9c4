package dev.polpocheck.record;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Keep-alive HTTP/1.1 connections to the one upstream, plain or TLS, reused by whichever relay
 * thread needs one next: the relay thread itself writes the request and reads the response, so
 * a call costs no thread hand-off on the upstream side (reports/record-speed.md has the profile
 * that made this the fix).
 *
 * <p>TLS connections verify the upstream's host name ({@code HTTPS} endpoint identification) and
 * send SNI, as any HTTPS client does. The socket read timeout is the upstream timeout, so both
 * "no response headers" and "a body silent for too long" end as a {@link
 * java.net.SocketTimeoutException} on the relay thread that waits.
 *
 * <p>Bounded: at most {@value #MAX_IDLE} idle connections are kept, none longer than {@value
 * #IDLE_SECONDS} s (servers close idle ones on their own; an older one is more likely dead than
 * useful). Connections in use are tracked so {@link #close} can break every blocked read when the
 * recorder stops.
 */
final class UpstreamPool implements AutoCloseable {
  static final int MAX_IDLE = 64;
  static final int IDLE_SECONDS = 30;

  /** One connection; {@link #reused} says whether it served a request before. */
  static final class Connection extends BufferedSocket {
    boolean reused;
    long idleSinceNanos;

    Connection(Socket socket) throws IOException {
      super(socket);
    }
  }

  private final String host;
  private final int port;
  private final boolean tls;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final SSLSocketFactory tlsFactory;
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private final Set<Connection> busy = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param tlsFactory makes TLS connections (the JVM's default, trusting its CA certificates;
   *     tests pass one that trusts their own certificate)
   */
  UpstreamPool(URI upstream, int connectTimeoutMillis, int readTimeoutMillis, SSLSocketFactory tlsFactory) {
    this.host = upstream.getHost();
    this.tls = "https".equals(upstream.getScheme());
    this.port = upstream.getPort() >= 0 ? upstream.getPort() : tls ? 443 : 80;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.readTimeoutMillis = readTimeoutMillis;
    this.tlsFactory = tlsFactory;
  }

  /** The {@code Host} header value: the authority of the upstream URL. */
  String authority() {
    boolean defaultPort = port == (tls ? 443 : 80);
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return defaultPort ? h : h + ":" + port;
  }

  /** An idle connection if one is fresh enough, else a new one. */
  Connection take() throws IOException {
    long now = System.nanoTime();
    while (true) {
      Connection c;
      synchronized (idle) {
        c = idle.pollLast();
      }
      if (c == null) {
        break;
      }
      if (now - c.idleSinceNanos < TimeUnit.SECONDS.toNanos(IDLE_SECONDS) && !c.socket.isClosed()) {
        busy.add(c);
        return c;
      }
      c.closeQuietly();
    }
    return open();
  }

  /** A new connection, never a pooled one (a retry after a stale pooled connection failed). */
  Connection open() throws IOException {
    if (closed) {
      throw new IOException("recorder stopping");
    }
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      try {
        s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
      } catch (SocketTimeoutException e) {
        // unreachable (502), not slow to answer (504): the read timeout is the upstream's time
        throw new ConnectException("connect timed out after " + connectTimeoutMillis + " ms");
      }
      s.setSoTimeout(readTimeoutMillis);
      if (tls) {
        SSLSocket ssl =
            (SSLSocket) tlsFactory.createSocket(s, host, port, true);
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(p);
        ssl.startHandshake();
        s = ssl;
      }
      Connection c = new Connection(s);
      busy.add(c);
      return c;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** Returns a connection whose response was read to its end and may be reused. */
  void release(Connection c) {
    busy.remove(c);
    c.reused = true;
    c.idleSinceNanos = System.nanoTime();
    synchronized (idle) {
      if (!closed && idle.size() < MAX_IDLE) {
        idle.addLast(c);
        return;
      }
    }
    c.closeQuietly();
  }

  /** Closes a connection that must not be reused (a broken or abandoned response). */
  void discard(Connection c) {
    busy.remove(c);
    c.closeQuietly();
  }

  /** Closes every connection, idle or in use: blocked reads end with an exception. */
  @Override
  public void close() {
    closed = true;
    synchronized (idle) {
      idle.forEach(Connection::closeQuietly);
      idle.clear();
    }
    busy.forEach(Connection::closeQuietly);
  }
}
