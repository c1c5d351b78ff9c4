package dev.polpocheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Protects the dedup key function: the same (message id, request id) must give the same 64-bit key
 * in every JVM, because polpo-check-spark computes keys on its executors and elects copies by them
 * across machines. The algorithm is the one documented on {@link Hashing}: FNV-1a 64 over the UTF-16
 * code units, 0x1F between the two strings, then MurmurHash3's fmix64.
 *
 * <p>Expected values from an independent Python implementation of both published algorithms
 * (FNV-1a 64: offset basis 0xcbf29ce484222325, prime 0x100000001b3, checked against the published
 * test vector fnv1a64("a") = 0xaf63dc4c8601ec8c; fmix64: shifts of 33, multipliers
 * 0xff51afd7ed558ccd and 0xc4ceb9fe1a85ec53), in 64-bit two's complement.
 */
class HashingTest {

  @Test
  void of_matchesFnv1aThenFmix64() {
    assertEquals(0x36610c0f0fbc67caL, Hashing.of("", ""));
    assertEquals(0xd1c99169feeacffcL, Hashing.of("msg_01", "req_01"));
    assertEquals(0x10fec9706ff76113L, Hashing.of("ab", "c"));
    assertEquals(0x01fe1a972956a49eL, Hashing.of("a", "bc"));
  }

  @Test
  void of_theSeparatorKeepsShiftedSplitsApart() {
    assertNotEquals(Hashing.of("ab", "c"), Hashing.of("a", "bc"));
    assertNotEquals(Hashing.of("msg", ""), Hashing.of("", "msg"));
  }
}
