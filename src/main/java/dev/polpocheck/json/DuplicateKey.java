package dev.polpocheck.json;

/**
 * A key written twice in one object: {@code ignored} is the earlier occurrence, which JavaScript's
 * {@code JSON.parse} discards, {@code kept} the later one whose value Polpo uses.
 *
 * @param pointer the member's pointer (the object's pointer plus the key)
 * @param key the duplicated key, unescaped
 * @param ignored key span of the earlier, discarded occurrence
 * @param kept key span of the last occurrence
 */
public record DuplicateKey(String pointer, String key, Span ignored, Span kept) {}
