package dev.polpocheck.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints (HMAC-SHA-256) of credentials and prompt parts, shortened to hex labels.
 *
 * <p>Why keyed: a plain hash of an API key or of a system prompt can be confirmed by anyone who
 * holds a guess (a leaked key, a known prompt) and reads the trace. With a secret key that lives
 * beside the recording (a 0600 file, {@value #KEY_FILE}), the labels are stable across runs that
 * share the directory, and say nothing to a reader of the trace alone. 48 bits of label keep
 * collisions unlikely (birthday bound ~1.7 x 10^7 distinct values) while staying readable.
 */
final class Fingerprints {
  /** The key file's name in the recording directory. */
  static final String KEY_FILE = ".polpo-record.key";

  private final ThreadLocal<Mac> mac;

  private Fingerprints(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
    this.mac =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable", e);
              }
            });
  }

  /** Fingerprints with a fixed key (tests). */
  static Fingerprints withKey(byte[] key) {
    return new Fingerprints(key.clone());
  }

  /**
   * The fingerprints of {@code dir}: its key file is read, or created (0600, 32 random bytes) when
   * missing.
   */
  static Fingerprints inDirectory(Path dir) throws IOException {
    Path file = dir.resolve(KEY_FILE);
    if (!Files.exists(file)) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      try {
        Files.write(
            Files.createFile(
                file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
            HexFormat.of().formatHex(key).getBytes(StandardCharsets.US_ASCII),
            StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException raced) {
        // another recorder created it first: read theirs below
      }
    }
    String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
    try {
      byte[] key = HexFormat.of().parseHex(hex);
      if (key.length < 16) {
        throw new IOException(file + ": key too short");
      }
      return new Fingerprints(key);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": not a hex key");
    }
  }

  /** The first 12 hex digits of HMAC(kind || 0 || value). */
  String of(String kind, byte[] value) {
    Mac m = mac.get();
    m.update(kind.getBytes(StandardCharsets.UTF_8));
    m.update((byte) 0);
    byte[] h = m.doFinal(value);
    return HexFormat.of().formatHex(h, 0, 6);
  }

  /** {@link #of(String, byte[])} of a string's UTF-8 bytes. */
  String of(String kind, String value) {
    return of(kind, value.getBytes(StandardCharsets.UTF_8));
  }
}
