package dev.polpocheck.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helpers: a proxy on a free loopback port, and what it wrote. */
final class RecordFixtures {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RecordFixtures() {}

  /** A proxy to {@code upstream} on a free loopback port, recording into directory {@code out}. */
  static RecordServer start(URI upstream, Path out, Duration timeout, StringWriter err)
      throws IOException {
    return RecordServer.start(
        new RecordSettings(
            upstream, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), out, true, timeout),
        new PrintWriter(err, true));
  }

  /** The proxy's Messages endpoint. */
  static URI messages(RecordServer proxy) {
    return URI.create("http://127.0.0.1:" + proxy.address().getPort() + "/v1/messages");
  }

  /** Every line of the {@code .jsonl} files in {@code dir}, files in name order. */
  static List<JsonNode> lines(Path dir) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String l : Files.readAllLines(f)) {
          out.add(JSON.readTree(l));
        }
      }
    }
    return out;
  }

  /** Everything a run left for a user to see: stderr and every file under {@code dir}. */
  static String everythingWritten(Path dir, StringWriter err) throws IOException {
    StringBuilder sb = new StringBuilder(err.toString());
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        sb.append(Files.readString(f, StandardCharsets.ISO_8859_1));
      }
    }
    return sb.toString();
  }
}
