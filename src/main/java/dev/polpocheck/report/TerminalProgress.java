package dev.polpocheck.report;

import dev.polpocheck.forecast.Forecaster;
import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with ETA for long runs, drawn on the error stream only when it is a terminal, so
 * pipes, files and CI logs never see it. Closing it finishes the bar.
 */
public final class TerminalProgress implements Forecaster.Progress, AutoCloseable {
  private final ProgressBar bar;

  private TerminalProgress(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * A progress bar for {@code total} steps on {@code err}, or a silent one when {@code tty} is
   * false.
   */
  public static TerminalProgress start(String task, long total, PrintWriter err, boolean tty) {
    if (!tty) {
      return new TerminalProgress(null);
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
    return new TerminalProgress(bar);
  }

  /** True when the process's standard streams are attached to a terminal. */
  public static boolean isTerminal() {
    return System.console() != null;
  }

  @Override
  public void runDone() {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
