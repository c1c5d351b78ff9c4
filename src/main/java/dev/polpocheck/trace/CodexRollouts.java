package dev.polpocheck.trace;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * A Codex CLI rollout: recognised, named and not priced. Its {@code event_msg} / {@code
 * token_count} events carry OpenAI usage (cumulative {@code total_token_usage}, cached input inside
 * {@code input_tokens}) for OpenAI models, which polpo-check's catalogs do not price; reading it as
 * a Claude Code transcript would report zero calls, the silent zero this class exists to prevent.
 */
final class CodexRollouts implements FileParser {
  static final String NAME = "Codex CLI rollouts (OpenAI usage in token_count events)";

  @Override
  public void parse(Path file, InputStream in, FileResult out) {
    out.foreign = NAME;
    out.problem(0, "a Codex CLI rollout, not read: polpo-check does not price Codex usage");
  }
}
