package dev.polpocheck.trace;

import java.util.function.Supplier;

/** The trace formats polpo-check reads; each constant makes its parser. */
public enum TraceFormat {
  /** polpo-check's own JSONL, one call per line ({@code schemas/trace.schema.json}). */
  NATIVE("polpo-check", NativeParser::new),
  /** Claude Code transcripts ({@code ~/.claude/projects/**}{@code /*.jsonl}). */
  CLAUDE_CODE("claude-code", ClaudeCodeParser::new),
  /** mini-swe-agent trajectories ({@code *.traj.json}, format mini-swe-agent-1.1). */
  MINI_SWE_AGENT("mini-swe-agent", MiniSweParser::new),
  /**
   * OpenTelemetry spans as OTLP JSON ({@code resourceSpans}), GenAI and Vercel AI SDK attributes.
   */
  OTLP_JSON("otlp-json", OtlpParser::new),
  /**
   * Codex CLI rollouts ({@code $CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl}): recognised so
   * they are named, not priced (their {@code token_count} events carry OpenAI usage).
   */
  CODEX_CLI("codex-cli", CodexRollouts::new);

  private final String id;
  private final Supplier<FileParser> parser;

  TraceFormat(String id, Supplier<FileParser> parser) {
    this.id = id;
    this.parser = parser;
  }

  /** The name used in reports and JSON output. */
  public String id() {
    return id;
  }

  FileParser newParser() {
    return parser.get();
  }
}
