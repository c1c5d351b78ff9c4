package dev.polpocheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code record} refuses what would be unsafe or cannot work before it binds anything: a
 * non-loopback address without {@code --allow-remote}, an upstream that is not an http(s) URL (or
 * carries credentials), a malformed listen address; each is a usage error (exit 2) in one line.
 */
class RecordCommandTest {
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp;

  @Test
  void nonLoopbackListen_withoutAllowRemote_isAUsageError() {
    CliRun r = CliRun.of("record", "--listen", "0.0.0.0:8787");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--listen 0.0.0.0:8787 is not a loopback address; add --allow-remote"),
        r.err());
  }

  @Test
  void upstreamThatIsNotHttp_orCarriesCredentials_isAUsageError() {
    CliRun ftp = CliRun.of("record", "--upstream", "ftp://api.anthropic.com");
    assertEquals(2, ftp.exit());
    assertTrue(ftp.err().contains("--upstream: expected an http(s) URL"), ftp.err());
    CliRun userinfo =
        CliRun.of("record", "--upstream", "https://user:sk-ant-api03-secretsecretsecretsecret@x.com");
    assertEquals(2, userinfo.exit());
    assertTrue(!userinfo.all().contains("secretsecret"), "the URL's credentials are not echoed");
  }

  @Test
  void malformedListen_isAUsageError() {
    assertEquals(2, CliRun.of("record", "--listen", "8787").exit());
    CliRun port = CliRun.of("record", "--listen", "127.0.0.1:99999");
    assertEquals(2, port.exit());
    assertTrue(port.err().contains("port must be 0 to 65535"), port.err());
  }

  @Test
  void addressInUse_cannotRun_exit3InOneLine() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun r = CliRun.of("record", "--listen", "127.0.0.1:" + taken.getLocalPort(),
          "--output", tmp.resolve("t").toString());
      assertEquals(3, r.exit());
      assertTrue(r.err().startsWith("polpo-check: error: cannot start recording (127.0.0.1:"),
          r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
  }

  @Test
  void help_namesTheDefaultsAndHowToPointPolpoAtIt() {
    CliRun r = CliRun.of("record", "--help");
    assertEquals(0, r.exit());
    String unwrapped = r.out().replaceAll("\\s+", ""); // picocli wraps long defaults
    assertTrue(unwrapped.contains("(default:https://api.anthropic.com)"), r.out());
    assertTrue(unwrapped.contains("(default:127.0.0.1:8787;"), r.out());
    assertTrue(r.out().contains("\"baseUrl\": \"http://127.0.0.1:8787\""));
    assertTrue(r.out().contains("ANTHROPIC_BASE_URL"));
  }
}
