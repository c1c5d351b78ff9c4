package dev.polpocheck.sim.rotation;

/** How a session pins a profile when it asks the {@link Selector} for one (§10.1 step 2). */
public enum PinKind {
  /** No pin: plain rotation. */
  NONE,
  /** A hard pin ({@code /model …@profile}): returned even while cooling down or disabled. */
  USER,
  /** A soft pin: returned only while neither cooling down nor billing-disabled. */
  AUTO
}
