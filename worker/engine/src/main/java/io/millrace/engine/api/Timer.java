package io.millrace.engine.api;

/**
 * A fired timer.
 *
 * @param key the key it was registered under (null for non-keyed operators)
 * @param namespace the namespace it was registered in (0 when unused; windows use their window id)
 * @param timestamp event time or processing time (epoch ms) it was registered for
 */
public record Timer(Object key, long namespace, long timestamp) {}
