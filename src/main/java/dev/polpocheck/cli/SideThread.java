package dev.polpocheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Steps run one after the other on one daemon thread while the caller goes on with its own work:
 * a command's independent set-up on the core that its main step leaves idle. {@link #join} waits
 * for a step and rethrows its failure as the step threw it, so an error reads the same as when
 * the step ran on the caller's thread.
 */
final class SideThread {
  private final String name;
  private final List<FutureTask<?>> steps = new ArrayList<>();

  SideThread(String name) {
    this.name = name;
  }

  /** Adds a step, run after those added before it once {@link #start} is called. */
  <T> Future<T> add(Callable<T> step) {
    FutureTask<T> t = new FutureTask<>(step);
    steps.add(t);
    return t;
  }

  /** Starts the thread; each step runs whether or not the one before it failed. */
  void start() {
    List<FutureTask<?>> run = List.copyOf(steps);
    Thread t = new Thread(() -> run.forEach(FutureTask::run), name);
    t.setDaemon(true); // a command that fails first exits without waiting for its set-up
    t.start();
  }

  /** Waits for a step and returns its result, or throws what it threw. */
  static <T> T join(Future<T> step) {
    try {
      return step.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error er) {
        throw er;
      }
      throw new IllegalStateException(c);
    }
  }
}
