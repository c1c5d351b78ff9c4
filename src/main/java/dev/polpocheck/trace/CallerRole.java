package dev.polpocheck.trace;

/**
 * Who made an LLM call. Polpo retries, fails over and billing-disables only orchestrator calls
 * ({@code queryText}/{@code queryStream}); agent turns go through pi-agent-core's loop, where a
 * provider error ends the run.
 */
public enum CallerRole {
  /** One assistant turn of an agent run (the common case in traces). */
  AGENT,
  /** An orchestrator call: planning, assessment, judge. */
  ORCHESTRATOR
}
