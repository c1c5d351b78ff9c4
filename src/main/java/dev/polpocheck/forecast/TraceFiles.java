package dev.polpocheck.forecast;

import dev.polpocheck.UserInputException;
import dev.polpocheck.trace.Call;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the workload corpus of a forecast from native trace JSONL files (plain or gzip). */
public final class TraceFiles {
  private TraceFiles() {}

  /**
   * All calls of the files, in file order.
   *
   * @throws UserInputException when a file is missing, unreadable or has a bad line
   */
  public static List<Call> read(List<Path> files) {
    List<Call> calls = new ArrayList<>();
    for (Path f : files) {
      try (InputStream raw = Files.newInputStream(f)) {
        InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        calls.addAll(NativeTraceLines.parse(
            new String(in.readAllBytes(), StandardCharsets.UTF_8), f.toString()));
      } catch (NoSuchFileException e) {
        throw new UserInputException(f + ": no such file");
      } catch (IOException e) {
        throw new UserInputException(f + ": cannot read: " + e.getMessage());
      }
    }
    if (calls.isEmpty()) {
      throw new UserInputException(
          (files.size() == 1 ? files.get(0) : files.toString()) + ": no calls in the workload");
    }
    return calls;
  }
}
