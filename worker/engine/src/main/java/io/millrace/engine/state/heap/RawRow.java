package io.millrace.engine.state.heap;

/**
 * One state entry in serialized form, as written in heap snapshots.
 *
 * @param keyGroup key group of the key
 * @param key deterministic key bytes
 * @param namespace namespace
 * @param userKey map-state user key bytes, or null for other kinds
 * @param value stored value bytes (see {@code StoredValues})
 */
record RawRow(int keyGroup, byte[] key, long namespace, byte[] userKey, byte[] value) {}
