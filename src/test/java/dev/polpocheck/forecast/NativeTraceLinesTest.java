package dev.polpocheck.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polpocheck.UserInputException;
import dev.polpocheck.trace.Call;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protects the sample workload's file format and the forecast's trace input: what the generator
 * writes, the project's trace reader reads back unchanged; a bad line is skipped and counted in a
 * warning, never dropped silently; missing or empty inputs are one clear error.
 */
class NativeTraceLinesTest {

  @Test
  void toLine_readBackByTheTraceReader_isTheSameCall(@TempDir Path dir) throws Exception {
    List<Call> calls = SampleWorkload.generate(3).subList(0, 50);
    StringBuilder b = new StringBuilder();
    calls.forEach(c -> b.append(NativeTraceLines.toLine(c)).append('\n'));
    Path f = Files.writeString(dir.resolve("t.jsonl"), b);
    TraceFiles read = TraceFiles.read(List.of(f));
    assertEquals(calls, read.calls());
    assertEquals(List.of(), read.warnings());
  }

  @Test
  void read_oneBadLine_isSkippedAndCountedInAWarning(@TempDir Path dir) throws Exception {
    String good = NativeTraceLines.toLine(SampleWorkload.generate(3).get(0));
    Path f = Files.writeString(dir.resolve("t.jsonl"), good + "\n{\"timestamp\": \"2026\n");
    TraceFiles read = TraceFiles.read(List.of(f));
    assertEquals(1, read.calls().size());
    assertEquals(1, read.warnings().size());
    assertTrue(read.warnings().get(0).startsWith("1 bad trace records were skipped (first: "
        + f + ":2"), read.warnings().get(0));
  }

  @Test
  void read_missingFile_namesIt(@TempDir Path dir) {
    Path f = dir.resolve("nope.jsonl");
    UserInputException e = assertThrows(UserInputException.class,
        () -> TraceFiles.read(List.of(f)));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
  }

  @Test
  void read_emptyFile_saysThereAreNoCalls(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("empty.jsonl"), "");
    UserInputException e = assertThrows(UserInputException.class,
        () -> TraceFiles.read(List.of(f)));
    // the trace reader refuses a silent zero before the workload is built
    assertTrue(e.getMessage().startsWith(f + ": no LLM call record found; looked for"),
        e.getMessage());
  }
}
