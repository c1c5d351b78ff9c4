package dev.polpocheck.cli;

import dev.polpocheck.forecast.SampleWorkload;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Trace files for the forecast and capacity CLI tests. */
final class CliFixtures {
  private CliFixtures() {}

  /** The sample workload's first eight days as a gzip trace file in {@code dir}. */
  static Path eightDayTraces(Path dir) throws IOException {
    Path traces = dir.resolve("traces.jsonl.gz");
    String all = new String(SampleWorkload.shippedBytes(), StandardCharsets.UTF_8);
    List<String> lines = all.lines().filter(l -> l.compareTo("{\"timestamp\":\"2026-11-10") < 0)
        .toList();
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(traces)),
        StandardCharsets.UTF_8)) {
      for (String l : lines) {
        w.write(l + "\n");
      }
    }
    return traces;
  }
}
