package dev.polpocheck.sim;

/**
 * Which Polpo the simulation follows where its docs and its code disagree (polpo-semantics.md §5
 * rows 4-8, §23.2).
 */
public enum Variant {
  /**
   * Polpo 0.3.x as coded: provider errors come back as messages and never reach the classifier, so
   * a 429 never rotates a credential or cools a profile down; profile cooldown only from refresh
   * failures; billing-disable only for thrown billing errors of orchestrator calls.
   */
  POLPO_CODE("polpo-code"),
  /**
   * Polpo's documentation: 429 / 401 / 5xx cool the profile down and the turn moves on; the profile
   * whose spend cap ran out is billing-disabled alone; the billing counter resets after a window
   * without failure.
   */
  POLPO_DOCS("polpo-docs");

  private final String id;

  Variant(String id) {
    this.id = id;
  }

  /** The scenario-file spelling. */
  public String id() {
    return id;
  }

  /** The variant spelled {@code id} in a scenario file. */
  public static Variant of(String id) {
    for (Variant v : values()) {
      if (v.id.equals(id)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown variant " + id);
  }
}
