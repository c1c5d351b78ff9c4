package dev.polpocheck.trace;

import java.util.List;
import java.util.Map;

/**
 * What a read of trace files did: nothing is dropped without being counted here.
 *
 * <p>{@code records = calls + deduplicated + skipped}: every usage record found is either delivered
 * as a call, dropped as a duplicate of one already delivered, or skipped as a bad record (with a
 * problem). {@code withoutUsage} counts calls a trace says happened but for which it recorded no
 * usage (mini-swe-agent's {@code api_calls} above its responses); they are not invented, only
 * reported.
 *
 * @param files trace files read
 * @param formats files per trace format
 * @param records usage records found
 * @param calls calls delivered
 * @param deduplicated records dropped as duplicates (Claude Code streaming lines, replays)
 * @param skipped bad records (malformed, wrong types, missing fields)
 * @param withoutUsage calls recorded without usage, reported and not priced
 * @param problemCount all problems, including those beyond {@code problems}
 * @param problems the first problems, in file order
 * @param nullUsage lines whose usage is {@code null} (not calls; counted, not priced)
 * @param synthetic lines of model {@code <synthetic>} (Claude Code's own, not API calls)
 */
public record ReadSummary(
    long files,
    Map<TraceFormat, Long> formats,
    long records,
    long calls,
    long deduplicated,
    long skipped,
    long withoutUsage,
    long problemCount,
    List<TraceProblem> problems,
    long nullUsage,
    long synthetic) {

  /** How many problems a summary keeps verbatim; the rest are only counted. */
  public static final int MAX_PROBLEMS = 200;

  public ReadSummary {
    formats = Map.copyOf(formats);
    problems = List.copyOf(problems);
  }
}
