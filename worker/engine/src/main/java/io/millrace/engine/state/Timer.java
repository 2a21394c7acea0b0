package io.millrace.engine.state;

/**
 * A registered timer. Timers are unique per (key, namespace, timestamp) within a node and domain:
 * registering the same one twice fires once.
 *
 * @param key the record-model key the timer was registered under
 * @param namespace the namespace (0 when unused, window id for windows)
 * @param timestamp epoch ms
 */
public record Timer(Object key, long namespace, long timestamp) {}
