package dev.polpocheck.sim.rotation;

/**
 * Chooses the credential profile for one key fetch: Polpo's {@code selectProfileForProvider}
 * (polpo-semantics.md §10.1).
 *
 * <p>A selector is bound to one {@link ProfilePool} and answers with a profile number into the
 * pool's arrays, so a call allocates nothing; the caller then records the outcome on the pool
 * (normally {@link ProfilePool#recordSuccess}). Both implementations return the same profile for
 * every state and time.
 */
public interface Selector {

  /**
   * Returns the profile to use for provider number {@code provider} at {@code now}, or −1 when no
   * profile serves the provider.
   *
   * @param pinnedIndex a pinned profile number, or −1; a pin on another provider's profile is
   *     ignored, as in Polpo
   * @param pinKind how hard the pin is; {@link PinKind#NONE} ignores {@code pinnedIndex}
   */
  int select(int provider, long now, int pinnedIndex, PinKind pinKind);

  /** Returns the profile to use for provider number {@code provider} at {@code now}, unpinned. */
  default int select(int provider, long now) {
    return select(provider, now, -1, PinKind.NONE);
  }

  /** Returns the pool this selector reads. */
  ProfilePool pool();
}
