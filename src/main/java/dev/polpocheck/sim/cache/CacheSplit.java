package dev.polpocheck.sim.cache;

/**
 * How the prompt of one simulated request splits: tokens read from the cache, written to it, and
 * plain (uncached) input. A mutable holder the engine reuses so the per-call path allocates
 * nothing; copy the values out before the next lookup.
 */
public final class CacheSplit {
  long read;
  long write;
  long input;

  /** Sets the split directly (a recorded split, or no caching at all). */
  public void set(long read, long write, long input) {
    this.read = read;
    this.write = write;
    this.input = input;
  }

  /** Tokens read from the cache. */
  public long read() {
    return read;
  }

  /** Tokens written to the cache (0 for automatic caching). */
  public long write() {
    return write;
  }

  /** Uncached input tokens. */
  public long input() {
    return input;
  }
}
