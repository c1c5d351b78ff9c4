package dev.polpocheck.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Parses one trace file of a known format into a {@link FileResult}. */
interface FileParser {
  /**
   * Reads {@code in} (already decompressed) and adds every call and problem to {@code out}.
   *
   * @param file the file, for names and synthesised session ids
   */
  void parse(Path file, InputStream in, FileResult out) throws IOException;
}
