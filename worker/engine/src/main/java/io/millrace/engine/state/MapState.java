package io.millrace.engine.state;

import java.util.Map;

/**
 * A map per key and namespace. User keys are serialized with the descriptor's key serializer,
 * which must be deterministic. With TTL, each entry carries its own expiry.
 */
public interface MapState<K, V> extends State {

  /** The value for {@code key}, or {@code null}. */
  V get(K key);

  /** Puts an entry; a {@code null} value removes it. */
  void put(K key, V value);

  void putAll(Map<K, V> entries);

  void remove(K key);

  boolean contains(K key);

  /** A snapshot of the live entries (RocksDB: in user-key byte order; heap: unordered). */
  Map<K, V> entries();

  boolean isEmpty();
}
