package io.millrace.engine.runtime.exchange;

/**
 * Elements sent together through a channel: one queue operation (and one consumer wake-up) per
 * batch instead of per record. The array is owned by the consumer once the batch is sent.
 */
public record Batch(Object[] elements, int size) {}
