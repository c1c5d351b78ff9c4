package dev.polpocheck.validate;

import java.util.List;

/**
 * The outcome of validating one file: its findings (sorted by position) and what a reporter needs
 * to draw code frames without leaking secrets.
 *
 * @param file the file as the user named it
 * @param kind which Polpo file it is
 * @param diagnostics findings, sorted by line, column and rule
 * @param text the decoded source, or null when the file could not be read or decoded
 * @param secretRanges {@code [start, end)} character ranges of secret values in {@code text}, which
 *     code frames must mask
 * @param readable false when the file could not be read at all (exit code 3)
 */
public record FileResult(
    String file,
    FileKind kind,
    List<Diagnostic> diagnostics,
    String text,
    List<int[]> secretRanges,
    boolean readable) {

  /** Copies the lists. */
  public FileResult {
    diagnostics = List.copyOf(diagnostics);
    secretRanges = List.copyOf(secretRanges);
  }
}
