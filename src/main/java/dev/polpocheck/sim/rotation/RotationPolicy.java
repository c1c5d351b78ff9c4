package dev.polpocheck.sim.rotation;

import java.util.Objects;

/**
 * The rotation policies the simulator compares (anthropic-and-peers.md §8), as factories of {@link
 * Rotation}s over a {@link Selector}.
 */
public enum RotationPolicy {
  /** Polpo 0.3.x: every key fetch rotates by least-recent use, OAuth first (§10.3); the default. */
  POLPO {
    @Override
    public Rotation create(Selector selector) {
      Objects.requireNonNull(selector, "selector");
      return new Rotation() {
        @Override
        public int choose(int provider, int session, long now) {
          return selector.select(provider, now);
        }

        @Override
        public void endSession(int session) {
          // Per-turn rotation keeps nothing per session.
        }
      };
    }
  },
  /**
   * OpenClaw (§7.2): a session keeps its profile (a soft pin, to keep the cache warm) and moves
   * only when that profile cools down or is disabled.
   */
  STICKY {
    @Override
    public Rotation create(Selector selector) {
      Objects.requireNonNull(selector, "selector");
      return new Rotation() {
        private final SessionPins pins = new SessionPins();

        @Override
        public int choose(int provider, int session, long now) {
          int pinned = pins.get(session, provider);
          int chosen = selector.select(provider, now, pinned, PinKind.AUTO);
          if (chosen >= 0 && chosen != pinned) {
            pins.put(session, provider, chosen);
          }
          return chosen;
        }

        @Override
        public void endSession(int session) {
          pins.endSession(session, selector.pool().providerCount());
        }
      };
    }
  },
  /** One credential: always the provider's first profile in file order, whatever its state. */
  SINGLE {
    @Override
    public Rotation create(Selector selector) {
      ProfilePool pool = Objects.requireNonNull(selector, "selector").pool();
      return new Rotation() {
        @Override
        public int choose(int provider, int session, long now) {
          if (provider < 0 || provider >= pool.providerCount()) {
            return -1;
          }
          return pool.profileCount(provider) == 0 ? -1 : pool.profileOf(provider, 0);
        }

        @Override
        public void endSession(int session) {
          // A single credential keeps nothing per session.
        }
      };
    }
  };

  /** Creates a rotation of this policy that selects through {@code selector}. */
  public abstract Rotation create(Selector selector);
}
