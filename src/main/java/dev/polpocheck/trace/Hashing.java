package dev.polpocheck.trace;

/** 64-bit hashes of dedup keys: FNV-1a over the characters, then MurmurHash3's finaliser. */
final class Hashing {
  private Hashing() {}

  /** Hash of the pair (a, b); a separator keeps ("ab","c") and ("a","bc") apart. */
  static long of(String a, String b) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, a);
    h ^= 0x1F;
    h *= 0x100000001b3L;
    h = mix(h, b);
    return fmix(h);
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
