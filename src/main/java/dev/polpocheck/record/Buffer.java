package dev.polpocheck.record;

import java.util.Arrays;

/**
 * A growable byte array whose memory is taken from a {@link ByteBudget} and capped: once it cannot
 * grow, it stops keeping bytes and says so ({@link #overflowed()}), and the caller relays without
 * reading. {@link #release()} gives the memory back.
 */
final class Buffer {
  private final ByteBudget budget;
  private final int cap;
  private byte[] bytes = new byte[0];
  private int length;
  private long held;
  private boolean overflowed;

  Buffer(ByteBudget budget, int cap) {
    this.budget = budget;
    this.cap = cap;
  }

  /** Keeps {@code n} bytes of {@code b} if the cap and the budget allow; false once it cannot. */
  boolean add(byte[] b, int off, int n) {
    if (overflowed) {
      return false;
    }
    if ((long) length + n > cap || !ensure(length + n)) {
      overflowed = true;
      return false;
    }
    System.arraycopy(b, off, bytes, length, n);
    length += n;
    return true;
  }

  /** Makes room for {@code size} bytes; false when the budget has no more. */
  boolean ensure(int size) {
    if (size <= bytes.length) {
      return true;
    }
    int grown = (int) Math.min(cap, Math.max((long) size, Math.max(8192L, bytes.length * 2L)));
    if (!budget.tryTake(grown - bytes.length)) {
      return false;
    }
    held += grown - bytes.length;
    bytes = Arrays.copyOf(bytes, grown);
    return true;
  }

  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  /** Sets the length after bytes were read straight into {@link #bytes()}. */
  void setLength(int n) {
    length = n;
  }

  boolean overflowed() {
    return overflowed;
  }

  /** Gives the memory back to the budget; the buffer is empty afterwards. */
  void release() {
    budget.give(held);
    held = 0;
    bytes = new byte[0];
    length = 0;
  }
}
