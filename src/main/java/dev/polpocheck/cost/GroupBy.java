package dev.polpocheck.cost;

/** How the cost ledger groups calls ({@code --by}). */
public enum GroupBy {
  /** Calendar day in the report's time zone. */
  DAY,
  /** ISO-8601 week (Monday first) in the report's time zone, labelled {@code 2026-W47}. */
  WEEK,
  /** Calendar month in the report's time zone. */
  MONTH,
  /** Session (agent run, Claude Code session, mini-swe-agent instance). */
  SESSION,
  /** Agent name (Claude Code: the project directory). */
  AGENT,
  /** Provider and model. */
  MODEL,
  /** Auth profile ("(none)" when the trace does not say). */
  PROFILE,
  /** ccusage's 5-hour billing blocks, labelled by their start (UTC). */
  BLOCK
}
