package dev.polpocheck.sim.rotation;

import java.util.function.Function;

/** The selector implementations, as factories: the simulator's {@code --selector} choice. */
public enum SelectorKind {
  /** Indexed heaps with lazy expiry: O(log n), no allocation; the default. */
  FAST(FastSelector::new),
  /** Polpo's algorithm literally: filter, bucket and sort on every call. */
  REFERENCE(ReferenceSelector::new);

  private final Function<ProfilePool, Selector> factory;

  SelectorKind(Function<ProfilePool, Selector> factory) {
    this.factory = factory;
  }

  /** Creates a selector of this kind bound to {@code pool}. */
  public Selector create(ProfilePool pool) {
    return factory.apply(pool);
  }
}
