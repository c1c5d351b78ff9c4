package dev.polpocheck.forecast;

import dev.polpocheck.UserInputException;
import dev.polpocheck.trace.Call;
import dev.polpocheck.trace.ReadSummary;
import dev.polpocheck.trace.TraceReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.nio.file.Path;

/**
 * Reads the corpus of a forecast with the project's trace reader (native JSONL, Claude Code,
 * mini-swe-agent; files or directories; gzip), keeping count of what it skipped.
 *
 * @param calls the calls read, deduplicated
 * @param warnings skipped or unusable records, said plainly (never dropped silently)
 * @param skipped bad records skipped
 * @param withoutUsage calls recorded without usage, left out
 */
public record TraceFiles(List<Call> calls, List<String> warnings, long skipped,
    long withoutUsage) {
  public TraceFiles {
    calls = List.copyOf(calls);
    warnings = List.copyOf(warnings);
  }

  /** Calls read with nothing skipped (the embedded sample). */
  public TraceFiles(List<Call> calls, List<String> warnings) {
    this(calls, warnings, 0, 0);
  }

  /**
   * Reads the inputs.
   *
   * @throws UserInputException when an input is missing or unreadable, or holds no call
   */
  public static TraceFiles read(List<Path> inputs) {
    List<Call> calls = new ArrayList<>();
    ReadSummary s = new TraceReader(false, 1).read(inputs, calls::add);
    List<String> w = new ArrayList<>();
    if (s.skipped() > 0) {
      w.add(String.format(Locale.ROOT, "%d bad trace records were skipped (first: %s)",
          s.skipped(), s.problems().isEmpty() ? "?" : s.problems().get(0)));
    }
    if (s.withoutUsage() > 0) {
      w.add(s.withoutUsage() + " calls had no usage recorded and are left out of the workload");
    }
    if (calls.isEmpty()) {
      w.add(0, "read as " + s.formats().keySet().stream()
          .map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-')).sorted().toList());
      throw new UserInputException(
          (inputs.size() == 1 ? inputs.get(0) : inputs.toString()) + ": no calls in the workload"
              + " (" + String.join("; ", w) + ")");
    }
    return new TraceFiles(calls, w, s.skipped(), s.withoutUsage());
  }
}
