package dev.polpocheck.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends recorded lines to the trace files on its own thread, so that no disk problem can slow
 * or fail the traffic being relayed.
 *
 * <p><b>Durability.</b> Each line is written with one {@code write} on a channel opened for
 * append as soon as it is queued: the writer parks only while the queue is empty, and a producer
 * that finds it parked wakes it, so a line reaches the OS microseconds after its call ends (a
 * {@code kill -9} of the recorder loses only calls still in flight, as issue 12 asks). Files are
 * forced to disk on close.
 *
 * <p><b>Woken per line, measured.</b> A branch woke the writer in 5 ms batches to spare the relay
 * that wake-up on a loaded CPU; on a quiet machine, alternating both builds, waking it per line
 * added the same p99 (0.28 and 0.44 ms against 0.42 and 0.29 ms) for about 10 % more CPU per
 * call (reports/record-speed.md), so the batching window, which could lose the last 5 ms of calls
 * to a {@code kill -9}, was dropped.
 *
 * <p><b>No torn lines.</b> If a write fails part-way (disk full), the file is truncated back to
 * its length before that line, so the next line never lands glued to a fragment. A file found
 * ending without a newline when it is opened (a fragment left by a crash of another writer) is
 * truncated back to its last newline, with a warning saying how many bytes went. The readers
 * therefore only ever see whole lines.
 *
 * <p><b>Bounded.</b> The queue holds {@value #QUEUE} lines; when it is full (the disk is stuck)
 * new lines are dropped and counted, never waited for. Failed and dropped lines are counted,
 * warned about (first one, then every {@value #WARN_EVERY}th), and reported by {@link #close}.
 *
 * <p>New files are created 0600 (owner read/write only); existing files keep their mode.
 */
final class TraceSink implements AutoCloseable {
  static final int QUEUE = 8192;
  static final int WARN_EVERY = 1000;
  private static final byte[] STOP = new byte[0];
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private record Line(long timestampMillis, byte[] bytes) {}

  private final Path output;
  private final boolean directory;
  private final PrintWriter warn;
  private final BlockingQueue<Line> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread thread;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final ChannelOpener opener;
  /** True while the writer is parked without a deadline: the next producer must wake it. */
  private volatile boolean parked;

  private Path currentPath;
  private FileChannel current;

  /** Opens channels; a seam so tests can make writes fail. */
  interface ChannelOpener {
    FileChannel open(Path path) throws IOException;
  }

  TraceSink(Path output, boolean directory, PrintWriter warn) {
    this(output, directory, warn, TraceSink::openAppend);
  }

  TraceSink(Path output, boolean directory, PrintWriter warn, ChannelOpener opener) {
    this.output = output;
    this.directory = directory;
    this.warn = warn;
    this.opener = opener;
    this.thread = new Thread(this::drain, "polpo-check-record-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** A UTC day (days since the epoch) and its file. */
  private record DayFile(long day, Path path) {}

  /** The last day's file: a line of the same day costs no date arithmetic nor path. */
  private volatile DayFile lastDay = new DayFile(Long.MIN_VALUE, null);

  /** The file a line of a call started at {@code millis} goes to. */
  Path fileFor(long millis) {
    if (!directory) {
      return output;
    }
    long day = Math.floorDiv(millis, 86_400_000L);
    DayFile d = lastDay;
    if (d.day() != day) {
      d = new DayFile(day, output.resolve("polpo-" + LocalDate.ofEpochDay(day) + ".jsonl"));
      lastDay = d;
    }
    return d.path();
  }

  /** Queues a line (no newline); never blocks. */
  void offer(long timestampMillis, byte[] line) {
    if (!queue.offer(new Line(timestampMillis, line))) {
      long n = dropped.incrementAndGet();
      if (n == 1 || n % WARN_EVERY == 0) {
        warn("the trace writer is behind (disk stuck?): " + n + " line(s) dropped so far");
      }
    } else if (parked) {
      // The writer checks the queue after setting parked, the producer reads parked after adding
      // (both volatile): one of the two sees the other, so no line waits for the next line.
      LockSupport.unpark(thread);
    }
  }

  /** Counts a line that could not even be built (a bug, never the traffic's fault). */
  void lost(RuntimeException e) {
    long n = failed.incrementAndGet();
    if (n == 1 || n % WARN_EVERY == 0) {
      warn("a call could not be recorded (" + e.getClass().getSimpleName() + "): " + n
          + " line(s) lost so far; traffic is not affected");
    }
  }

  /** Warns about traffic relayed but not recorded (never the traffic's fault either). */
  void unrecorded(String what) {
    warn(what);
  }

  long written() {
    return written.get();
  }

  long failed() {
    return failed.get();
  }

  long dropped() {
    return dropped.get();
  }

  private void drain() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Line l = queue.poll();
        if (l != null) {
          if (l.bytes() == STOP) {
            return;
          }
          write(l);
        } else {
          parked = true;
          if (queue.isEmpty()) {
            LockSupport.park(this);
          }
          parked = false;
        }
      }
    } finally {
      closeCurrent();
    }
  }

  private void write(Line l) {
    Path target = fileFor(l.timestampMillis());
    long before = -1;
    try {
      if (!target.equals(currentPath)) {
        closeCurrent();
        repairTail(target);
        current = opener.open(target);
        currentPath = target;
      }
      before = current.size();
      ByteBuffer buf = lineBuffer(l.bytes().length + 1);
      buf.put(l.bytes()).put((byte) '\n').flip();
      while (buf.hasRemaining()) {
        current.write(buf);
      }
      written.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      long n = failed.incrementAndGet();
      if (current != null && before >= 0) {
        try {
          current.truncate(before);
        } catch (IOException | RuntimeException ignored) {
          // the next open repairs the tail
        }
      }
      // reopen on the next line: the channel may be unusable
      closeCurrent();
      if (n == 1 || n % WARN_EVERY == 0) {
        warn("cannot write " + target + " (" + describe(e) + "): " + n + " line(s) lost so far;"
            + " traffic is not affected");
      }
    }
  }

  /** The writer thread's buffer for one line and its newline, kept while lines are small. */
  private ByteBuffer lineBuffer(int size) {
    if (size > LINE_BUFFER) {
      return ByteBuffer.allocate(size);
    }
    if (line == null) {
      line = ByteBuffer.allocate(LINE_BUFFER);
    }
    return line.clear();
  }

  private static final int LINE_BUFFER = 8192;
  private ByteBuffer line;

  private void repairTail(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      repairTail(ch, file);
    }
  }

  private void repairTail(FileChannel ch, Path file) throws IOException {
    long size = ch.size();
    if (size == 0) {
      return;
    }
    ByteBuffer one = ByteBuffer.allocate(1);
    ch.read(one, size - 1);
    if (one.get(0) == '\n') {
      return;
    }
    long cut = size - 1;
    ByteBuffer chunk = ByteBuffer.allocate(8192);
    long lastNewline = -1;
    while (cut > 0 && lastNewline < 0) {
      long from = Math.max(0, cut - chunk.capacity());
      chunk.clear().limit((int) (cut - from));
      ch.read(chunk, from);
      for (int i = chunk.position() - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          lastNewline = from + i;
          break;
        }
      }
      cut = from;
    }
    long keep = lastNewline + 1;
    ch.truncate(keep);
    warn(file + ": removed a torn last line (" + (size - keep) + " bytes, no newline)");
  }

  private void closeCurrent() {
    if (current != null) {
      try {
        current.force(false);
      } catch (IOException | RuntimeException ignored) {
        // closing anyway
      }
      try {
        current.close();
      } catch (IOException ignored) {
        // nothing more to do
      }
      current = null;
      currentPath = null;
    }
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private void warn(String message) {
    synchronized (warn) {
      warn.println("polpo-check record: warning: " + message);
      warn.flush();
    }
  }

  /** Writes what is queued, forces and closes the file; waits at most {@code millis}. */
  void close(long millis) {
    try {
      queue.put(new Line(0, STOP));
      LockSupport.unpark(thread);
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(10_000);
  }

  /** Opens a trace file for appending, creating it (and its directory) owner-only. */
  static FileChannel openAppend(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      Files.createDirectories(parent);
    }
    EnumSet<StandardOpenOption> opts =
        EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    try {
      return FileChannel.open(path, opts, OWNER_ONLY);
    } catch (UnsupportedOperationException e) {
      return FileChannel.open(path, opts);
    }
  }
}
