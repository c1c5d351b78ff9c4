package dev.polpocheck.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace writer never leaves a line the readers cannot read, and never holds up traffic: a
 * write that fails part-way is cut back, a torn tail found on open is removed, one file per UTC
 * day, and a full disk ({@code /dev/full}) costs lines (counted, warned) but no request.
 */
class TraceSinkTest {
  @TempDir Path tmp;
  final StringWriter warnings = new StringWriter();

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void linesGoToOneFilePerUtcDay() throws IOException {
    TraceSink sink = new TraceSink(tmp, true, new PrintWriter(warnings));
    // 2026-12-03T23:59:59.999Z and 2026-12-04T00:00:00.000Z
    sink.offer(1_796_342_399_999L, b("{\"a\":1}"));
    sink.offer(1_796_342_400_000L, b("{\"b\":2}"));
    sink.close();
    assertEquals("{\"a\":1}\n", Files.readString(tmp.resolve("polpo-2026-12-03.jsonl")));
    assertEquals("{\"b\":2}\n", Files.readString(tmp.resolve("polpo-2026-12-04.jsonl")));
    assertEquals(2, sink.written());
  }

  @Test
  void aLineAfterTheWriterWentIdle_isWrittenWithoutWaitingForAnother() throws Exception {
    Path f = tmp.resolve("t.jsonl");
    TraceSink sink = new TraceSink(f, false, new PrintWriter(warnings));
    // The queue is empty: the writer parks until a producer wakes it. Each line must then reach
    // the file with no later line and no close to push it (kill -9 loses only calls in flight).
    Thread.sleep(100);
    sink.offer(0, b("{\"one\":1}"));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!(Files.exists(f) && Files.readString(f).equals("{\"one\":1}\n"))
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals("{\"one\":1}\n", Files.readString(f), "written before close, with no second line");
    assertEquals(1, sink.written());
    sink.close();
  }

  @Test
  void tornTailFoundOnOpen_isRemoved_andTheNextLineStandsAlone() throws IOException {
    Path f = tmp.resolve("t.jsonl");
    Files.writeString(f, "{\"whole\":1}\n{\"torn\":");
    TraceSink sink = new TraceSink(f, false, new PrintWriter(warnings));
    sink.offer(0, b("{\"next\":2}"));
    sink.close();
    assertEquals("{\"whole\":1}\n{\"next\":2}\n", Files.readString(f));
    assertTrue(warnings.toString().contains("removed a torn last line (8 bytes"), warnings.toString());
  }

  @Test
  void writeFailingPartWay_isCutBack_counted_andTheNextLineIsWhole() throws IOException {
    Path f = tmp.resolve("t.jsonl");
    List<HalfFull> opened = new ArrayList<>();
    TraceSink sink =
        new TraceSink(f, false, new PrintWriter(warnings), p -> {
          HalfFull c = new HalfFull(TraceSink.openAppend(p), opened.isEmpty());
          opened.add(c);
          return c;
        });
    sink.offer(0, b("{\"first\":1}"));
    sink.offer(0, b("{\"second\":2}"));
    sink.close();
    assertEquals("{\"second\":2}\n", Files.readString(f), "no fragment of the failed line");
    assertEquals(1, sink.failed());
    assertEquals(1, sink.written());
    assertTrue(warnings.toString().contains("1 line(s) lost so far; traffic is not affected"));
  }

  @Test
  void fullDisk_costsLinesButNoRequest() throws Exception {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full");
    try (FakeAnthropic fake = new FakeAnthropic()) {
      // the fingerprint key goes beside the output file: a link in tmp keeps it out of /dev
      Path link = tmp.resolve("full.jsonl");
      Files.createSymbolicLink(link, full);
      RecordServer proxy =
          RecordServer.start(
              new RecordSettings(fake.uri(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                  link, false, Duration.ofSeconds(5)),
              new PrintWriter(warnings, true));
      HttpClient client = HttpClient.newHttpClient();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> r =
            client.send(HttpRequest.newBuilder(RecordFixtures.messages(proxy))
                .POST(HttpRequest.BodyPublishers.ofString(RecordProxyTest.body("hi", false)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals(FakeAnthropic.JSON_BODY, r.body());
      }
      RecordServer.Summary s = proxy.stop(1);
      assertEquals(3, s.recorded());
      assertEquals(0, s.written());
      assertEquals(3, s.failed());
      assertTrue(warnings.toString().contains("No space left on device"), warnings.toString());
      Files.delete(link);
    }
  }

  /** A channel whose first write stores half the line and then fails like a full disk. */
  static final class HalfFull extends FileChannel {
    private final FileChannel d;
    private boolean fail;

    HalfFull(FileChannel d, boolean fail) {
      this.d = d;
      this.fail = fail;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      if (fail) {
        fail = false;
        ByteBuffer half = src.duplicate();
        half.limit(src.position() + src.remaining() / 2);
        d.write(half);
        throw new IOException("No space left on device");
      }
      return d.write(src);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return d.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return d.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      return d.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
      return d.position();
    }

    @Override
    public FileChannel position(long p) throws IOException {
      d.position(p);
      return this;
    }

    @Override
    public long size() throws IOException {
      return d.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      d.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      d.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target)
        throws IOException {
      return d.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count)
        throws IOException {
      return d.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return d.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      return d.write(src, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return d.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return d.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return d.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      d.close();
    }
  }
}
