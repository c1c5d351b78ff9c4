package dev.polpocheck.sim.rotation;

/**
 * A rotation policy at work: chooses the profile for each key fetch of a session. Created by {@link
 * RotationPolicy#create}.
 */
public interface Rotation {

  /**
   * Returns the profile for one key fetch of session {@code session} on provider number {@code
   * provider} at {@code now}, or −1 when no profile serves the provider. The caller records the
   * outcome on the pool (Polpo records a success at key-fetch time).
   */
  int choose(int provider, int session, long now);

  /** Forgets whatever this rotation kept for {@code session}; call it when the session ends. */
  void endSession(int session);
}
