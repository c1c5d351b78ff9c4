package dev.polpocheck.trace;

import java.io.Serializable;

/**
 * What one file showed of the formats polpo-check reads, for the never-a-silent-zero check of
 * {@link TraceReader}: how many records it read or reported (calls, skipped records, lines
 * without usage, problems of a known format), and the foreign format it is when recognisably one
 * (Codex CLI rollouts), else null; and, for the read summary, its usage records ({@code
 * records}, as {@link ReadSummary#records()} counts them) and the bad ones skipped. Serializable so readers that parse files elsewhere
 * ({@code polpo-check-spark}'s tasks) can send it back to the one place that decides.
 */
public record FileFacts(long counted, String foreign, long records, long skipped)
    implements Serializable {
  private static final long serialVersionUID = 2L;

  static FileFacts of(FileResult r) {
    // anything read and reported (records, usage null, synthetic, calls without usage, a problem
    // of a file of a format polpo-check reads) is not a silent zero
    long counted = r.records + r.nullUsage + r.synthetic + r.withoutUsage;
    if (r.foreign == null) {
      counted += r.problemCount;
    }
    return new FileFacts(counted, r.foreign, r.records, r.skipped);
  }
}
