package dev.polpocheck.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polpo-check record} as users run it, from the built jar in the foreground: it says
 * where it listens, relays a call, and on SIGTERM or SIGINT writes what it recorded, reports the
 * count and exits 0; the API key sent through it appears nowhere in its output or files.
 */
class RecordIT {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path tmp;

  @Test
  void sigterm_flushesTheRecording_andExitsZero() throws Exception {
    runAndStop("TERM");
  }

  @Test
  void sigint_flushesTheRecording_andExitsZero() throws Exception {
    runAndStop("INT");
  }

  private void runAndStop(String signal) throws Exception {
    Path jar = Paths.get(System.getProperty("polpocheck.jar", "target/polpo-check.jar"));
    Path out = tmp.resolve("traces");
    try (FakeAnthropic fake = new FakeAnthropic()) {
      Process p =
          new ProcessBuilder(
                  Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                  jar.toString(), "record", "--listen", "127.0.0.1:0", "--upstream",
                  fake.uri().toString(), "--output", out.toString())
              .start();
      BufferedReader err =
          new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      String first = err.readLine();
      Matcher m = LISTENING.matcher(first == null ? "" : first);
      assertTrue(m.find(), "first line says where it listens: " + first);
      URI uri = URI.create("http://127.0.0.1:" + m.group(1) + "/v1/messages");
      HttpResponse<String> r =
          HttpClient.newHttpClient().send(
              HttpRequest.newBuilder(uri).header("x-api-key", RecordProxyTest.CANARY_KEY)
                  .POST(HttpRequest.BodyPublishers.ofString(RecordProxyTest.body("hi", true)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals(String.join("", FakeAnthropic.EVENTS), r.body());
      new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops on SIG" + signal);
      StringBuilder sb = new StringBuilder();
      for (String l = err.readLine(); l != null; l = err.readLine()) {
        sb.append(l).append('\n');
      }
      String rest = sb.toString();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), first + rest);
      assertTrue(rest.contains("stopped; 1 call(s) recorded, 1 line(s) written"), rest);
      List<Path> files;
      try (Stream<Path> s = Files.list(out)) {
        files = s.filter(f -> f.toString().endsWith(".jsonl")).toList();
      }
      assertEquals(1, files.size());
      List<String> lines = Files.readAllLines(files.get(0));
      assertEquals(1, lines.size());
      assertTrue(lines.get(0).contains("\"usage\":{\"input\":1200,\"output\":350"), lines.get(0));
      for (String s : List.of(first, rest, stdout, lines.get(0))) {
        assertFalse(s.contains("CANARY"), s);
      }
    }
  }
}
