package dev.polpocheck.cli;

import dev.polpocheck.UserInputException;
import dev.polpocheck.record.RecordServer;
import dev.polpocheck.record.RecordSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the recording proxy in the foreground until SIGINT or SIGTERM, then writes what is queued
 * and exits 0. Binding anywhere but loopback needs {@code --allow-remote}: whoever reaches the
 * port can spend the credentials clients send through it.
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Record a running Polpo's (or any Anthropic client's) real API calls as native traces:"
          + " a proxy between the client and Anthropic that relays every request unchanged and"
          + " writes one trace line per Messages API call (usage, latency, status, rate limits;"
          + " never the key, the prompt or the response)."
    },
    footer = {
      "%nPoint the client at the proxy:",
      "  Polpo 0.3.x, in .polpo/polpo.json:",
      "    \"providers\": {\"anthropic\": {\"baseUrl\": \"http://127.0.0.1:8787\"}}",
      "  other clients: ANTHROPIC_BASE_URL=http://127.0.0.1:8787",
      "%nExamples:",
      "  polpo-check record",
      "  polpo-check record --output traces/ --listen 127.0.0.1:9000",
      "  polpo-check cost polpo-traces/ --by profile"
    })
final class RecordCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--upstream",
      paramLabel = "URL",
      defaultValue = "https://api.anthropic.com",
      description = "Where requests go (default: ${DEFAULT-VALUE}).")
  String upstream;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:8787",
      description = "Address to accept clients on (default: ${DEFAULT-VALUE}; port 0 = any free).")
  String listen;

  @Option(
      names = "--output",
      paramLabel = "FILE|DIR",
      defaultValue = "polpo-traces",
      description =
          "A directory (one polpo-YYYY-MM-DD.jsonl per UTC day) or a .jsonl file"
              + " (default: ./${DEFAULT-VALUE}/).")
  Path output;

  @Option(
      names = "--allow-remote",
      description = "Allow --listen on an address other than loopback (prints a warning).")
  boolean allowRemote;

  @Option(
      names = "--upstream-timeout",
      paramLabel = "DURATION",
      defaultValue = "600s",
      converter = Durations.Millis.class,
      description =
          "Longest wait for the upstream's response headers, and longest silence inside a"
              + " response, before the call ends as a 504 (default: ${DEFAULT-VALUE}).")
  long upstreamTimeoutMillis;

  @Override
  public Integer call() {
    RecordSettings settings = settings();
    PrintWriter err = spec.commandLine().getErr();
    if (!settings.listen().getAddress().isLoopbackAddress()) {
      err.println(
          "polpo-check record: warning: listening on " + hostPort(settings.listen())
              + ", not loopback: anyone who can reach it can send requests with the credentials"
              + " your clients pass through it");
    }
    RecordServer server;
    try {
      server = RecordServer.start(settings, err);
    } catch (IOException e) {
      throw new UserInputException(
          "cannot start recording (" + hostPort(settings.listen()) + " -> " + output + "): "
              + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    err.println(
        "polpo-check record: listening on http://" + hostPort(server.address())
            + ", relaying to " + settings.upstream() + ", recording to " + output
            + (settings.outputIsDirectory() ? "/" : "") + " (Ctrl-C to stop)");
    err.flush();
    CountDownLatch forever = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  RecordServer.Summary s = server.stop(2);
                  err.println(
                      "polpo-check record: stopped; " + s.recorded() + " call(s) recorded, "
                          + s.written() + " line(s) written"
                          + (s.failed() + s.dropped() > 0
                              ? ", " + (s.failed() + s.dropped()) + " could not be written"
                              : ""));
                  err.flush();
                  // A signal is how the user ends a foreground recording, not a failure: exit 0.
                  Runtime.getRuntime().halt(ExitCodes.OK);
                },
                "polpo-check-record-stop"));
    try {
      forever.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }

  private RecordSettings settings() {
    URI up;
    try {
      up = new URI(upstream);
    } catch (URISyntaxException e) {
      throw usage("--upstream: '" + upstream + "' is not a URL");
    }
    if (!("http".equals(up.getScheme()) || "https".equals(up.getScheme()))
        || up.getHost() == null
        || up.getRawQuery() != null
        || up.getRawUserInfo() != null) {
      throw usage(
          "--upstream: expected an http(s) URL without credentials or query, e.g."
              + " https://api.anthropic.com");
    }
    InetSocketAddress addr = parseListen(listen);
    if (!addr.getAddress().isLoopbackAddress() && !allowRemote) {
      throw usage(
          "--listen " + listen + " is not a loopback address; add --allow-remote to accept"
              + " clients from other machines (they could use the credentials passed through)");
    }
    if (upstreamTimeoutMillis < 1) {
      throw usage("--upstream-timeout must be at least 1ms");
    }
    boolean isFile =
        Files.isRegularFile(output)
            || output.getFileName() != null && output.getFileName().toString().endsWith(".jsonl")
            || output.toString().startsWith("/dev/");
    if (!isFile && Files.exists(output) && !Files.isDirectory(output)) {
      throw usage("--output " + output + " is neither a directory nor a .jsonl file");
    }
    return new RecordSettings(
        up, addr, output, !isFile, Duration.ofMillis(upstreamTimeoutMillis));
  }

  private InetSocketAddress parseListen(String v) {
    int colon = v.lastIndexOf(':');
    if (colon <= 0 || colon == v.length() - 1) {
      throw usage("--listen: expected HOST:PORT, e.g. 127.0.0.1:8787, found '" + v + "'");
    }
    String host = v.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(v.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw usage("--listen: port must be 0 to 65535, found '" + v.substring(colon + 1) + "'");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw usage("--listen: unknown host '" + host + "'");
    }
  }

  private static String hostPort(InetSocketAddress a) {
    String h = a.getAddress().getHostAddress();
    return (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort();
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
