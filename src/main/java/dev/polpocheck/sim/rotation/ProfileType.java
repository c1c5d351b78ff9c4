package dev.polpocheck.sim.rotation;

/**
 * The credential type of an auth profile; Polpo's selector puts OAuth profiles before API keys
 * (polpo-semantics.md §10.1).
 */
public enum ProfileType {
  /** A subscription login ({@code "type": "oauth"}); preferred by the selector. */
  OAUTH,
  /** A plain API key ({@code "type": "api_key"}). */
  API_KEY
}
