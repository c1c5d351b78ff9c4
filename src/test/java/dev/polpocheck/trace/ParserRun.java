package dev.polpocheck.trace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** One file parser run over text or a stream, and its problems as "line: message". */
final class ParserRun {
  private ParserRun() {}

  /** Runs {@code parser} over {@code lines}, each ended by a newline, as the file {@code file}. */
  static FileResult lines(FileParser parser, Path file, String... lines) throws IOException {
    return stream(
        parser,
        file,
        new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
  }

  /** Runs {@code parser} over {@code in} as the file {@code file}. */
  static FileResult stream(FileParser parser, Path file, InputStream in) throws IOException {
    FileResult r = new FileResult(file.toString());
    parser.parse(file, in, r);
    return r;
  }

  /** The problems of {@code r} as "line: message", in order. */
  static List<String> problems(FileResult r) {
    return r.problems.stream().map(p -> p.line() + ": " + p.message()).toList();
  }
}
