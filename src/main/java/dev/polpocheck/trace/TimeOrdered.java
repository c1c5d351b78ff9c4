package dev.polpocheck.trace;

/**
 * Calls that their producer guarantees to iterate in non-decreasing start time, every time they
 * are iterated. A consumer that would otherwise check or restore the order first (one whole pass)
 * may skip that pass; it must still fail on a call earlier than its predecessor.
 */
public interface TimeOrdered extends Iterable<Call> {}
