package dev.polpocheck.report;

import dev.polpocheck.forecast.Forecaster;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long run on the error stream (never on stdout, which carries the results). On a
 * terminal it is a progress bar with ETA redrawn in place. Elsewhere (a CI log, a redirected
 * stream) a redrawn bar would be noise and silence looks like a hang, so it prints one plain line
 * each time another tenth of the runs is done or {@value #QUIET_SECONDS} s have passed since the
 * last line, whichever comes first: {@code forecast: 40 of 200 runs (20%), 12 s elapsed, about 48
 * s left}. Closing it finishes the bar or prints the last line.
 */
public final class TerminalProgress implements Forecaster.Progress, AutoCloseable {
  /** Longest silence between two plain progress lines. */
  static final long QUIET_SECONDS = 30;

  private final ProgressBar bar;
  private final PlainLines plain;

  private TerminalProgress(ProgressBar bar, PlainLines plain) {
    this.bar = bar;
    this.plain = plain;
  }

  /** Progress for {@code total} steps on {@code err}: a bar when {@code tty}, else plain lines. */
  public static TerminalProgress start(String task, long total, PrintWriter err, boolean tty) {
    return start(task, total, err, tty, false);
  }

  /**
   * Progress for {@code total} steps, or at most {@code total} when {@code atMost} (a capacity
   * search stops at the first fit: its plain lines then give no time left).
   */
  public static TerminalProgress start(String task, long total, PrintWriter err, boolean tty,
      boolean atMost) {
    if (!tty) {
      return plain(task, total, atMost, err, System::nanoTime);
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new DelegatingProgressBarConsumer(s -> {
          err.print('\r' + s);
          err.flush();
        }, 80))
        .build();
    return new TerminalProgress(bar, null);
  }

  /** Plain progress lines with the given clock (nanoseconds), for tests. */
  static TerminalProgress plain(String task, long total, boolean atMost, PrintWriter err,
      LongSupplier nanos) {
    return new TerminalProgress(null, new PlainLines(task, total, atMost, err, nanos));
  }

  /** True when the process's standard streams are attached to a terminal. */
  public static boolean isTerminal() {
    return System.console() != null;
  }

  @Override
  public void runDone() {
    if (bar != null) {
      bar.step();
    } else {
      plain.step();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    } else {
      plain.finish();
    }
  }

  /** The plain-line form (class comment); steps may come from several worker threads. */
  private static final class PlainLines {
    private final String task;
    private final long total;
    private final boolean atMost;
    private final PrintWriter err;
    private final LongSupplier nanos;
    private final long startNanos;
    private long done;
    private long lastLineNanos;
    private long lastTenth;
    private long lastLineDone;

    PlainLines(String task, long total, boolean atMost, PrintWriter err, LongSupplier nanos) {
      this.task = task;
      this.total = Math.max(1, total);
      this.atMost = atMost;
      this.err = err;
      this.nanos = nanos;
      this.startNanos = nanos.getAsLong();
      this.lastLineNanos = startNanos;
    }

    synchronized void step() {
      done++;
      long now = nanos.getAsLong();
      long tenth = Math.min(10, done * 10 / total);
      if (tenth > lastTenth || now - lastLineNanos >= QUIET_SECONDS * 1_000_000_000L) {
        lastTenth = Math.max(lastTenth, tenth);
        line(now);
      }
    }

    synchronized void finish() {
      if (done > lastLineDone) {
        line(nanos.getAsLong());
      }
    }

    private void line(long now) {
      lastLineNanos = now;
      lastLineDone = done;
      double elapsed = (now - startNanos) / 1e9;
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %,d of %s%,d runs"
          + " (%d%%), %s elapsed", task, done, atMost ? "at most " : "", total,
          Math.min(100, done * 100 / total), duration(elapsed)));
      if (!atMost && done < total) {
        b.append(", about ").append(duration(elapsed / done * (total - done))).append(" left");
      }
      err.println(b);
      err.flush();
    }

    private static String duration(double seconds) {
      long s = Math.round(seconds);
      return s < 60 ? s + " s" : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
  }
}
