package dev.polpocheck.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The proxy's upstream connections: kept alive and reused across calls, a pooled connection the
 * upstream closed while idle costs the client nothing (the request goes again on a new one), and
 * TLS upstreams are reached with the host name verified, as {@code https://api.anthropic.com}
 * is.
 */
class UpstreamConnectionsTest {
  @TempDir Path tmp;
  final StringWriter err = new StringWriter();
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  HttpResponse<byte[]> post(RecordServer proxy, String firstMessage) throws Exception {
    return client.send(
        java.net.http.HttpRequest.newBuilder(RecordFixtures.messages(proxy))
            .header("x-api-key", RecordProxyTest.CANARY_KEY)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                RecordProxyTest.body(firstMessage, false)))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void sequentialCalls_shareOneUpstreamConnection() throws Exception {
    try (FakeAnthropic fake = new FakeAnthropic();
        RecordServer proxy = RecordFixtures.start(fake.uri(), tmp.resolve("out"), Duration.ofSeconds(5), err)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, post(proxy, "call " + i).statusCode());
      }
      List<Integer> ports = fake.received.stream().map(FakeAnthropic.Received::remotePort).toList();
      assertEquals(List.of(ports.get(0), ports.get(0), ports.get(0)), ports,
          "one client port upstream: the connection was kept alive and reused");
    }
  }

  @Test
  void aPooledConnectionClosedByTheUpstream_isReplacedWithoutTheClientNoticing() throws Exception {
    // An upstream that answers one request per connection and then closes it without saying so
    // (no "Connection: close"), as a server does when its idle timeout ends a kept-alive connection.
    byte[] answer = FakeAnthropic.JSON_BODY.getBytes(StandardCharsets.UTF_8);
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            accepted.incrementAndGet();
            InputStream in = new BufferedInputStream(s.getInputStream());
            long length = 0;
            String line;
            while (!(line = Http1.readLine(in, 8192)).isEmpty()) {
              if (line.toLowerCase().startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
              }
            }
            in.readNBytes((int) length);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + answer.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(answer);
            out.flush();
          } catch (IOException | RuntimeException e) {
            // the next accept, or the end of the test
          }
        }
      });
      t.setDaemon(true);
      t.start();
      URI up = URI.create("http://127.0.0.1:" + server.getLocalPort());
      try (RecordServer proxy = RecordFixtures.start(up, tmp.resolve("out"), Duration.ofSeconds(5), err)) {
        HttpResponse<byte[]> first = post(proxy, "one");
        Thread.sleep(200); // the upstream's close reaches the pooled connection
        HttpResponse<byte[]> second = post(proxy, "two");
        assertEquals(200, first.statusCode());
        assertEquals(200, second.statusCode(), "sent again on a new connection, not a 502");
        assertArrayEquals(answer, second.body());
        // the first call's connection (closed by the upstream, tried again by the second call,
        // which fails before any response byte) and the new one the second call went on
        assertEquals(2, accepted.get());
      }
    }
  }

  @Test
  void tlsUpstream_isRelayed_andAHostNameTheCertificateDoesNotNameIsRefused() throws Exception {
    // A certificate for "localhost" only (no IP address among its names), made by the JDK's keytool.
    Path ks = tmp.resolve("upstream.p12");
    Process p = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "up", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
        "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor());
    char[] pass = "changeit".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(ks)) {
      keys.load(in, pass);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, pass);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("up", keys.getCertificate("up"));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);

    byte[] answer = FakeAnthropic.JSON_BODY.getBytes(StandardCharsets.UTF_8);
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    https.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().set("content-type", "application/json");
      ex.getResponseHeaders().set("request-id", "req_tls");
      ex.sendResponseHeaders(200, answer.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(answer);
      }
    });
    https.start();
    int port = https.getAddress().getPort();
    try {
      try (RecordServer proxy = start(URI.create("https://localhost:" + port), "named",
          clientTls)) {
        HttpResponse<byte[]> r = post(proxy, "over TLS");
        assertEquals(200, r.statusCode());
        assertArrayEquals(answer, r.body());
        proxy.stop(1);
        JsonNode l = RecordFixtures.lines(tmp.resolve("named")).get(0);
        assertEquals("req_tls", l.get("requestId").stringValue());
        assertEquals(1200, l.get("usage").get("input").intValue());
      }
      try (RecordServer proxy = start(URI.create("https://127.0.0.1:" + port), "unnamed",
          clientTls)) {
        HttpResponse<byte[]> r = post(proxy, "over TLS");
        assertEquals(502, r.statusCode(), "127.0.0.1 is not a name of the certificate");
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("CANARY"));
      }
    } finally {
      https.stop(0);
    }
  }

  private RecordServer start(URI upstream, String out, SSLContext tls) throws IOException {
    return RecordServer.start(
        new RecordSettings(upstream, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            tmp.resolve(out), true, Duration.ofSeconds(5)),
        new java.io.PrintWriter(err, true), tls.getSocketFactory());
  }
}
