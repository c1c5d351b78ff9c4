package dev.polpocheck.record;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends response bodies that go silent: the JDK's HTTP client has no read timeout once the
 * headers are in, so one thread looks at every relayed body a few times per timeout and closes
 * those idle for longer than it. Closing the client's body stream cancels the upstream request
 * and wakes the relay blocked in {@code read}, which then ends the call as a timeout.
 */
final class Watchdog implements AutoCloseable {
  /** One watched body. */
  final class Watch {
    private final InputStream body;
    private volatile long lastNanos = System.nanoTime();
    private volatile boolean timedOut;

    private Watch(InputStream body) {
      this.body = body;
    }

    /** Bytes arrived. */
    void touch() {
      lastNanos = System.nanoTime();
    }

    /** Whether the watchdog closed the body. */
    boolean timedOut() {
      return timedOut;
    }

    /** The body is finished with. */
    void done() {
      watched.remove(this);
    }
  }

  private final long timeoutNanos;
  private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;

  Watchdog(long timeoutMillis) {
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "polpo-check-record-watchdog");
              t.setDaemon(true);
              return t;
            });
    long period = Math.max(50, Math.min(1000, timeoutMillis / 4));
    timer.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  /** Starts watching a body. */
  Watch watch(InputStream body) {
    Watch w = new Watch(body);
    watched.add(w);
    return w;
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Watch w : watched) {
      if (now - w.lastNanos > timeoutNanos) {
        w.timedOut = true;
        watched.remove(w);
        try {
          w.body.close();
        } catch (IOException | RuntimeException ignored) {
          // closed is closed
        }
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
