package dev.polpocheck.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a parser found in one file: its calls after in-file deduplication, its problems and its
 * counts. Collected per file so files can be parsed in parallel and merged in a fixed order.
 */
final class FileResult {
  final String file;
  TraceFormat format;
  final List<ParsedCall> calls = new ArrayList<>();
  final List<TraceProblem> problems = new ArrayList<>();
  long problemCount;
  long records;
  long deduplicated;
  long skipped;
  long withoutUsage;

  /** Lines whose usage is {@code null}: not calls, counted so the summary shows them. */
  long nullUsage;

  /** Lines of model {@code <synthetic>} (Claude Code's own messages, not API calls). */
  long synthetic;

  /** What the file is when it is a known format polpo-check does not price, or null. */
  String foreign;

  /** The first skipped record's problem (what --strict reports), or null. */
  TraceProblem firstBad;

  private final Map<Long, Integer> byKey = new HashMap<>();
  private final Map<Long, Integer> byId = new HashMap<>();

  FileResult(String file) {
    this.file = file;
  }

  /** This file's counts and format without its calls (kept for every file of a read). */
  FileResult summaryOnly() {
    FileResult r = new FileResult(file);
    r.format = format;
    r.records = records;
    r.skipped = skipped;
    r.problemCount = problemCount;
    r.withoutUsage = withoutUsage;
    r.nullUsage = nullUsage;
    r.synthetic = synthetic;
    r.foreign = foreign;
    return r;
  }

  /** Records a bad record at {@code line}: counted as skipped, kept as a problem. */
  void skip(long line, String message) {
    skipped++;
    if (firstBad == null) {
      firstBad = new TraceProblem(file, line, message);
    }
    problem(line, message);
  }

  /** Records a problem that is not a skipped record (e.g. calls without usage). */
  void problem(long line, String message) {
    problemCount++;
    if (problems.size() < ReadSummary.MAX_PROBLEMS) {
      problems.add(new TraceProblem(file, line, message));
    }
  }

  /**
   * Adds a parsed call, collapsing it with an earlier record of the same message in this file: same
   * (message id, request id), or the same message id when either record is a sidechain. The
   * survivor keeps the earlier position.
   */
  void add(ParsedCall c) {
    records++;
    if (c.key() != 0) {
      Integer at = byKey.get(c.key());
      if (at == null && c.idKey() != 0) {
        Integer byIdAt = byId.get(c.idKey());
        if (byIdAt != null && (c.sidechain() || calls.get(byIdAt).sidechain())) {
          at = byIdAt;
        }
      }
      if (at != null) {
        deduplicated++;
        if (c.beats(calls.get(at))) {
          calls.set(at, c);
          byKey.putIfAbsent(c.key(), at);
        }
        return;
      }
      byKey.put(c.key(), calls.size());
      if (c.idKey() != 0) {
        byId.putIfAbsent(c.idKey(), calls.size());
      }
    }
    calls.add(c);
  }
}
