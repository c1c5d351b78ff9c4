package dev.polpocheck.json;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A parsed JSON file: its decoded text, the tree with JavaScript's last-wins semantics for
 * duplicate keys, the pointer → position index, and every duplicate key found.
 *
 * @param path how the file is named in diagnostics (as the user gave it)
 * @param text the decoded source, without a byte-order mark
 * @param root the parsed value
 * @param positions spans of every key and value
 * @param duplicates every key that occurs more than once in its object, in source order
 * @param hadByteOrderMark whether the file started with a UTF-8 byte-order mark (removed from
 *     {@code text}; Node's {@code JSON.parse} rejects it)
 */
public record JsonDocument(
    String path,
    String text,
    JsonNode root,
    PositionIndex positions,
    List<DuplicateKey> duplicates,
    boolean hadByteOrderMark) {

  /** Copies the duplicate list. */
  public JsonDocument {
    duplicates = List.copyOf(duplicates);
  }
}
