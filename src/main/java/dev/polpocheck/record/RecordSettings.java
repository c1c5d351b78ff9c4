package dev.polpocheck.record;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one recording run needs.
 *
 * @param upstream the Anthropic API base URL requests are relayed to (http or https, no query)
 * @param listen the address the proxy accepts clients on (port 0 = any free port)
 * @param output a directory (one {@code polpo-YYYY-MM-DD.jsonl} file per UTC day) or one file
 * @param outputIsDirectory whether {@code output} is a directory
 * @param upstreamTimeout how long the upstream may take to send response headers, and the
 *     longest silence allowed inside a response body, before the call ends as a 504
 */
public record RecordSettings(
    URI upstream,
    InetSocketAddress listen,
    Path output,
    boolean outputIsDirectory,
    Duration upstreamTimeout) {

  /** Requires every part; the upstream must be an absolute http(s) URL. */
  public RecordSettings {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(upstreamTimeout, "upstreamTimeout");
    String scheme = upstream.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("upstream must be an http or https URL");
    }
  }

  /** The file new lines go to, and where the fingerprint key lives: the output's directory. */
  Path directory() {
    Path abs = output.toAbsolutePath();
    return outputIsDirectory ? abs : abs.getParent();
  }
}
