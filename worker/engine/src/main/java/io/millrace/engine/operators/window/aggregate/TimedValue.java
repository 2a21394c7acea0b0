package io.millrace.engine.operators.window.aggregate;

/**
 * The accumulator of {@code first}/{@code last}: a value with the event time of its record. First
 * and last are by event time (ties: arrival order), so the result does not depend on how records
 * were spread over slices or on the order in which slices are merged.
 */
public record TimedValue(long timestamp, Object value) {}
