package dev.polpocheck.record;

import java.util.Arrays;

/**
 * A growable byte array whose memory is taken from a {@link ByteBudget} and capped: once it cannot
 * grow, it stops keeping bytes and says so ({@link #overflowed()}), and the caller relays without
 * reading. {@link #release()} gives the memory back.
 *
 * <p>It can start in a caller's array (the relay thread's own, reused call after call, see {@link
 * Relay}): small bodies then cost no allocation, and only what grows beyond it is taken from the
 * budget.
 */
final class Buffer {
  private static final byte[] NONE = new byte[0];
  private final ByteBudget budget;
  private final int cap;
  private final byte[] start;
  private byte[] bytes;
  private int length;
  /** Bytes taken from the budget: the length of {@link #bytes} once it outgrew {@link #start}. */
  private long held;
  private boolean overflowed;

  Buffer(ByteBudget budget, int cap) {
    this(budget, cap, NONE);
  }

  /** A buffer whose first {@code start.length} bytes (at most {@code cap}) live in {@code start}. */
  Buffer(ByteBudget budget, int cap, byte[] start) {
    this.budget = budget;
    this.cap = cap;
    this.start = start.length <= cap ? start : NONE;
    this.bytes = this.start;
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
    if (!budget.tryTake(grown - held)) {
      return false;
    }
    held = grown;
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
    bytes = start;
    length = 0;
  }
}
